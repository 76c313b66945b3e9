import { renderMail } from '../../layout.js';

export type DirectoryOutcomeMail = 'activated' | 'password_set' | 'password_changed' | 'mail_applied';

const texts: Record<DirectoryOutcomeMail, { subject: string; fr: string; en: string }> = {
  activated: {
    subject: 'Votre compte ENT est activé — Your ENT account is active',
    fr: 'Votre compte ENT est activé : vous pouvez vous connecter avec votre identifiant et le mot de passe choisi.',
    en: 'Your ENT account is active: log in with your login and the password you chose.',
  },
  password_set: {
    subject: 'Votre mot de passe ENT a été modifié — Your ENT password was changed',
    fr: 'Un nouveau mot de passe a été choisi pour votre compte ENT avec le lien « Mot de passe oublié ? ».',
    en: 'A new password was chosen for your ENT account with the « Mot de passe oublié ? » link.',
  },
  password_changed: {
    subject: 'Votre mot de passe ENT a été modifié — Your ENT password was changed',
    fr: 'Le mot de passe de votre compte ENT vient d’être modifié depuis « Mon compte ». Vos autres sessions sur la plateforme ont été fermées.',
    en: 'Your ENT password was just changed from « Mon compte ». Your other sessions on the platform were closed.',
  },
  mail_applied: {
    subject: 'Adresse personnelle validée — Personal address confirmed',
    fr: 'Cette adresse est désormais l’adresse personnelle de votre compte ENT.',
    en: 'This address is now the personal address of your ENT account.',
  },
};

/** The outcome of a directory lifecycle, told to the person (in case it was not them). */
export function directoryOutcome(p: { firstName: string; outcome: DirectoryOutcomeMail }) {
  const text = texts[p.outcome];
  return renderMail(text.subject, [
    `Bonjour ${p.firstName},`,
    text.fr,
    'Si vous n’êtes pas à l’origine de ce changement, contactez l’assistance.',
    text.en,
  ]);
}
