import type { AuditLine } from '../../db/approvalAudit.js';
import type { ApprovalRequestRow, ApprovalTaskRow } from '../../db/approvals.js';
import { dateTime } from '../../lib/i18n/index.js';
import type { Outcome } from '../../workflows/kit/approval/contract.js';
import { detailsList, linkButton, notice, pagination, table } from '../pages/components.js';
import { errorSummary, type FormState, form, hidden, input, select, textarea } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';
import type { TaskSection, TaskView } from './taskViews.js';

/** The pages of the staff shell, as functions of the page context and what the use cases returned. */

export const staffPaths = {
  login: '/personnels/connexion',
  inbox: '/personnels/decisions',
  task: (taskId: string) => `/personnels/decisions/${taskId}`,
  bulk: '/personnels/decisions/lot',
  audit: (workflowId: string) => `/personnels/demandes/${encodeURIComponent(workflowId)}/audit`,
  auditCsv: (workflowId: string) => `/personnels/demandes/${encodeURIComponent(workflowId)}/audit.csv`,
  absences: '/personnels/absences',
};

export function staffLoginPage(ctx: PageContext, state: FormState, message: string | undefined, action: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageStaff.loginTitle'),
    body: html`<p>${t('pageStaff.loginIntro')}</p>
${form({
  state,
  message,
  action,
  csrf: ctx.csrf,
  submit: t('pageStaff.loginSubmit'),
  fields: html`${input(state, { name: 'email', label: t('pageStaff.email'), type: 'email', autocomplete: 'username', required: true, spellcheck: false })}
${input(state, { name: 'password', label: t('pageStaff.password'), type: 'password', autocomplete: 'current-password', required: true })}`,
})}
<p>${linkButton('/ent/connexion', t('pageStaff.loginEnt'), 'secondary')}</p>`,
  };
}

export interface InboxItemView {
  taskId: string;
  workflowId: string;
  step: string;
  kind: string;
  title: string;
  requester: string;
  deadlineAt: Date;
}

export interface InboxFilterValues {
  kind?: string | undefined;
  step?: string | undefined;
  echeance?: string | undefined;
}

/** Builds an inbox URL that keeps the filters. */
export function inboxUrl(filter: InboxFilterValues, cursor?: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  if (cursor) query.set('apres', cursor);
  const q = query.toString();
  return q ? `${staffPaths.inbox}?${q}` : staffPaths.inbox;
}

