import { renderMail } from '../../layout.js';

/** « Mot de passe oublié ? »: never a password in a mail, a single-use link to choose one. */
export function recoveryLink(p: { firstName: string; login: string; url: string; expiresAt: Date }) {
  const until = p.expiresAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });
  return renderMail(
    'Mot de passe oublié — Forgotten password',
    [
      `Bonjour ${p.firstName},`,
      `Votre identifiant ENT est : ${p.login}. Pour choisir un nouveau mot de passe, utilisez le lien ci-dessous, valable une seule fois jusqu’au ${until}.`,
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.',
      'Hello, to choose a new password for your ENT account, use the single-use link below.',
    ],
    { label: 'Choisir un nouveau mot de passe', url: p.url },
  );
}
