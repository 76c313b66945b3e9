import type { Config } from '../../lib/config.js';
import { parseDuration } from '../../lib/duration.js';
import { type OfferStatus, offerKinds } from '../../workflows/jobOffer/contract.js';
import { badge, detailsList, linkButton, notice, pagination, type Tone, table } from '../pages/components.js';
import { type FormState, fileInput, form, input, select, textarea } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';
import { dayOf, withQuery } from '../pages/params.js';
import type { createOfferBrowsingUseCases } from './browsing.js';
import type { createJobOfferUseCases } from './useCases.js';

type Published = Awaited<ReturnType<ReturnType<typeof createOfferBrowsingUseCases>['get']>>;
type Detail = Awaited<ReturnType<ReturnType<typeof createJobOfferUseCases>['detail']>>;
type Mine = Awaited<ReturnType<ReturnType<typeof createJobOfferUseCases>['listMine']>>;
type Applications = Awaited<ReturnType<ReturnType<typeof createJobOfferUseCases>['applications']>>;

export const careerPaths = {
  hub: '/carriere',
  search: '/carriere/offres',
  offer: (id: string) => `/carriere/offres/${id}`,
  apply: (id: string) => `/carriere/offres/${id}/postuler`,
  post: '/carriere/offres/nouvelle',
  mine: '/carriere/mes-offres',
  myOffer: (id: string) => `/carriere/mes-offres/${id}`,
  edit: (id: string) => `/carriere/mes-offres/${id}/modifier`,
  withdraw: (id: string) => `/carriere/mes-offres/${id}/retrait`,
  applications: (id: string) => `/carriere/mes-offres/${id}/candidatures`,
  cv: (offerId: string, applicationId: string) => `/carriere/mes-offres/${offerId}/candidatures/${applicationId}/cv`,
};

const statusTone: Record<OfferStatus, Tone> = {
  pending_review: 'info',
  changes_requested: 'warning',
  published: 'success',
  refused: 'danger',
  expired: 'neutral',
  withdrawn: 'neutral',
};

export const statusBadge = (ctx: PageContext, status: OfferStatus) =>
  badge(ctx.t('jobOffer.status', { status }), statusTone[status] ?? 'neutral');

/** Paragraphs as the author typed them (blank lines separate them). */
const paragraphs = (value: string): Html[] =>
  value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);

const entrance = (title: string, textBody: string, href: string, label: string) =>
  html`<li class="card"><h2>${title}</h2><p>${textBody}</p><div class="actions">${linkButton(href, label)}</div></li>`;

/** « Carrière »: the entrances of seed 002, each for the people it is for. */
export function hubPage(ctx: PageContext, who: { member: boolean; author: boolean; recruiterWithoutRight: boolean }): PageContent {
  const { t } = ctx;
  const cards: Html[] = [];
  if (who.member) {
    cards.push(
      entrance(
        t('pageCareer.studentEntrance'),
        t('pageCareer.studentEntranceText'),
        withQuery(careerPaths.search, { kind: 'stage' }),
        t('pageCareer.studentEntrance'),
      ),
      entrance(t('pageCareer.alumniEntrance'), t('pageCareer.alumniEntranceText'), careerPaths.search, t('pageCareer.alumniEntrance')),
    );
  }
  if (who.author) {
    cards.push(
      entrance(t('pageCareer.postEntrance'), t('pageCareer.postEntranceText'), careerPaths.post, t('pageCareer.postEntrance')),
      entrance(t('pageCareer.mineEntrance'), t('pageCareer.mineEntranceText'), careerPaths.mine, t('pageCareer.mineEntrance')),
    );
  }
  return {
    title: t('pageCareer.title'),
    wide: true,
    body: html`<p class="lead">${t('pageCareer.intro')}</p>${who.recruiterWithoutRight ? notice('info', t('pageCareer.noPostingRight')) : ''}<ul class="cards">${cards}</ul>`,
  };
}

const kindOptions = (ctx: PageContext) => offerKinds.map((kind) => ({ value: kind, label: ctx.t('jobOffer.kind', { kind }) }));

