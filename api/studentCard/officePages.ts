import type { CardWithHolder } from '../../db/studentCards.js';
import { dateTime, type Lang } from '../../lib/i18n/index.js';
import { refusalReasons } from '../../lib/images/refusalReasons.js';
import type { ProductionStep } from '../../workflows/studentCard/contract.js';
import { linkButton, notice, postButton, table } from '../pages/components.js';
import { emptyForm, hidden, radios, select, textarea } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';
import { statusBadge, statusLabel } from './studentPages.js';

const when = (d: Date, lang: Lang) => dateTime(d.getTime(), lang).replace(/^(le|on) /, '');

function officeNav(ctx: PageContext, current: 'photos' | 'cards'): Html {
  const link = (href: string, label: string, here: boolean) =>
    html`<li><a href="${href}"${here ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav aria-label="${ctx.t('pageStudentCard.officeNav')}"><ul>
${link('/service-carte/photos', ctx.t('pageStudentCard.officePhotos'), current === 'photos')}
${link('/service-carte/cartes', ctx.t('pageStudentCard.officeCards'), current === 'cards')}
</ul></nav>`;
}

export interface QueueRow {
  id: string;
  uploaded_at: Date;
  rejections: number;
  first_name: string;
  last_name: string;
  student_number: string | null;
}

/** The queue of photos, ticked and decided in bulk: accept, or refuse with a reason from the list and a comment. */
export function photoQueuePage(ctx: PageContext, rows: QueueRow[], results: { name: string; message: string }[] = []): PageContent {
  const { t, lang } = ctx;
  const state = emptyForm(lang);
  const name = (r: QueueRow) => `${r.first_name} ${r.last_name}`;
  const queue = table({
    caption: t('pageStudentCard.queueCaption'),
    head: [
      t('pageStudentCard.select'),
      t('pageStudentCard.student'),
      t('pageStudentCard.studentNumber'),
      t('pageStudentCard.uploadedAt'),
      t('pageStudentCard.rejections'),
      t('pageStudentCard.photo'),
    ],
    empty: t('pageStudentCard.queueEmpty'),
    rows: rows.map((r) => [
      html`<input type="checkbox" id="p-${r.id}" name="photo-${r.id}" value="on"><label class="visually-hidden" for="p-${r.id}">${t('pageStudentCard.selectPhoto', { name: name(r) })}</label>`,
      name(r),
      r.student_number ?? '',
      when(r.uploaded_at, lang),
      String(r.rejections),
      html`<img src="/service-carte/photos/${r.id}.jpg" width="110" height="141" alt="${t('pageStudentCard.photoOf', { name: name(r) })}">`,
    ]),
  });
  const decision = rows.length
    ? html`<fieldset><legend>${t('pageStudentCard.decision')}</legend>
${radios(state, {
  name: 'outcome',
  label: t('pageStudentCard.decision'),
  required: true,
  options: [
    { value: 'approve', label: t('pageStudentCard.accept') },
    { value: 'refuse', label: t('pageStudentCard.refuse') },
  ],
})}
${select(state, { name: 'reason', label: t('pageStudentCard.reason'), placeholder: true, options: refusalReasons.map((r) => ({ value: r, label: t(`studentCard.reason_${r}`) })) })}
${textarea(state, { name: 'comment', label: t('pageStudentCard.comment'), rows: 3, maxlength: 1000 })}
</fieldset><div class="actions"><button type="submit">${t('pageStudentCard.decide')}</button></div>`
    : html``;
  const problems = results.length
    ? notice('error', html`<ul>${results.map((r) => html`<li>${r.name} : ${r.message}</li>`)}</ul>`, { live: true })
    : html``;
  return {
    title: t('pageStudentCard.officeTitle'),
    body: html`${officeNav(ctx, 'photos')}${problems}<form method="post" action="/service-carte/photos/decisions" novalidate>${hidden('csrf', ctx.csrf)}${queue}${decision}</form>`,
  };
}

const nextStep: Partial<Record<string, { to: ProductionStep; label: 'markPrinted' | 'markEncoded' | 'markReady' | 'markCollected' }>> = {
  in_print: { to: 'printed', label: 'markPrinted' },
  printed: { to: 'encoded', label: 'markEncoded' },
  encoded: { to: 'ready', label: 'markReady' },
  ready: { to: 'enabled', label: 'markCollected' },
};

/** Production and collection: the print run (CSV + ZIP), then each card marked step by step; cards found again. */
export function cardsPage(ctx: PageContext, byStatus: { status: string; cards: CardWithHolder[] }[]): PageContent {
  const { t, lang } = ctx;
  const sections = byStatus.map(({ status, cards }) => {
    const step = nextStep[status];
    const action = (c: CardWithHolder): Html => {
      const who = `${c.first_name} ${c.last_name}`;
      if (step)
        return postButton({
          action: `/service-carte/cartes/${c.id}/etape`,
          csrf: ctx.csrf,
          label: t(`pageStudentCard.${step.label}`),
          hidden: { to: step.to },
          buttonAttributes: html` aria-label="${t(`pageStudentCard.${step.label}`)} : ${who}"`,
        });
      if (status === 'disabled')
        return postButton({
          action: `/service-carte/cartes/${c.id}/reactivation`,
          csrf: ctx.csrf,
          label: t('pageStudentCard.reactivate'),
          variant: 'secondary',
          buttonAttributes: html` aria-label="${t('pageStudentCard.reactivate')} : ${who}"`,
        });
      return html``;
    };
    return html`<h2>${statusLabel(status, lang)}</h2>${
      status === 'request_checked' && cards.length
        ? html`<p>${postButton({ action: '/service-carte/impression', csrf: ctx.csrf, label: t('pageStudentCard.startPrint') })}</p>`
        : ''
    }${
      status === 'in_print' && cards.length
        ? html`<p>${linkButton('/service-carte/impression.csv', t('pageStudentCard.printCsv'), 'secondary')} ${linkButton('/service-carte/impression.zip', t('pageStudentCard.printZip'), 'secondary')}</p>`
        : ''
    }${table({
      caption: t('pageStudentCard.cardsCaption', { status: statusLabel(status, lang) }),
      head: [t('pageStudentCard.student'), t('pageStudentCard.studentNumber'), t('pageStudentCard.state'), t('pageStudentCard.action')],
      empty: t('pageStudentCard.noCards'),
      rows: cards.map((c) => [`${c.first_name} ${c.last_name}`, c.student_number ?? '', statusBadge(c.status, lang), action(c)]),
    })}`;
  });
  return { title: t('pageStudentCard.officeCardsTitle'), body: html`${officeNav(ctx, 'cards')}${sections}` };
}
