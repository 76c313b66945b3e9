import type { PreRegistrationStatus } from '../../db/preRegistrations.js';
import type { TrainingActionView, TrainingSessionView } from '../../db/trainingCatalog.js';
import { badge, detailsList, linkButton, notice, pagination, postButton, type Tone, table } from '../pages/components.js';
import { type FormState, form, input, radios, select, textarea } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';
import { dayOf, withQuery } from '../pages/params.js';
import type { draftView } from './drafts.js';

type Draft = ReturnType<typeof draftView>;
type Action = TrainingActionView & { sessions: TrainingSessionView[] };
export type StepNumber = 1 | 2 | 3 | 4;

export const trainingPaths = {
  catalogue: '/formation-continue',
  action: (id: string) => `/formation-continue/actions/${id}`,
  start: '/formation-continue/pre-inscription',
  step: (id: string, step: number) =>
    step === 5 ? `/formation-continue/pre-inscriptions/${id}/recapitulatif` : `/formation-continue/pre-inscriptions/${id}/etape-${step}`,
  send: (id: string) => `/formation-continue/pre-inscriptions/${id}/envoi`,
  mine: '/formation-continue/mes-candidatures',
  request: (id: string) => `/formation-continue/mes-candidatures/${id}`,
  withdraw: (id: string) => `/formation-continue/mes-candidatures/${id}/desistement`,
};

const tones: Partial<Record<PreRegistrationStatus, Tone>> = {
  draft: 'neutral',
  awaiting_supervisor: 'info',
  awaiting_project_manager: 'info',
  waitlisted: 'warning',
  seat_offered: 'warning',
  accepted: 'success',
  refused: 'danger',
  completed: 'success',
};
export const statusBadge = (ctx: PageContext, status: string) =>
  badge(ctx.t('pageTraining.status', { status }), tones[status as PreRegistrationStatus] ?? 'neutral');

export const sessionDates = (ctx: PageContext, s: Pick<TrainingSessionView, 'startsOn' | 'endsOn'>) =>
  ctx.t('pageTraining.dates', { from: dayOf(ctx, s.startsOn), to: dayOf(ctx, s.endsOn) });

const paragraphs = (value: string): Html[] =>
  value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);

/** The catalogue: by theme (links) and by search (a GET form), paged. */
export function cataloguePage(
  ctx: PageContext,
  state: FormState,
  themes: { theme: string; actions: number }[],
  result: { total: number; page: number; pageSize: number; items: Action[] } | undefined,
): PageContent {
  const { t } = ctx;
  const v = state.values;
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const link = (page: number) => withQuery(trainingPaths.catalogue, { ...v, page: page === 1 ? undefined : page });
  return {
    title: t('pageTraining.catalogueTitle'),
    wide: true,
    hasErrors: Object.keys(state.errors).length > 0,
    body: html`<p class="lead">${t('pageTraining.catalogueIntro')}</p>
<form method="get" action="${trainingPaths.catalogue}" novalidate role="search">
${input(state, { name: 'q', label: t('pageTraining.searchLabel'), hint: t('pageTraining.searchHint'), type: 'search' })}
${select(state, { name: 'theme', label: t('pageTraining.themeLabel'), options: [{ value: '', label: t('pageTraining.allThemes') }, ...themes.map((th) => ({ value: th.theme, label: th.theme }))], placeholder: false })}
<div class="actions"><button type="submit">${t('pageTraining.search')}</button></div>
</form>
<nav aria-labelledby="themes-title"><h2 id="themes-title">${t('pageTraining.themes')}</h2><ul>
${themes.map((th) => html`<li><a href="${withQuery(trainingPaths.catalogue, { theme: th.theme })}"${v.theme === th.theme && !v.q ? html` aria-current="page"` : ''}>${t('pageTraining.themeCount', { theme: th.theme, count: th.actions })}</a></li>`)}
</ul></nav>
${
  result
    ? html`<h2 id="results-title">${t('pageTraining.results', { total: result.total, page: result.page, pages })}</h2>
${
  result.items.length
    ? html`<ul class="cards" aria-labelledby="results-title">${result.items.map(
        (a) => html`<li class="card"><h3><a href="${trainingPaths.action(a.id)}">${a.title}</a></h3>
<p>${badge(a.theme, 'info')}</p><p class="muted">${t('pageTraining.openSessions', { count: a.sessions.filter((s) => s.registrationOpen).length })}</p></li>`,
      )}</ul>`
    : html`<p>${t('pageTraining.noResults')}</p>`
}
${pagination(
  { nav: t('page.pagination'), previous: t('page.previous'), next: t('page.next') },
  { ...(result.page > 1 ? { previous: link(result.page - 1) } : {}), ...(result.page < pages ? { next: link(result.page + 1) } : {}) },
)}`
    : ''
}`,
  };
}

