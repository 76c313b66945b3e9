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