export function inboxPage(
  ctx: PageContext,
  p: {
    total: number;
    counts: Record<string, number>;
    steps: string[];
    items: InboxItemView[];
    filter: InboxFilterValues;
    nextCursor: string | null;
    paged: boolean;
    bulkState?: FormState;
    bulkMessage?: string;
  },
): PageContent {
  const { t } = ctx;
  const kindLabel = (kind: string) => t('pageStaff.kinds', { kind });
  const filterState: FormState = {
    lang: ctx.lang,
    values: { kind: p.filter.kind ?? '', step: p.filter.step ?? '', echeance: p.filter.echeance ?? '' },
    errors: {},
  };
  const bulkState = p.bulkState ?? { lang: ctx.lang, values: {}, errors: {} };
  const outcomes: Outcome[] = ['approve', 'refuse', 'wait_list', 'request_changes'];
  const counts = Object.entries(p.counts).sort(([a], [b]) => a.localeCompare(b));
  return {
    title: t('pageStaff.inboxTitle'),
    body: html`<p>${t('pageStaff.inboxTotal', { n: p.total })} <a href="${staffPaths.absences}">${t('pageStaff.absencesLink')}</a></p>
${
  counts.length
    ? html`<nav aria-label="${t('pageStaff.countsLabel')}"><ul class="counts">
<li><a href="${inboxUrl({ ...p.filter, kind: undefined })}"${p.filter.kind ? '' : html` aria-current="page"`}>${t('pageStaff.allKinds')} (${p.total})</a></li>
${counts.map(([kind, n]) => html`<li><a href="${inboxUrl({ ...p.filter, kind })}"${p.filter.kind === kind ? html` aria-current="page"` : ''}>${kindLabel(kind)} (${n})</a></li>`)}
</ul></nav>`
    : ''
}
<h2>${t('pageStaff.filters')}</h2>
<form method="get" action="${staffPaths.inbox}" class="filters">
${select(filterState, { name: 'kind', label: t('pageStaff.filterKind'), options: counts.map(([kind]) => ({ value: kind, label: kindLabel(kind) })) })}
${select(filterState, { name: 'step', label: t('pageStaff.filterStep'), options: p.steps.map((s) => ({ value: s, label: s })) })}
${input(filterState, { name: 'echeance', label: t('pageStaff.filterDeadline'), type: 'date' })}
<div class="actions"><button type="submit">${t('pageStaff.filterSubmit')}</button> <a href="${staffPaths.inbox}">${t('pageStaff.filterReset')}</a></div>
</form>
${errorSummary(bulkState, p.bulkMessage)}
<form method="post" action="${staffPaths.bulk}" novalidate>
${hidden('csrf', ctx.csrf)}
${table({
  caption: t('pageStaff.tableCaption'),
  head: [
    t('pageStaff.colSelect'),
    t('pageStaff.colRequest'),
    t('pageStaff.colKind'),
    t('pageStaff.colStep'),
    t('pageStaff.colRequester'),
    t('pageStaff.colDeadline'),
  ],
  rows: p.items.map((item) => [
    html`<input type="checkbox" name="taskId" value="${item.taskId}" id="select-${item.taskId}" aria-label="${t('pageStaff.select', { title: item.title })}">`,
    html`<a href="${staffPaths.task(item.taskId)}">${item.title}</a>`,
    kindLabel(item.kind),
    item.step,
    item.requester,
    dateTime(item.deadlineAt.getTime(), ctx.lang),
  ]),
  empty: t('pageStaff.inboxTotal', { n: 0 }),
})}
${
  p.items.length
    ? html`<h2>${t('pageStaff.bulkTitle')}</h2>
${select(bulkState, { name: 'outcome', label: t('pageStaff.bulkOutcome'), options: outcomes.map((o) => ({ value: o, label: t('approval.outcome', { outcome: o }) })) })}
${textarea(bulkState, { name: 'reason', label: t('pageStaff.bulkReason'), rows: 3, maxlength: 2000 })}
${textarea(bulkState, { name: 'comment', label: t('pageStaff.bulkComment'), rows: 3, maxlength: 2000 })}
<div class="actions"><button type="submit">${t('pageStaff.bulkSubmit')}</button></div>`
    : ''
}
</form>
${pagination(
  { nav: t('pageStaff.pagination'), previous: t('pageStaff.previous'), next: t('pageStaff.next') },
  { ...(p.paged ? { previous: inboxUrl(p.filter) } : {}), ...(p.nextCursor ? { next: inboxUrl(p.filter, p.nextCursor) } : {}) },
)}`,
  };
}

export function bulkResultPage(
  ctx: PageContext,
  results: { taskId: string; title: string; status: number; outcome?: string | undefined; message?: string | undefined }[],
): PageContent {
  const { t } = ctx;
  const decided = results.filter((r) => r.status === 200).length;
  return {
    title: t('pageStaff.bulkResultTitle'),
    body: html`${notice(decided === results.length ? 'success' : 'warning', t('pageStaff.bulkDone', { decided, total: results.length }), { live: true })}
${table({
  caption: t('pageStaff.bulkResultCaption'),
  head: [t('pageStaff.colRequest'), t('pageStaff.colResult')],
  rowHeaders: true,
  rows: results.map((r) => [
    r.title,
    r.status === 200
      ? t('pageStaff.bulkOk', { outcome: t('approval.outcomeDone', { outcome: r.outcome as Outcome }) })
      : (r.message ?? String(r.status)),
  ]),
})}
<p>${linkButton(staffPaths.inbox, t('pageStaff.backToInbox'))}</p>`,
  };
}