/**
 * An action's sheet. Seed 004: « Chaque action peut proposer différentes sessions, que vous pouvez
 * visualiser dans la liste déroulante en bas de la fiche descriptive. Sélectionnez la session qui
 * vous convient puis cliquez sur le bouton « pré-inscription » ».
 */
export function actionPage(ctx: PageContext, action: Action, canApply: boolean): PageContent {
  const { t } = ctx;
  const open = action.sessions.filter((s) => s.registrationOpen);
  const registration = (s: TrainingSessionView) =>
    s.state === 'cancelled' ? t('pageTraining.cancelledSession') : s.registrationOpen ? t('pageTraining.open') : t('pageTraining.closed');
  const zone = !open.length
    ? html`<p>${t('pageTraining.noOpenSession')}</p>`
    : canApply
      ? html`<form method="post" action="${trainingPaths.start}">
<input type="hidden" name="csrf" value="${ctx.csrf}">
${select(
  { lang: ctx.lang, values: {}, errors: {} },
  {
    name: 'session',
    label: t('pageTraining.sessionLabel'),
    placeholder: false,
    options: open.map((s) => ({
      value: s.id,
      label: t('pageTraining.sessionOption', { dates: sessionDates(ctx, s), place: s.place, seats: s.seatsLeft }),
    })),
  },
)}
<div class="actions"><button type="submit">${t('pageTraining.preRegister')}</button></div>
</form>`
      : notice(
          'info',
          html`<p>${t('pageTraining.loginToRegister')}</p><div class="actions">${linkButton('/ent/connexion', t('pageTraining.loginEnt'))}${linkButton(withQuery('/connexion', { retour: trainingPaths.action(action.id) }), t('pageTraining.loginCandidate'), 'secondary')}</div>`,
        );
  return {
    title: action.title,
    body: html`${detailsList([
      [t('pageTraining.theme'), action.theme],
      [t('pageTraining.code'), action.code],
      ...(action.audience ? [[t('pageTraining.audience'), action.audience] as const] : []),
    ])}
<h2>${t('pageTraining.description')}</h2>${paragraphs(action.description)}
${action.objectives ? html`<h2>${t('pageTraining.objectives')}</h2>${paragraphs(action.objectives)}` : ''}
<h2 id="sessions">${t('pageTraining.sessions')}</h2>
${table({
  caption: t('pageTraining.sessionsCaption'),
  head: [
    t('pageTraining.colDates'),
    t('pageTraining.colHours'),
    t('pageTraining.colPlace'),
    t('pageTraining.colSeats'),
    t('pageTraining.colRegistration'),
  ],
  rows: action.sessions.map((s) => [
    sessionDates(ctx, s),
    t('pageTraining.hours', { from: s.dayStartsAt, to: s.dayEndsAt }),
    s.place,
    s.seatsLeft,
    registration(s),
  ]),
})}
<p>${t('pageTraining.sessionsIntro')}</p>
${zone}
<p><a href="${trainingPaths.catalogue}">${t('pageTraining.backToCatalogue')}</a></p>`,
  };
}

