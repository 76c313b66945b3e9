import { type Locale, renderMail } from '../../layout.js';

export type DecisionMailReason = 'new' | 'reminder' | 'escalation' | 'handover';

const subjects: Record<DecisionMailReason, { fr: string; en: string }> = {
  new: { fr: 'Décision attendue', en: 'Decision requested' },
  reminder: { fr: 'Rappel : décision attendue', en: 'Reminder: decision requested' },
  escalation: { fr: 'Décision attendue (transmise faute de réponse)', en: 'Decision requested (escalated)' },
  handover: { fr: 'Décision attendue (délégation)', en: 'Decision requested (delegated)' },
};

/** The mail that carries an approver's own decision link (never forwarded: it decides in their name). */
export function decisionRequested(
  p: {
    approverName: string;
    /** The request's kind: a freed seat (`trainingSeatOffer`) reads as an offer, not as a decision to take. */
    kind?: string;
    reason: DecisionMailReason;
    title: string;
    requesterName: string;
    details: Record<string, string>;
    url: string;
    deadline: Date;
    onBehalfOf?: string;
    hasInbox: boolean;
  },
  locale: Locale = 'fr',
) {
  const until = p.deadline.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris' });
  const details = Object.entries(p.details).map(([label, value]) => `${label} : ${value}`);
  if (p.kind === 'trainingSeatOffer') return seatOffer(p, until, details, locale);
  if (locale === 'en') {
    return renderMail(
      `${subjects[p.reason].en}: ${p.title}`,
      [
        `Hello ${p.approverName},`,
        `${p.requesterName} asks for your decision: ${p.title}.`,
        ...details,
        ...(p.onBehalfOf ? [`You decide on behalf of ${p.onBehalfOf}.`] : []),
        `Please decide before ${until}. This link is personal: do not forward it.`,
      ],
      { label: 'Open the decision page', url: p.url },
    );
  }
  return renderMail(
    `${subjects[p.reason].fr} : ${p.title}`,
    [
      `Bonjour ${p.approverName},`,
      `${p.requesterName} demande votre décision : ${p.title}.`,
      ...details,
      ...(p.onBehalfOf ? [`Vous décidez en remplacement de ${p.onBehalfOf} (délégation pendant son absence).`] : []),
      `Merci de décider avant le ${until}. Ce lien vous est personnel : ne le transférez pas.`,
      ...(p.hasInbox ? ['Vous retrouvez aussi cette demande dans vos décisions en attente.'] : []),
    ],
    { label: 'Ouvrir la page de décision', url: p.url },
  );
}

/** Seed 004: « une place libérée est proposée au premier de la liste d'attente »: an offer to confirm or decline. */
function seatOffer(p: { approverName: string; title: string; url: string }, until: string, details: string[], locale: Locale) {
  if (locale === 'en') {
    return renderMail(
      'A seat has become free: do you confirm your participation?',
      [
        `Hello ${p.approverName},`,
        'A seat has become free in the session for which you were on the waiting list. It is offered to you.',
        ...details,
        `Please answer before ${until}: « I confirm » keeps the seat, « I withdraw » gives it to the next person.`,
      ],
      { label: 'I confirm or I withdraw', url: p.url },
    );
  }
  return renderMail(
    'Une place s’est libérée : confirmez-vous votre participation ?',
    [
      `Bonjour ${p.approverName},`,
      'Une place s’est libérée dans la session pour laquelle vous étiez sur liste d’attente : elle vous est proposée.',
      ...details,
      `Merci de répondre avant le ${until} : « Je confirme » vous réserve la place, « Je me désiste » la laisse à la personne suivante.`,
    ],
    { label: 'Je confirme ou je me désiste', url: p.url },
  );
}