function section(ctx: PageContext, s: TaskSection): Html {
  const { t } = ctx;
  const changes = s.changes?.length
    ? table({
        caption: t('pageStaff.changesCaption', { heading: s.heading }),
        head: [t('pageStaff.colField'), t('pageStaff.colBefore'), t('pageStaff.colAfter')],
        rowHeaders: true,
        rows: s.changes.map((c) => [c.field, c.before, c.after]),
      })
    : '';
  const empty = !s.rows.length && !s.changes?.length && s.empty ? html`<p>${s.empty}</p>` : '';
  return html`<section><h3>${s.heading}</h3>${s.rows.length ? detailsList(s.rows) : ''}${changes}${empty}</section>`;
}

/** The whole request, as its kind shows it; without a registered view, the step's recorded details. */
export function requestView(ctx: PageContext, view: TaskView | undefined, request: ApprovalRequestRow): Html {
  if (view?.sections.length) return html`${view.sections.map((s) => section(ctx, s))}`;
  const rows = Object.entries(request.details);
  return html`<section><h3>${ctx.t('pageStaff.stepDetails')}</h3>${rows.length ? detailsList(rows) : ''}</section>`;
}

const followUpEvents = new Set(['notified', 'reminded', 'escalated', 'handed_over', 'removed', 'mail_undeliverable', 'reassigned']);

export function taskPage(
  ctx: PageContext,
  p: {
    task: ApprovalTaskRow;
    request: ApprovalRequestRow;
    view: TaskView | undefined;
    audit: AuditLine[];
    state: FormState;
    message?: string | undefined;
  },
): PageContent {
  const { t } = ctx;
  const { task, request } = p;
  const outcomes = request.outcomes as Outcome[];
  const followUp = p.audit.filter((a) => a.step === task.step && followUpEvents.has(a.event));
  const open = task.status === 'pending' && request.status === 'pending';
  return {
    title: p.view?.title ?? request.title,
    body: html`${detailsList([
      [t('pageStaff.taskRequester'), request.requester_name],
      [t('pageStaff.colKind'), t('pageStaff.kinds', { kind: request.kind })],
      [t('pageStaff.taskStep'), request.step],
      [t('pageStaff.taskOpened'), dateTime(request.opened_at.getTime(), ctx.lang)],
      [t('pageStaff.taskDeadline'), dateTime(request.deadline_at.getTime(), ctx.lang)],
    ])}
${task.on_behalf_of_name ? html`<p class="muted">${t('pageStaff.taskOnBehalfOf', { name: task.on_behalf_of_name })}</p>` : ''}
<h2>${t('pageStaff.theRequest')}</h2>
${requestView(ctx, p.view, request)}
<h2>${t('pageStaff.followUp')}</h2>
${table({
  caption: t('pageStaff.followUp'),
  head: [t('pageStaff.colAt'), t('pageStaff.colEvent'), t('pageStaff.colActor')],
  rows: followUp.map((a) => [dateTime(a.at.getTime(), ctx.lang), t('pageStaff.events', { event: a.event }), a.actor_name ?? '']),
  empty: t('pageStaff.followUpNone'),
})}
<p><a href="${staffPaths.audit(task.workflow_id)}">${t('pageStaff.auditLink')}</a></p>
${
  open
    ? html`<h2>${t('pageStaff.decideTitle')}</h2>
${errorSummary(p.state, p.message)}
<form method="post" action="${staffPaths.task(task.id)}" novalidate>
${hidden('csrf', ctx.csrf)}
${outcomes.includes('refuse') ? textarea(p.state, { name: 'reason', label: t('pageDecision.reasonRequired'), maxlength: 2000, rows: 3 }) : ''}
${textarea(p.state, { name: 'comment', label: outcomes.includes('request_changes') ? t('pageDecision.commentRequired') : t('pageDecision.comment'), maxlength: 2000, rows: 3 })}
<div class="outcomes" role="group" aria-label="${t('pageStaff.decideTitle')}">
${outcomes.map(
  (o) =>
    html`<button type="submit" name="outcome" value="${o}"${o === 'refuse' ? html` class="button-danger"` : o === 'approve' ? '' : html` class="button-secondary"`}>${t('approval.outcome', { outcome: o })}</button>`,
)}
</div>
</form>`
    : notice(
        'info',
        t('approval.closed', {
          status: request.status as 'decided',
          outcome: (request.outcome ?? undefined) as Outcome | undefined,
          by: request.decided_by_name ?? undefined,
          at: request.closed_at?.getTime(),
        }),
      )
}
<p><a href="${staffPaths.inbox}">${t('pageStaff.backToInbox')}</a></p>`,
  };
}

