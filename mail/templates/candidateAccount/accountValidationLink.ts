import { type Locale, renderMail } from '../../layout.js';

export function accountValidationLink(p: { firstName: string; url: string; expiresAt: Date }, locale: Locale = 'fr') {
  const until = p.expiresAt.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris' });
  return locale === 'fr'
    ? renderMail(
        'Validez votre compte',
        [
          `Bonjour ${p.firstName},`,
          'Votre compte a été créé. Pour l’activer, cliquez sur le lien de validation ci-dessous (ou copiez-le dans votre navigateur).',
          `Ce lien est valable jusqu’au ${until}. Passé ce délai, le compte non validé est supprimé.`,
        ],
        { label: 'Valider mon compte', url: p.url },
      )
    : renderMail(
        'Validate your account',
        [
          `Hello ${p.firstName},`,
          'Your account was created. Open the link below to activate it.',
          `The link is valid until ${until}; after that, the unvalidated account is deleted.`,
        ],
        { label: 'Validate my account', url: p.url },
      );
}
