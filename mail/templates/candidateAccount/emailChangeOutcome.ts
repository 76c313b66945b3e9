import { type Locale, renderMail } from '../../layout.js';

export type EmailChangeOutcome = 'applied' | 'expired' | 'taken';

export function emailChangeOutcome(p: { firstName: string; outcome: EmailChangeOutcome }, locale: Locale = 'fr') {
  const fr: Record<EmailChangeOutcome, [string, string]> = {
    applied: ['Votre nouvelle adresse mail est validée', 'Votre nouvelle adresse est validée : vous pouvez vous reconnecter.'],
    expired: [
      'Modification d’adresse abandonnée',
      'La nouvelle adresse n’a pas été validée à temps : votre adresse précédente est conservée et vous pouvez vous reconnecter avec elle.',
    ],
    taken: [
      'Modification d’adresse impossible',
      'Cette adresse est désormais utilisée par un autre compte : votre adresse précédente est conservée.',
    ],
  };
  const en: Record<EmailChangeOutcome, [string, string]> = {
    applied: ['Your new address is validated', 'Your new address is validated: you can log in again.'],
    expired: ['Address change abandoned', 'The new address was not validated in time: your former address is kept.'],
    taken: ['Address change impossible', 'That address now belongs to another account: your former address is kept.'],
  };
  const [subject, body] = (locale === 'fr' ? fr : en)[p.outcome];
  return renderMail(subject, [locale === 'fr' ? `Bonjour ${p.firstName},` : `Hello ${p.firstName},`, body]);
}