const stepTitle = (ctx: PageContext, step: number) => ctx.t('trainingPreRegistration.stepTitle', { step });

/** The five steps, where the person is, which are saved: a list of links (each step can be revisited). */
function stepsNav(ctx: PageContext, draft: Draft, current: number): Html {
  const { t } = ctx;
  const items = [...draft.steps.map((s) => ({ step: s.step, complete: s.complete })), { step: 5, complete: false }];
  return html`<nav aria-label="${t('pageTraining.stepsNav')}"><ol class="steps">${items.map(
    (s) =>
      html`<li>${
        s.step === current
          ? html`<strong aria-current="step">${stepTitle(ctx, s.step)}</strong> <span class="muted">(${t('pageTraining.stepCurrent')})</span>`
          : html`<a href="${trainingPaths.step(draft.id, s.step)}">${stepTitle(ctx, s.step)}</a>${s.step < 5 ? html` <span class="muted">(${s.complete ? t('pageTraining.stepDone') : t('pageTraining.stepTodo')})</span>` : ''}`
      }</li>`,
  )}</ol></nav>`;
}

export interface SessionContext {
  action: Pick<TrainingActionView, 'id' | 'title'>;
  session: TrainingSessionView;
}

const forSession = (ctx: PageContext, about: SessionContext) =>
  html`<p class="lead">${ctx.t('pageTraining.forSession', { action: about.action.title, dates: sessionDates(ctx, about.session), place: about.session.place })}</p>`;

function stepFields(ctx: PageContext, step: StepNumber, state: FormState): Html {
  const { t } = ctx;
  switch (step) {
    case 1:
      return html`${radios(state, {
        name: 'civility',
        label: t('pageTraining.civility'),
        required: true,
        options: [
          { value: 'Madame', label: t('pageTraining.civilityMadame') },
          { value: 'Monsieur', label: t('pageTraining.civilityMonsieur') },
          { value: 'Autre', label: t('pageTraining.civilityOther') },
        ],
      })}
${input(state, { name: 'lastName', label: t('pageTraining.lastName'), required: true, autocomplete: 'family-name' })}
${input(state, { name: 'firstName', label: t('pageTraining.firstName'), required: true, autocomplete: 'given-name' })}
${input(state, { name: 'birthDate', label: t('pageTraining.birthDate'), type: 'date', required: true, autocomplete: 'bday' })}
${input(state, { name: 'phone', label: t('pageTraining.phone'), type: 'tel', autocomplete: 'tel' })}`;
    case 2:
      return html`${input(state, { name: 'employer', label: t('pageTraining.employer'), required: true, autocomplete: 'organization' })}
${input(state, { name: 'department', label: t('pageTraining.department'), required: true })}
${input(state, { name: 'jobTitle', label: t('pageTraining.jobTitle'), required: true, autocomplete: 'organization-title' })}
${select(state, {
  name: 'category',
  label: t('pageTraining.category'),
  required: true,
  options: [
    { value: 'A', label: 'A' },
    { value: 'B', label: 'B' },
    { value: 'C', label: 'C' },
    { value: 'contractuel', label: t('pageTraining.categoryContract') },
    { value: 'autre', label: t('pageTraining.categoryOther') },
  ],
})}`;
    case 3:
      return html`${textarea(state, { name: 'motivation', label: t('pageTraining.motivation'), hint: t('pageTraining.motivationHint'), required: true, maxlength: 4000 })}
${textarea(state, { name: 'expectations', label: t('pageTraining.expectations'), required: true, maxlength: 4000 })}`;
    case 4:
      return html`<p>${t('pageTraining.supervisorIntro')}</p>
${input(state, { name: 'lastName', label: t('pageTraining.supervisorLastName'), required: true })}
${input(state, { name: 'firstName', label: t('pageTraining.supervisorFirstName'), required: true })}
${input(state, { name: 'email', label: t('pageTraining.supervisorEmail'), type: 'email', required: true, spellcheck: false })}`;
  }
}

