import { dateTime } from '../../lib/i18n/index.js';
import type { DecisionResult, Outcome } from '../../workflows/kit/approval/contract.js';
import { detailsList, notice } from '../pages/components.js';
import { errorSummary, type FormState, hidden, textarea } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';
import type { DecisionLinkView } from './links.js';

function summary(ctx: PageContext, view: DecisionLinkView): Html {
  const { request } = view;
  return html`<p>${ctx.t('pageDecision.asks', { requester: request.requester_name, title: request.title })}</p>${
    Object.keys(request.details).length ? detailsList(Object.entries(request.details)) : ''
  }`;
}

/** GET: what is asked, by whom, the details, a reason and a comment, one button per outcome. Opening it decides nothing. */
export function decisionFormPage(
  ctx: PageContext,
  view: DecisionLinkView,
  p: { action: string; csrf: string; state?: FormState; message?: string },
): PageContent {
  const { t } = ctx;
  const outcomes = view.request.outcomes as Outcome[];
  const state = p.state ?? { lang: ctx.lang, values: {}, errors: {} };
  if (view.request.kind === 'trainingSeatOffer') return seatOfferPage(ctx, view, p.action, p.csrf, state, p.message);
  return {
    title: t('pageDecision.title'),
    body: html`${errorSummary(state, p.message)}
<p>${t('pageDecision.hello', { name: view.greeting })}</p>
${summary(ctx, view)}
${view.onBehalfOf ? html`<p class="muted">${t('pageDecision.onBehalfOf', { name: view.onBehalfOf })}</p>` : ''}
<p class="muted">${t('pageDecision.before', { when: dateTime(view.request.deadline_at.getTime(), ctx.lang) })}</p>
<form method="post" action="${p.action}" novalidate>
${hidden('csrf', p.csrf)}
${textarea(state, { name: 'reason', label: outcomes.includes('refuse') ? t('pageDecision.reasonRequired') : t('pageDecision.reason'), maxlength: 2000, rows: 3 })}
${textarea(state, { name: 'comment', label: outcomes.includes('request_changes') ? t('pageDecision.commentRequired') : t('pageDecision.comment'), maxlength: 2000, rows: 3 })}
<div class="outcomes" role="group" aria-label="${t('pageDecision.yourDecision')}">
${outcomes.map(
  (o) =>
    html`<button type="submit" name="outcome" value="${o}"${o === 'refuse' ? html` class="button-danger"` : o === 'approve' ? '' : html` class="button-secondary"`}>${t('approval.outcome', { outcome: o })}</button>`,
)}
</div>
</form>`,
  };
}

/** After the step closed: who decided what, when, and why. Also what the decider sees right after deciding. */
export function decisionClosedPage(
  ctx: PageContext,
  view: DecisionLinkView,
  justDecided = false,
  status = 200,
): PageContent & { status: number } {
  const { t } = ctx;
  const { request } = view;
  const sentence = t('approval.closed', {
    status: request.status as 'withdrawn' | 'expired' | 'decided',
    outcome: (request.outcome ?? undefined) as DecisionResult['outcome'] | undefined,
    by: request.decided_by_name ?? undefined,
    at: request.closed_at?.getTime(),
  });
  return {
    status,
    title: justDecided ? t('pageDecision.recordedTitle') : t('pageDecision.settledTitle'),
    body: html`${notice(justDecided ? 'success' : 'info', justDecided ? t('pageDecision.recorded') : t('pageDecision.settled'), { live: justDecided })}
<p>${sentence}</p>
${request.reason ? html`<p>${t('pageDecision.reasonShown', { reason: request.reason })}</p>` : ''}${
  request.comment ? html`<p>${t('pageDecision.commentShown', { comment: request.comment })}</p>` : ''
}
<h2>${t('pageDecision.theRequest')}</h2>
${summary(ctx, view)}`,
  };
}

export function decisionErrorPage(ctx: PageContext, status: number, message: string): PageContent & { status: number } {
  return {
    status,
    title: ctx.t('pageDecision.unusableTitle'),
    body: html`${notice('error', message, { live: true })}<p class="muted">${ctx.t('pageDecision.unusableHint')}</p>`,
  };
}

/**
 * A freed seat offered to a wait-listed applicant (seed 004) reads as an offer: « Je confirme » keeps
 * the seat, « Je me désiste » gives it to the next person (its own form, so the withdrawal carries
 * its reason and the confirmation none).
 */
function seatOfferPage(
  ctx: PageContext,
  view: DecisionLinkView,
  action: string,
  csrf: string,
  state: FormState,
  message?: string,
): PageContent {
  const { t } = ctx;
  return {
    title: t('pageStaff.seatOfferTitle'),
    body: html`${errorSummary(state, message)}
<p>${t('pageDecision.hello', { name: view.greeting })}</p>
<p>${t('pageStaff.seatOfferIntro')}</p>
${Object.keys(view.request.details).length ? detailsList(Object.entries(view.request.details)) : ''}
<p class="muted">${t('pageDecision.before', { when: dateTime(view.request.deadline_at.getTime(), ctx.lang) })}</p>
<div class="outcomes">
<form method="post" action="${action}" class="inline">${hidden('csrf', csrf)}${hidden('outcome', 'approve')}<button type="submit">${t('pageStaff.seatConfirm')}</button></form>
<form method="post" action="${action}" class="inline">${hidden('csrf', csrf)}${hidden('outcome', 'refuse')}${hidden('reason', t('pageStaff.seatDeclined'))}<button type="submit" class="button-secondary">${t('pageStaff.seatDecline')}</button></form>
</div>`,
  };
}
