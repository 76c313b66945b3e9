import { t } from '../../lib/i18n/index.js';
import type { DecisionResult, Outcome } from '../../workflows/kit/approval/contract.js';
import { frenchDateTime } from '../../workflows/kit/approval/contract.js';
import { escapeHtml, page, paragraph } from '../pages/legacyLayout.js';
import type { DecisionLinkView } from './links.js';

// Beside the shared frame: text areas, the request's details, one full-width button per outcome.
const style = `<style>
  textarea { width: 100%; box-sizing: border-box; min-height: 5rem; padding: .7rem; font: inherit; margin-top: .3rem; border: 1px solid #888; border-radius: 4px; }
  textarea:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
  p { overflow-wrap: anywhere; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; } dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
  .outcomes { display: flex; flex-wrap: wrap; gap: .6rem; } .outcomes button { flex: 1 1 12rem; }
  button[value="refuse"] { background: #a40000; } button[value="wait_list"], button[value="request_changes"] { background: #5a4a00; }
</style>`;

function detailsList(details: Record<string, string>): string {
  const entries = Object.entries(details);
  return entries.length ? `<dl>${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>` : '';
}

function summary(view: DecisionLinkView): string {
  const { request } = view;
  return `${paragraph(`${request.requester_name} demande votre décision : ${request.title}.`)}${detailsList(request.details)}`;
}

/** GET: what is asked, by whom, the details, the outcome buttons and a comment field. Opening it decides nothing. */
export function decisionFormPage(
  view: DecisionLinkView,
  p: { action: string; csrf: string; error?: string; fields?: Record<string, string> },
): string {
  const outcomes = view.request.outcomes as Outcome[];
  const fieldError = (name: string) =>
    p.fields?.[name] ? `<span class="error" id="${name}-error">${escapeHtml(p.fields[name]!)}</span>` : '';
  const reasonLabel = outcomes.includes('refuse') ? 'Motif (obligatoire en cas de refus)' : 'Motif';
  const commentLabel = outcomes.includes('request_changes')
    ? 'Commentaire (obligatoire pour demander des modifications : ce qu’il faut changer)'
    : 'Commentaire (facultatif)';
  return page(
    'Décision attendue',
    `${style}${p.error ? paragraph(p.error, 'error') : ''}
${paragraph(`Bonjour ${view.approverName},`)}
${summary(view)}
${view.onBehalfOf ? paragraph(`Vous décidez en remplacement de ${view.onBehalfOf}.`, 'muted') : ''}
${paragraph(`À décider avant ${frenchDateTime(view.request.deadline_at.getTime())}.`, 'muted')}
<form method="post" action="${escapeHtml(p.action)}">
<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">
<label for="reason">${reasonLabel}</label>
<textarea id="reason" name="reason" maxlength="2000" aria-describedby="reason-error"></textarea>${fieldError('reason')}
<label for="comment">${commentLabel}</label>
<textarea id="comment" name="comment" maxlength="2000"${p.fields?.comment ? ' aria-describedby="comment-error"' : ''}></textarea>${fieldError('comment')}
<div class="outcomes" role="group" aria-label="Votre décision">
${outcomes.map((o) => `<button type="submit" name="outcome" value="${o}">${escapeHtml(t('approval.outcome', 'fr', { outcome: o }))}</button>`).join('\n')}
</div>
</form>`,
  );
}

/** After the step closed: who decided what, when, and why. Also what the decider sees right after deciding. */
export function decisionClosedPage(view: DecisionLinkView, justDecided = false): string {
  const { request } = view;
  const sentence = t('approval.closed', 'fr', {
    status: request.status as 'withdrawn' | 'expired' | 'decided',
    outcome: (request.outcome ?? undefined) as DecisionResult['outcome'] | undefined,
    by: request.decided_by_name ?? undefined,
    at: request.closed_at?.getTime(),
  });
  return page(
    justDecided ? 'Décision enregistrée' : 'Demande déjà traitée',
    `${style}${paragraph(justDecided ? 'Votre décision a été enregistrée. Merci.' : 'Aucune décision n’est plus attendue de votre part.', justDecided ? 'ok' : undefined)}
${paragraph(sentence)}
${request.reason ? paragraph(`Motif : ${request.reason}`) : ''}${request.comment ? paragraph(`Commentaire : ${request.comment}`) : ''}
<h2 style="font-size:1.1rem">La demande</h2>
${summary(view)}`,
  );
}

export function decisionErrorPage(message: string): string {
  return page(
    'Lien de décision inutilisable',
    `${paragraph(message, 'error')}${paragraph('Si une décision est encore attendue de vous, le prochain rappel contiendra un nouveau lien ; les personnels la retrouvent aussi dans leurs décisions en attente.', 'muted')}`,
  );
}