/** Steps 1 to 4: one form each, saved as a draft, then on to the next step. */
export function stepPage(
  ctx: PageContext,
  draft: Draft,
  about: SessionContext,
  step: StepNumber,
  state: FormState,
  message?: string,
): PageContent {
  const { t } = ctx;
  return {
    title: t('pageTraining.stepTitle', { step, title: stepTitle(ctx, step) }),
    body: html`${forSession(ctx, about)}${stepsNav(ctx, draft, step)}<p class="muted">${t('pageTraining.draftNote')}</p>${form({
      state,
      message,
      action: trainingPaths.step(draft.id, step),
      csrf: ctx.csrf,
      submit: t('pageTraining.saveAndContinue'),
      fields: stepFields(ctx, step, state),
      secondary: step > 1 ? linkButton(trainingPaths.step(draft.id, step - 1), t('pageTraining.previousStep'), 'secondary') : '',
    })}`,
  };
}

const stepLabels = (ctx: PageContext, step: StepNumber): Record<string, string> => {
  const { t } = ctx;
  const all: Record<StepNumber, Record<string, string>> = {
    1: {
      civility: t('pageTraining.civility'),
      lastName: t('pageTraining.lastName'),
      firstName: t('pageTraining.firstName'),
      birthDate: t('pageTraining.birthDate'),
      phone: t('pageTraining.phone'),
    },
    2: {
      employer: t('pageTraining.employer'),
      department: t('pageTraining.department'),
      jobTitle: t('pageTraining.jobTitle'),
      category: t('pageTraining.category'),
    },
    3: { motivation: t('pageTraining.motivation'), expectations: t('pageTraining.expectations') },
    4: {
      lastName: t('pageTraining.supervisorLastName'),
      firstName: t('pageTraining.supervisorFirstName'),
      email: t('pageTraining.supervisorEmail'),
    },
  };
  return all[step];
};

/** Step 5, « récapitulatif avant envoi »: every answer, a link to change each step, « Envoyer » once complete. */
export function recapPage(ctx: PageContext, draft: Draft, about: SessionContext): PageContent {
  const { t } = ctx;
  const missing = draft.summary.missingSteps;
  return {
    title: t('pageTraining.stepTitle', { step: 5, title: stepTitle(ctx, 5) }),
    body: html`${forSession(ctx, about)}${stepsNav(ctx, draft, 5)}<p>${t('pageTraining.recapIntro')}</p>
${
  missing.length
    ? notice(
        'warning',
        html`<p>${t('pageTraining.missingSteps')}</p><ul>${missing.map((n) => html`<li><a href="${trainingPaths.step(draft.id, n)}">${stepTitle(ctx, n)}</a></li>`)}</ul>`,
      )
    : ''
}
${draft.steps.map((s) => {
  const names = stepLabels(ctx, s.step as StepNumber);
  const values = (s.values ?? {}) as Record<string, unknown>;
  return html`<h2>${stepTitle(ctx, s.step)}</h2>${
    s.complete
      ? detailsList(
          Object.entries(names)
            .filter(([name]) => values[name] !== undefined)
            .map(([name, label]) => [label, name === 'birthDate' ? dayOf(ctx, String(values[name])) : String(values[name])] as const),
        )
      : html`<p class="muted">${t('pageTraining.stepTodo')}</p>`
  }<p><a href="${trainingPaths.step(draft.id, s.step)}">${t('pageTraining.changeStep', { step: s.step })}</a></p>`;
})}
${draft.summary.readyToSend ? html`<div class="actions">${postButton({ action: trainingPaths.send(draft.id), csrf: ctx.csrf, label: t('pageTraining.sendRequest') })}</div>` : ''}`,
  };
}

type MineItem = { id: string; status: string; submittedAt: Date | null; startsOn: string; place: string; actionTitle: string };