/** The offer search: its filters (a GET form: the URL of a search can be kept and shared), the results, the pages. */
export function searchPage(
  ctx: PageContext,
  state: FormState,
  result: { total: number; page: number; pageSize: number; items: Published[] } | undefined,
): PageContent {
  const { t } = ctx;
  const v = state.values;
  const filters = html`<form method="get" action="${careerPaths.search}" novalidate aria-labelledby="filters-title">
<h2 id="filters-title">${t('pageCareer.filters')}</h2>
${select(state, { name: 'kind', label: t('pageCareer.kindLabel'), options: [{ value: '', label: t('pageCareer.anyKind') }, ...kindOptions(ctx)], placeholder: false })}
${input(state, { name: 'location', label: t('pageCareer.placeLabel'), autocomplete: 'address-level2' })}
${input(state, { name: 'company', label: t('pageCareer.companyLabel'), autocomplete: 'organization' })}
${input(state, { name: 'q', label: t('pageCareer.textLabel'), hint: t('pageCareer.textHint'), type: 'search' })}
${input(state, { name: 'publishedSince', label: t('pageCareer.sinceLabel'), type: 'date' })}
<div class="actions"><button type="submit">${t('pageCareer.search')}</button>${linkButton(careerPaths.search, t('pageCareer.resetFilters'), 'secondary')}</div>
</form>`;
  let results: Html = html``;
  if (result) {
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    const link = (page: number) => withQuery(careerPaths.search, { ...v, page: page === 1 ? undefined : page });
    results = html`<h2 id="results-title">${t('pageCareer.results', { total: result.total, page: result.page, pages })}</h2>
${
  result.items.length
    ? html`<ul class="cards" aria-labelledby="results-title">${result.items.map(
        (o) => html`<li class="card"><h3><a href="${careerPaths.offer(o.id)}">${o.title}</a></h3>
<p>${badge(o.kindLabel, 'info')} ${o.company} — ${o.location}</p>
<p class="muted">${t('pageCareer.publishedOn', { date: dayOf(ctx, o.publishedAt) })}</p></li>`,
      )}</ul>`
    : html`<p>${t('pageCareer.noResults')}</p>`
}
${pagination(
  { nav: t('page.pagination'), previous: t('page.previous'), next: t('page.next') },
  { ...(result.page > 1 ? { previous: link(result.page - 1) } : {}), ...(result.page < pages ? { next: link(result.page + 1) } : {}) },
)}`;
  }
  return {
    title: v.kind === 'stage' ? t('pageCareer.searchStudentTitle') : t('pageCareer.searchTitle'),
    wide: true,
    hasErrors: Object.keys(state.errors).length > 0,
    body: html`${filters}${results}`,
  };
}

export function offerPage(ctx: PageContext, offer: Published): PageContent {
  const { t } = ctx;
  return {
    title: offer.title,
    body: html`${detailsList([
      [t('pageCareer.company'), offer.company],
      [t('pageCareer.place'), offer.location],
      [t('pageCareer.kind'), offer.kindLabel],
      [t('pageCareer.contract'), offer.contract],
      [t('pageCareer.startsOn'), dayOf(ctx, offer.startsOn)],
      [t('pageCareer.publishedAt'), dayOf(ctx, offer.publishedAt)],
      [t('pageCareer.expiresAt'), dayOf(ctx, offer.expiresAt)],
    ])}
<h2>${t('pageCareer.description')}</h2>${paragraphs(offer.description)}
<div class="actions">${linkButton(careerPaths.apply(offer.id), t('pageCareer.apply'))}${linkButton(careerPaths.search, t('pageCareer.backToSearch'), 'secondary')}</div>`,
  };
}

export function applyPage(
  ctx: PageContext,
  offer: Published,
  state: FormState,
  message: string | undefined,
  maxMegabytes: number,
): PageContent {
  const { t } = ctx;
  return {
    title: t('pageCareer.applyTitle', { title: offer.title }),
    body: html`<p>${t('pageCareer.applyIntro')}</p>${form({
      state,
      message,
      multipart: true,
      action: careerPaths.apply(offer.id),
      csrf: ctx.csrf,
      submit: t('pageCareer.send'),
      fields: html`${textarea(state, { name: 'message', label: t('pageCareer.messageLabel'), hint: t('pageCareer.messageHint'), required: true, maxlength: 5000, rows: 8 })}
${fileInput(state, { name: 'cv', label: t('pageCareer.cvLabel'), hint: t('page.fileHint', { maxMegabytes }), accept: 'application/pdf,.pdf', required: true })}`,
      secondary: linkButton(careerPaths.offer(offer.id), t('pageCareer.cancel'), 'secondary'),
    })}`,
  };
}

