import { type Locale, renderMail } from '../../layout.js';

/** Every message the offer's lifecycle sends to its author (seed 002). */
export type OfferNotice = 'received' | 'changesRequested' | 'published' | 'refused' | 'expired' | 'withdrawn';

export interface OfferNoticeParams {
  authorName: string;
  title: string;
  company: string;
  reason?: string;
  expiresOn?: string;
  /** The offer in « Mes offres d'emploi ». */
  link?: string;
}

type Lines = (p: OfferNoticeParams) => [string, string[]];

const fr: Record<OfferNotice, Lines> = {
  received: (p) => [
    `Offre enregistrée : ${p.title}`,
    [
      'Votre offre est enregistrée. Toute offre est soumise à validation d’un webmaster avant publication : vous serez informé(e) de sa décision.',
      'Suivez son statut dans « Mes offres d’emploi ».',
    ],
  ],
  changesRequested: (p) => [
    `Offre à modifier : ${p.title}`,
    [
      'Le webmaster demande des modifications avant de publier votre offre. Modifiez-la dans « Mes offres d’emploi » puis enregistrez : elle repassera en validation.',
      ...(p.reason ? [`Commentaire du webmaster : ${p.reason}`] : []),
    ],
  ],
  published: (p) => [
    `Offre publiée : ${p.title}`,
    [
      `Votre offre est publiée${p.expiresOn ? ` jusqu’au ${p.expiresOn}` : ''}. Vous recevrez à l’adresse de contact de l’annonce les candidatures et CV des personnes intéressées.`,
    ],
  ],
  refused: (p) => [
    `Offre refusée : ${p.title}`,
    ['Le webmaster n’a pas validé votre offre : elle ne sera pas publiée.', ...(p.reason ? [`Motif : ${p.reason}`] : [])],
  ],
  expired: (p) => [
    `Offre expirée : ${p.title}`,
    [
      'Votre offre est arrivée à échéance : elle est archivée et n’est plus visible. Vous pouvez déposer une nouvelle offre.',
      ...(p.reason ? [p.reason] : []),
    ],
  ],
  withdrawn: (p) => [
    `Offre retirée : ${p.title}`,
    ['Votre offre est retirée : elle n’est plus visible et ne reçoit plus de candidatures.'],
  ],
};

const en: Record<OfferNotice, Lines> = {
  received: (p) => [`Offer received: ${p.title}`, ['Your offer is saved and awaits a webmaster’s validation before publication.']],
  changesRequested: (p) => [
    `Offer to be changed: ${p.title}`,
    [
      'The webmaster asks for changes; edit the offer in « Mes offres d’emploi » to resubmit it.',
      ...(p.reason ? [`Comment: ${p.reason}`] : []),
    ],
  ],
  published: (p) => [`Offer published: ${p.title}`, [`Your offer is published${p.expiresOn ? ` until ${p.expiresOn}` : ''}.`]],
  refused: (p) => [
    `Offer refused: ${p.title}`,
    ['The webmaster did not validate your offer.', ...(p.reason ? [`Reason: ${p.reason}`] : [])],
  ],
  expired: (p) => [`Offer expired: ${p.title}`, ['Your offer reached its end date and is archived.']],
  withdrawn: (p) => [`Offer withdrawn: ${p.title}`, ['Your offer is withdrawn and no longer visible.']],
};

export function offerNotice(notice: OfferNotice, p: OfferNoticeParams, locale: Locale = 'fr') {
  const [subject, body] = (locale === 'fr' ? fr : en)[notice](p);
  const hello = locale === 'fr' ? `Bonjour ${p.authorName},` : `Hello ${p.authorName},`;
  const link = p.link ? { label: locale === 'fr' ? 'Voir mon offre' : 'See my offer', url: p.link } : undefined;
  return renderMail(subject, [hello, ...body, `${p.title} — ${p.company}`], link);
}