export function minePage(ctx: PageContext, items: MineItem[]): PageContent {
  const { t } = ctx;
  return {
    title: t('pageTraining.mineTitle'),
    wide: true,
    body: html`<p>${t('pageTraining.mineIntro')}</p>${table({
      caption: t('pageTraining.mineCaption'),
      head: [t('pageTraining.colAction'), t('pageTraining.colSession'), t('pageTraining.colStatus'), t('pageTraining.colSent')],
      rowHeaders: true,
      empty: t('pageTraining.mineEmpty'),
      rows: items.map((i) => [
        html`<a href="${trainingPaths.request(i.id)}">${i.actionTitle}</a>`,
        html`${dayOf(ctx, i.startsOn)}<br><span class="muted">${i.place}</span>`,
        statusBadge(ctx, i.status),
        i.submittedAt ? dayOf(ctx, i.submittedAt) : html`<a href="${trainingPaths.step(i.id, 1)}">${t('pageTraining.resume')}</a>`,
      ]),
    })}<p><a href="${trainingPaths.catalogue}">${t('pageTraining.backToCatalogue')}</a></p>`,
  };
}

const when = (ctx: PageContext, at: Date) =>
  at.toLocaleString(ctx.lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
const detail = (details: Record<string, unknown>, name: string) => (typeof details[name] === 'string' ? (details[name] as string) : '');

/** One request: its status, its session, its history (who decided, why) and « Me désister » while possible. */
export function requestPage(
  ctx: PageContext,
  item: MineItem,
  draft: Draft,
  events: { status: string; at: Date; details: Record<string, unknown> }[],
  canWithdraw: boolean,
): PageContent {
  const { t } = ctx;
  return {
    title: t('pageTraining.requestTitle', { action: item.actionTitle }),
    wide: true,
    body: html`<p>${t('pageTraining.colStatus')} : ${statusBadge(ctx, draft.status)}</p>
${detailsList([
  [t('pageTraining.colSession'), `${dayOf(ctx, item.startsOn)} — ${item.place}`],
  [t('pageTraining.colSent'), item.submittedAt ? when(ctx, new Date(item.submittedAt)) : ''],
])}
<div class="actions">${draft.status === 'draft' ? linkButton(trainingPaths.step(draft.id, 1), t('pageTraining.resume')) : ''}${canWithdraw ? linkButton(trainingPaths.withdraw(draft.id), t('pageTraining.withdraw'), 'secondary') : ''}</div>
<h2>${t('pageTraining.historyTitle')}</h2>
${table({
  caption: t('pageTraining.historyCaption'),
  head: [t('pageTraining.colDate'), t('pageTraining.colStatus'), t('pageTraining.colDecidedBy'), t('pageTraining.colReason')],
  empty: t('pageTraining.historyEmpty'),
  rows: events.map((e) => [
    when(ctx, new Date(e.at)),
    ctx.t('pageTraining.status', { status: e.status }),
    detail(e.details, 'decidedBy'),
    [detail(e.details, 'reason'), detail(e.details, 'comment'), detail(e.details, 'note')].filter(Boolean).join(' — '),
  ]),
})}
<p><a href="${trainingPaths.mine}">${t('pageTraining.backToMine')}</a></p>`,
  };
}

export function withdrawPage(ctx: PageContext, item: MineItem, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageTraining.withdrawTitle', { action: item.actionTitle }),
    body: html`${notice('warning', t('pageTraining.withdrawIntro'))}${form({
      state,
      message,
      requiredNote: false,
      action: trainingPaths.withdraw(item.id),
      csrf: ctx.csrf,
      submit: t('pageTraining.withdraw'),
      fields: textarea(state, { name: 'reason', label: t('pageTraining.withdrawReason'), maxlength: 500, rows: 3 }),
      secondary: linkButton(trainingPaths.request(item.id), t('pageTraining.cancel'), 'secondary'),
    })}`,
  };
}
