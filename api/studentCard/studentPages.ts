import type { CardPhoto } from '../../db/cardPhotos.js';
import type { CardStatus, StudentCard } from '../../db/studentCards.js';
import { dateTime, type Lang, t } from '../../lib/i18n/index.js';
import { refusalReasonText } from '../../lib/images/refusalReasons.js';
import { badge, detailsList, linkButton, notice, postButton, type Tone, table } from '../pages/components.js';
import { type FormState, fileInput, form, radios } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

const toneOf: Partial<Record<CardStatus, Tone>> = {
  enabled: 'success',
  ready: 'success',
  disabled: 'danger',
  photo_refused: 'warning',
  expired: 'neutral',
  replaced: 'neutral',
  cancelled: 'neutral',
};
export const statusLabel = (status: string, lang: Lang) => t(`studentCard.status_${status as CardStatus}`, lang);
export const statusBadge = (status: CardStatus, lang: Lang) => badge(statusLabel(status, lang), toneOf[status] ?? 'info');
const day = (d: Date, lang: Lang) => dateTime(d.getTime(), lang).replace(/^(le|on) /, '');

/**
 * The tabs of « Mon compte » that this journey owns; the account page itself (and the other tabs)
 * lives in api/monCompte/, which links here.
 */
export function accountTabs(ctx: PageContext, current: 'badge' | 'photo'): Html {
  const tab = (href: string, label: string, here: boolean) =>
    html`<li><a href="${href}"${here ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav aria-label="${ctx.t('pageStudentCard.tabs')}"><ul>
${tab('/mon-compte', ctx.t('pageStudentCard.tabPersonal'), false)}
${tab('/mon-compte/photo', ctx.t('pageStudentCard.tabPhoto'), current === 'photo')}
${tab('/mon-compte/badge', ctx.t('pageStudentCard.badgeTitle'), current === 'badge')}
</ul></nav>`;
}

export function badgePage(
  ctx: PageContext,
  view: { card: StudentCard | undefined; history: { status: string; at: Date }[]; feeCents: number },
  state: FormState,
  message?: string,
): PageContent {
  const { t, lang } = ctx;
  const { card } = view;
  if (!card)
    return {
      title: t('pageStudentCard.badgeTitle'),
      body: html`${accountTabs(ctx, 'badge')}${notice('info', t('pageStudentCard.noCard'))}<p>${linkButton('/mon-compte/photo', t('pageStudentCard.uploadPhoto'))}</p>`,
    };
  const details = detailsList([
    [t('pageStudentCard.state'), statusBadge(card.status, lang)],
    ...(card.rejections ? [[t('pageStudentCard.rejections'), String(card.rejections)] as const] : []),
    ...(card.disabled_motive ? [[t('pageStudentCard.motive'), t(`studentCard.motive_${card.disabled_motive}`)] as const] : []),
    ...(card.disabled_at ? [[t('pageStudentCard.disabledAt'), day(card.disabled_at, lang)] as const] : []),
    ...(card.valid_until && card.status === 'enabled' ? [[t('pageStudentCard.validUntil'), day(card.valid_until, lang)] as const] : []),
  ]);
  const history = table({
    caption: t('pageStudentCard.history'),
    head: [t('pageStudentCard.date'), t('pageStudentCard.step')],
    rows: view.history.map((e) => [day(e.at, lang), statusLabel(e.status, lang)]),
  });
  let actions: Html = html``;
  if (['awaiting_photo', 'photo_refused', 'photo_pending'].includes(card.status))
    actions = html`<p>${linkButton('/mon-compte/photo', t('pageStudentCard.uploadPhoto'))}</p>`;
  if (card.status === 'enabled')
    actions = html`<h2>${t('pageStudentCard.oppositionTitle')}</h2><p>${t('pageStudentCard.oppositionHint')}</p>${form({
      state,
      ...(message ? { message } : {}),
      action: '/mon-compte/badge/opposition',
      csrf: ctx.csrf,
      submit: t('pageStudentCard.oppositionSubmit'),
      fields: radios(state, {
        name: 'motive',
        label: t('pageStudentCard.motive'),
        required: true,
        options: (['lost', 'theft', 'out_of_order'] as const).map((m) => ({ value: m, label: t(`studentCard.motive_${m}`) })),
      }),
    })}`;
  if (card.status === 'disabled')
    actions = html`<h2>${t('pageStudentCard.replacementTitle')}</h2><p>${t('pageStudentCard.replacementPhotoReused')}</p>${
      view.feeCents > 0 ? html`<p>${t('pageStudentCard.replacementFee', { euros: (view.feeCents / 100).toFixed(2) })}</p>` : ''
    }<p>${postButton({ action: '/mon-compte/badge/remplacement', csrf: ctx.csrf, label: t('pageStudentCard.replacementTitle') })}</p>`;
  return { title: t('pageStudentCard.badgeTitle'), body: html`${accountTabs(ctx, 'badge')}${details}${actions}${history}` };
}

export function photoPage(
  ctx: PageContext,
  view: { card: StudentCard | undefined; photos: CardPhoto[] },
  state: FormState,
  message?: string,
): PageContent {
  const { t, lang } = ctx;
  const latest = view.photos.find((p) => p.status !== 'withdrawn');
  const accepting =
    !view.card || ['awaiting_photo', 'photo_pending', 'photo_refused', 'expired', 'replaced', 'cancelled'].includes(view.card.status);
  const status: Html = !latest
    ? html``
    : latest.status === 'pending'
      ? notice('info', t('pageStudentCard.photoPending'))
      : latest.status === 'accepted'
        ? notice('success', t('pageStudentCard.photoAccepted'))
        : notice(
            'warning',
            html`<p>${t('pageStudentCard.photoRefused', { reason: refusalReasonText(latest.refusal_reason ?? '', lang) })}</p>${
              latest.refusal_comment ? html`<p>${t('pageStudentCard.photoComment', { comment: latest.refusal_comment })}</p>` : ''
            }`,
          );
  const image =
    latest && latest.status !== 'refused'
      ? html`<h2>${t('pageStudentCard.currentPhoto')}</h2><p><img src="/mon-compte/photo/${latest.id}.jpg" width="165" height="212" alt="${t('pageStudentCard.photoAlt')}"></p>`
      : html``;
  const upload = accepting
    ? html`<h2>${t('pageStudentCard.photoRules')}</h2><ul>
<li>${t('pageStudentCard.photoRule1')}</li><li>${t('pageStudentCard.photoRule2')}</li><li>${t('pageStudentCard.photoRule3')}</li><li>${t('pageStudentCard.photoRule4')}</li>
</ul>${form({
        state,
        ...(message ? { message } : {}),
        action: '/mon-compte/photo',
        csrf: ctx.csrf,
        multipart: true,
        submit: t('pageStudentCard.uploadPhoto'),
        fields: fileInput(state, {
          name: 'photo',
          label: t('pageStudentCard.photoField'),
          hint: t('pageStudentCard.photoHint'),
          accept: 'image/jpeg,image/png',
          required: true,
        }),
      })}`
    : notice('info', t('pageStudentCard.photoNotNeeded'));
  return { title: t('pageStudentCard.photoTitle'), body: html`${accountTabs(ctx, 'photo')}${status}${image}${upload}` };
}
