import { renderMail } from '../../layout.js';

/** A new personal address counts once validated by this link, mailed to it. */
export function emailChangeLink(p: { firstName: string; url: string; expiresAt: Date }) {
  const until = p.expiresAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });
  return renderMail(
    'Validez votre adresse personnelle — Confirm your personal address',
    [
      `Bonjour ${p.firstName},`,
      `Vous avez indiqué cette adresse comme adresse personnelle de votre compte ENT. Validez-la avec le lien ci-dessous, valable une seule fois jusqu’au ${until}.`,
      'Hello, confirm this address as the personal address of your ENT account with the single-use link below.',
    ],
    { label: 'Valider mon adresse', url: p.url },
  );
}