/** The publication periods offered, up to the configured maximum (the API takes ISO 8601 durations). */
export function durationOptions(ctx: PageContext, offers: Config['offers']): { value: string; label: string }[] {
  const maxDays = Math.floor(offers.publicationMaxMs / 86_400_000);
  const defaultDays = Math.round((parseDuration(offers.publicationDefault) ?? 0) / 86_400_000);
  const days = [...new Set([15, 30, 45, 60, 90, defaultDays])].filter((d) => d > 0 && d <= maxDays).sort((a, b) => a - b);
  return days.map((d) => ({ value: `P${d}D`, label: ctx.t('pageCareer.days', { days: d }) }));
}

/** « Déposer une offre ou un stage » and its edit: every field of the API's offer, the publication period. */
export function offerFormPage(
  ctx: PageContext,
  spec: { title: string; intro: string; action: string; cancel: string; durations: { value: string; label: string }[] },
  state: FormState,
  message?: string,
): PageContent {
  const { t } = ctx;
  return {
    title: spec.title,
    body: html`<p>${spec.intro}</p>${form({
      state,
      message,
      action: spec.action,
      csrf: ctx.csrf,
      submit: t('pageCareer.save'),
      fields: html`${input(state, { name: 'title', label: t('pageCareer.titleLabel'), required: true, maxlength: 150 })}
${select(state, { name: 'kind', label: t('pageCareer.kindLabel'), options: kindOptions(ctx), required: true })}
${input(state, { name: 'company', label: t('pageCareer.companyLabel'), required: true, maxlength: 200, autocomplete: 'organization' })}
${input(state, { name: 'location', label: t('pageCareer.placeLabel'), required: true, maxlength: 200 })}
${input(state, { name: 'contract', label: t('pageCareer.contractLabel'), hint: t('pageCareer.contractHint'), required: true, maxlength: 100 })}
${input(state, { name: 'startsOn', label: t('pageCareer.startsOnLabel'), type: 'date', required: true })}
${textarea(state, { name: 'description', label: t('pageCareer.descriptionLabel'), hint: t('pageCareer.descriptionHint'), required: true, rows: 10, maxlength: 10_000 })}
${input(state, { name: 'contactEmail', label: t('pageCareer.contactEmailLabel'), hint: t('pageCareer.contactEmailHint'), type: 'email', required: true, autocomplete: 'email', spellcheck: false })}
${select(state, { name: 'publicationDuration', label: t('pageCareer.durationLabel'), hint: t('pageCareer.durationHint'), options: spec.durations, placeholder: false })}`,
      secondary: linkButton(spec.cancel, t('pageCareer.cancel'), 'secondary'),
    })}`,
  };
}

export function myOffersPage(ctx: PageContext, offers: Mine, canPost: boolean): PageContent {
  const { t } = ctx;
  return {
    title: t('pageCareer.mineTitle'),
    wide: true,
    body: html`${canPost ? html`<p>${linkButton(careerPaths.post, t('pageCareer.postEntrance'))}</p>` : ''}${table({
      caption: t('pageCareer.mineCaption'),
      head: [t('pageCareer.colOffer'), t('pageCareer.colStatus'), t('pageCareer.colApplications'), t('pageCareer.colPostedOn')],
      rowHeaders: true,
      empty: t('pageCareer.mineEmpty'),
      rows: offers.map((o) => [
        html`<a href="${careerPaths.myOffer(o.id)}">${o.title}</a><br><span class="muted">${o.kindLabel} — ${o.company}</span>`,
        statusBadge(ctx, o.status),
        o.applications,
        dayOf(ctx, o.createdAt),
      ]),
    })}`,
  };
}

