import { type Locale, renderMail } from '../../layout.js';

/** Tells the approvers who were asked but did not decide that the request no longer waits on them. */
export function decisionClosed(p: { approverName: string; title: string; what: string }, locale: Locale = 'fr') {
  return locale === 'fr'
    ? renderMail(`Demande traitée : ${p.title}`, [
        `Bonjour ${p.approverName},`,
        `La demande « ${p.title} » ne nécessite plus votre décision : ${p.what}.`,
        'Aucune action n’est attendue de votre part.',
      ])
    : renderMail(`Request closed: ${p.title}`, [
        `Hello ${p.approverName},`,
        `The request "${p.title}" no longer needs your decision: ${p.what}.`,
        'No action is needed.',
      ]);
}
