import { type Locale, renderMail } from '../../layout.js';

/** Never a password in a mail: the login, and a single-use link to choose a new password. */
export function credentialRecoveryLink(p: { firstName: string; fileNumber: string; url: string; expiresAt: Date }, locale: Locale = 'fr') {
  const until = p.expiresAt.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris' });
  return locale === 'fr'
    ? renderMail(
        'Vos identifiants',
        [
          `Bonjour ${p.firstName},`,
          `Votre identifiant (numéro de dossier) est : ${p.fileNumber}. Vous pouvez aussi vous connecter avec votre adresse mail.`,
          `Pour choisir un nouveau mot de passe, utilisez le lien ci-dessous, valable une seule fois jusqu’au ${until}.`,
          'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.',
        ],
        { label: 'Choisir un nouveau mot de passe', url: p.url },
      )
    : renderMail(
        'Your credentials',
        [
          `Hello ${p.firstName},`,
          `Your login (file number) is: ${p.fileNumber}. You may also log in with your e-mail address.`,
          `To choose a new password, use the single-use link below before ${until}.`,
          'If you did not ask for this, ignore this message: your current password still works.',
        ],
        { label: 'Choose a new password', url: p.url },
      );
}