export function auditPage(ctx: PageContext, p: { workflowId: string; title: string; entries: AuditLine[] }): PageContent {
  const { t } = ctx;
  return {
    title: `${t('pageStaff.auditTitle')} : ${p.title}`,
    body: html`<p><a href="${staffPaths.auditCsv(p.workflowId)}" download>${t('pageStaff.auditCsv')}</a></p>
${table({
  caption: t('pageStaff.auditCaption'),
  head: [
    t('pageStaff.colAt'),
    t('pageStaff.taskStep'),
    t('pageStaff.colEvent'),
    t('pageStaff.colActor'),
    t('pageStaff.colChannel'),
    t('pageStaff.colOutcome'),
    t('pageStaff.colReasonComment'),
  ],
  rows: p.entries.map((a) => [
    dateTime(a.at.getTime(), ctx.lang),
    a.step,
    t('pageStaff.events', { event: a.event }),
    a.on_behalf_of_name ? `${a.actor_name ?? ''} (${a.on_behalf_of_name})` : (a.actor_name ?? ''),
    a.channel ?? '',
    a.outcome ? t('approval.outcomeDone', { outcome: a.outcome as Outcome }) : '',
    [a.reason, a.comment].filter(Boolean).join(' — '),
  ]),
})}
<p><a href="${staffPaths.inbox}">${t('pageStaff.backToInbox')}</a></p>`,
  };
}

export function absencesPage(
  ctx: PageContext,
  state: FormState,
  message: string | undefined,
  p: { absences: { starts_at: Date; ends_at: Date; delegate_id: string }[]; colleagues: { id: string; display_name: string }[] },
): PageContent {
  const { t } = ctx;
  const nameOf = (id: string) => p.colleagues.find((c) => c.id === id)?.display_name ?? id;
  return {
    title: t('pageStaff.absencesTitle'),
    body: html`${table({
      caption: t('pageStaff.absencesCaption'),
      head: [t('pageStaff.colStarts'), t('pageStaff.colEnds'), t('pageStaff.colDelegate')],
      rows: p.absences.map((a) => [
        dateTime(a.starts_at.getTime(), ctx.lang),
        dateTime(a.ends_at.getTime(), ctx.lang),
        nameOf(a.delegate_id),
      ]),
      empty: t('pageStaff.absencesNone'),
    })}
<h2>${t('pageStaff.absenceDeclare')}</h2>
${form({
  state,
  message,
  action: staffPaths.absences,
  csrf: ctx.csrf,
  submit: t('pageStaff.absenceDeclare'),
  fields: html`${input(state, { name: 'startsAt', label: t('pageStaff.absenceStarts'), type: 'date', required: true })}
${input(state, { name: 'endsAt', label: t('pageStaff.absenceEnds'), type: 'date', required: true })}
${select(state, { name: 'delegateId', label: t('pageStaff.absenceDelegate'), required: true, options: p.colleagues.map((c) => ({ value: c.id, label: c.display_name })) })}
<div class="field"><div class="choice"><input type="checkbox" id="f-handOverPending" name="handOverPending" value="on"${state.values.handOverPending === 'on' ? html` checked` : ''}><label for="f-handOverPending">${t('pageStaff.absenceHandOver')}</label></div></div>`,
})}
<p><a href="${staffPaths.inbox}">${t('pageStaff.backToInbox')}</a></p>`,
  };
}
