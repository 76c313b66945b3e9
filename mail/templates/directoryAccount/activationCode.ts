import { renderMail } from '../../layout.js';

/** « Première connexion ? »: the code that lets the person choose their first password. */
export function activationCode(p: { firstName: string; login: string; code: string; expiresAt: Date }) {
  const until = p.expiresAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });
  return renderMail('Activation de votre compte ENT — Activation of your ENT account', [
    `Bonjour ${p.firstName},`,
    `Votre identifiant ENT est : ${p.login}. Pour activer votre compte, saisissez ce code sur la page « Première connexion ? » : ${p.code}`,
    `Ce code est valable une seule fois, jusqu’au ${until}. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.`,
    `Hello, your ENT login is ${p.login}. To activate your account, enter this single-use code on the « Première connexion ? » page: ${p.code}`,
  ]);
}
