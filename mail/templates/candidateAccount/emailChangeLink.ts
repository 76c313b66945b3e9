import { type Locale, renderMail } from '../../layout.js';

export function emailChangeLink(p: { firstName: string; url: string; expiresAt: Date }, locale: Locale = 'fr') {
  const until = p.expiresAt.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris' });
  return locale === 'fr'
    ? renderMail(
        'Validez votre nouvelle adresse mail',
        [
          `Bonjour ${p.firstName},`,
          'Vous avez modifié l’adresse mail de votre compte. Vous avez été déconnecté : validez cette adresse pour pouvoir vous reconnecter.',
          `Ce lien est valable jusqu’au ${until}. Sans validation, votre ancienne adresse est conservée.`,
        ],
        { label: 'Valider ma nouvelle adresse', url: p.url },
      )
    : renderMail(
        'Validate your new e-mail address',
        [
          `Hello ${p.firstName},`,
          'You changed your address and were logged out: validate it to log in again.',
          `The link is valid until ${until}; without validation your former address is kept.`,
        ],
        { label: 'Validate my new address', url: p.url },
      );
}
