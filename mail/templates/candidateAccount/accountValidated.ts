import { type Locale, renderMail } from '../../layout.js';

export function accountValidated(p: { firstName: string; fileNumber: string; loginUrl: string }, locale: Locale = 'fr') {
  return locale === 'fr'
    ? renderMail('Votre compte est validé', [
        `Bonjour ${p.firstName},`,
        `Votre compte est validé. Votre identifiant (numéro de dossier) est : ${p.fileNumber}.`,
        `Vous pouvez vous connecter avec cet identifiant ou votre adresse mail, et votre mot de passe : ${p.loginUrl}`,
      ])
    : renderMail('Your account is validated', [
        `Hello ${p.firstName},`,
        `Your account is validated. Your login (file number) is: ${p.fileNumber}.`,
        `Log in with it or with your e-mail address: ${p.loginUrl}`,
      ]);
}
