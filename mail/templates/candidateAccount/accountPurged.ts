import { type Locale, renderMail } from '../../layout.js';

export function accountPurged(p: { firstName: string }, locale: Locale = 'fr') {
  return locale === 'fr'
    ? renderMail('Votre compte non validé a été supprimé', [
        `Bonjour ${p.firstName},`,
        'Votre compte n’a pas été validé dans le délai imparti : il a été supprimé et votre adresse mail est libérée.',
        'Vous pouvez créer un nouveau compte à tout moment.',
      ])
    : renderMail('Your unvalidated account was deleted', [
        `Hello ${p.firstName},`,
        'Your account was not validated in time: it was deleted and your address is free again.',
        'You may create a new account at any time.',
      ]);
}
