import { type Locale, renderMail } from '../../layout.js';

export function passwordChanged(p: { firstName: string }, locale: Locale = 'fr') {
  return locale === 'fr'
    ? renderMail('Votre mot de passe a été modifié', [
        `Bonjour ${p.firstName},`,
        'Votre mot de passe vient d’être modifié et vos sessions ouvertes ont été fermées.',
        'Si vous n’êtes pas à l’origine de ce changement, contactez l’assistance.',
      ])
    : renderMail('Your password was changed', [
        `Hello ${p.firstName},`,
        'Your password was changed and your open sessions were closed.',
        'If this was not you, contact support.',
      ]);
}