const when = (ctx: PageContext, at: Date) =>
  at.toLocaleString(ctx.lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
const detail = (details: Record<string, unknown>, name: string) => (typeof details[name] === 'string' ? (details[name] as string) : '');

/** One of my offers: its content, its status, its history (who decided, reasons, comments), what I may do now. */
export function myOfferPage(ctx: PageContext, offer: Detail, can: { edit: boolean; withdraw: boolean }, applications: number): PageContent {
  const { t } = ctx;
  const lastChange = [...offer.history].reverse().find((e) => e.status === 'changes_requested');
  const comment = offer.status === 'changes_requested' && lastChange ? detail(lastChange.details, 'comment') : '';
  return {
    title: offer.title,
    wide: true,
    body: html`<p>${t('pageCareer.status')} : ${statusBadge(ctx, offer.status)}</p>
${comment ? notice('warning', t('pageCareer.changesAsked', { comment })) : ''}
<div class="actions">${can.edit ? linkButton(careerPaths.edit(offer.id), t('pageCareer.edit')) : ''}${linkButton(careerPaths.applications(offer.id), t('pageCareer.applicationsLink', { count: applications }), 'secondary')}${can.withdraw ? linkButton(careerPaths.withdraw(offer.id), t('pageCareer.withdraw'), 'secondary') : ''}</div>
<h2>${t('pageCareer.history')}</h2>
${table({
  caption: t('pageCareer.historyCaption'),
  head: [
    t('pageCareer.colDate'),
    t('pageCareer.colStatus'),
    t('pageCareer.colDecidedBy'),
    t('pageCareer.colReason'),
    t('pageCareer.colComment'),
  ],
  rows: offer.history.map((e) => [
    when(ctx, new Date(e.at)),
    e.statusLabel,
    detail(e.details, 'decidedBy'),
    detail(e.details, 'reason'),
    detail(e.details, 'comment'),
  ]),
})}
<h2>${t('pageCareer.description')}</h2>
${detailsList([
  [t('pageCareer.company'), offer.company],
  [t('pageCareer.place'), offer.location],
  [t('pageCareer.kind'), offer.kindLabel],
  [t('pageCareer.contract'), offer.contract],
  [t('pageCareer.startsOn'), dayOf(ctx, offer.startsOn)],
  [t('pageCareer.contactEmail'), offer.contactEmail],
  [t('pageCareer.publishedAt'), dayOf(ctx, offer.publishedAt)],
  [t('pageCareer.expiresAt'), dayOf(ctx, offer.expiresAt)],
])}
${paragraphs(offer.description)}
<p><a href="${careerPaths.mine}">${t('pageCareer.backToMine')}</a></p>`,
  };
}

export function withdrawPage(ctx: PageContext, offer: Detail, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageCareer.withdrawTitle', { title: offer.title }),
    body: html`${notice('warning', t('pageCareer.withdrawIntro'))}${form({
      state,
      message,
      requiredNote: false,
      action: careerPaths.withdraw(offer.id),
      csrf: ctx.csrf,
      submit: t('pageCareer.withdraw'),
      fields: textarea(state, { name: 'reason', label: t('pageCareer.reasonLabel'), maxlength: 500, rows: 3 }),
      secondary: linkButton(careerPaths.myOffer(offer.id), t('pageCareer.cancel'), 'secondary'),
    })}`,
  };
}

export function applicationsPage(ctx: PageContext, offer: Detail, items: Applications): PageContent {
  const { t } = ctx;
  return {
    title: t('pageCareer.applicationsTitle', { title: offer.title }),
    wide: true,
    body: html`${table({
      caption: t('pageCareer.applicationsCaption'),
      head: [t('pageCareer.colApplicant'), t('pageCareer.colMessage'), t('pageCareer.colCv'), t('pageCareer.colReceived')],
      rowHeaders: true,
      empty: t('pageCareer.applicationsEmpty'),
      rows: items.map((a: Applications[number]) => [
        html`${a.applicantName}<br><a href="mailto:${a.applicantEmail}">${a.applicantEmail}</a>`,
        a.message,
        html`<a href="${careerPaths.cv(offer.id, a.id)}" download>${t('pageCareer.cvDownload', { name: a.cvFilename, kb: Math.max(1, Math.round(a.cvSize / 1024)) })}</a>`,
        html`${when(ctx, new Date(a.createdAt))}${a.forwardedAt ? html`<br><span class="muted">${t('pageCareer.forwarded')}</span>` : ''}`,
      ]),
    })}<p><a href="${careerPaths.myOffer(offer.id)}">${t('pageCareer.backToMine')}</a></p>`,
  };
}
