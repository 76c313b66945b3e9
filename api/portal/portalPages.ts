import type { Config } from '../../lib/config.js';
import { badge, pagination, table } from '../pages/components.js';
import { html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

type ProgrammeRow = {
  title: string;
  composante: string;
  level: string;
  campaignOpensOn: string;
  campaignClosesOn: string | null;
};

const displayDate = (iso: string, lang: 'fr' | 'en') =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** eCandidat's « Offre de formation »: title, composante, level, campaign dates, and whether it is open now. */
export function programmesPage(
  ctx: PageContext,
  page: { items: ProgrammeRow[]; next: string | null; previous: string | null },
  today: string,
): PageContent {
  const { t, lang } = ctx;
  const status = (p: ProgrammeRow) =>
    p.campaignOpensOn > today
      ? badge(t('pagePortal.campaignUpcoming'), 'info')
      : p.campaignClosesOn && p.campaignClosesOn < today
        ? badge(t('pagePortal.campaignClosed'), 'neutral')
        : badge(t('pagePortal.campaignOpen'), 'success');
  return {
    title: t('pagePortal.programmesTitle'),
    wide: true,
    body: html`<p>${t('pagePortal.programmesIntro')}</p>
${table({
  caption: t('pagePortal.programmesCaption'),
  head: [
    t('pagePortal.columnProgramme'),
    t('pagePortal.columnComposante'),
    t('pagePortal.columnLevel'),
    t('pagePortal.columnOpens'),
    t('pagePortal.columnCloses'),
  ],
  rowHeaders: true,
  empty: t('pagePortal.programmesEmpty'),
  rows: page.items.map((p) => [
    p.title,
    p.composante,
    p.level,
    html`${displayDate(p.campaignOpensOn, lang)} ${status(p)}`,
    p.campaignClosesOn ? displayDate(p.campaignClosesOn, lang) : '—',
  ]),
})}
${pagination(
  { nav: t('page.pagination'), previous: t('page.previous'), next: t('page.next') },
  {
    ...(page.previous ? { previous: `/offre-de-formation?before=${encodeURIComponent(page.previous)}` } : {}),
    ...(page.next ? { next: `/offre-de-formation?after=${encodeURIComponent(page.next)}` } : {}),
  },
)}`,
  };
}

/** Seed 001's « Assistance »: the FAQ, the documentation, the referent's address. */
export function assistancePage(ctx: PageContext, portal: Config['portal'], faq: { question: string; answer: string }[]): PageContent {
  const { t } = ctx;
  return {
    title: t('pagePortal.assistanceTitle'),
    body: html`<p>${t('pagePortal.assistanceIntro')}</p>
<ul>
<li><a href="#faq">${t('pagePortal.assistanceFaqLink')}</a></li>
<li><a href="${portal.documentationUrl ?? '/assistance/guide'}">${t('pagePortal.assistanceDocumentation')}</a></li>
<li><a href="mailto:${portal.assistanceEmail}">${t('pagePortal.assistanceContact', { email: portal.assistanceEmail })}</a></li>
</ul>
<h2 id="faq">${t('pagePortal.faqTitle')}</h2>
${
  faq.length
    ? faq.map(
        (entry) => html`<h3>${entry.question}</h3>
${entry.answer.split(/\n{2,}/).map((paragraph) => html`<p>${paragraph}</p>`)}`,
      )
    : html`<p>${t('pagePortal.faqEmpty')}</p>`
}`,
  };
}

/** The built-in documentation (ASSISTANCE_DOCUMENTATION_URL points elsewhere when the institution has its own). */
export function guidePage(ctx: PageContext): PageContent {
  const { t } = ctx;
  return {
    title: t('pagePortal.guideTitle'),
    body: html`<p>${t('pagePortal.guideIntro')}</p>
<ul>
<li>${t('pagePortal.guideCandidates')}</li>
<li>${t('pagePortal.guideGraduates')}</li>
<li>${t('pagePortal.guideCompanies')}</li>
<li>${t('pagePortal.guideEnt')}</li>
</ul>`,
  };
}
