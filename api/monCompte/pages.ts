import { dateTime } from '../../lib/i18n/index.js';
import { badge, detailsList, linkButton, notice, postButton, table } from '../pages/components.js';
import { type FormState, form, hidden, input, textarea } from '../pages/forms.js';
import { type Html, type HtmlValue, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';
import type { ImageUse } from './imageRights.js';
import type { PersonalInformation } from './information.js';

export type MonCompteTab = 'information' | 'card' | 'security' | 'image';

export const monComptePaths = {
  information: '/mon-compte/informations',
  card: '/mon-compte/badge',
  security: '/mon-compte/securite',
  image: '/mon-compte/confidentialite',
  personalEmail: '/mon-compte/adresse-personnelle',
  activation: '/ent/premiere-connexion',
  activationCode: '/ent/premiere-connexion/code',
  recovery: '/ent/mot-de-passe-oublie',
} as const;

/**
 * The four tabs of « Mon compte » (seed 003), as a navigation list: each tab is its own page (no
 * JavaScript), the current one marked with aria-current. « Badge et accès » is the card's page
 * (issue 21); until it exists the tab says « bientôt disponible ».
 */
export function tabs(ctx: PageContext, current: MonCompteTab, cardAvailable: boolean): Html {
  const { t } = ctx;
  const entry = (tab: MonCompteTab, label: string) =>
    tab === 'card' && !cardAvailable
      ? html`<li><span>${label}</span> <span class="muted">(${t('monCompte.cardSoon')})</span></li>`
      : html`<li><a href="${monComptePaths[tab]}"${current === tab ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav aria-label="${t('monCompte.tabsLabel')}"><ul class="tabs">
${entry('information', t('monCompte.tabInformation'))}
${entry('card', t('monCompte.tabCard'))}
${entry('security', t('monCompte.tabSecurity'))}
${entry('image', t('monCompte.tabImage'))}
</ul></nav>`;
}

const within = (ctx: PageContext, current: MonCompteTab, cardAvailable: boolean, title: string, body: HtmlValue): PageContent => ({
  title: `${title} — ${ctx.t('monCompte.title')}`,
  body: html`${tabs(ctx, current, cardAvailable)}${body}`,
});

export function informationPage(
  ctx: PageContext,
  state: FormState,
  info: PersonalInformation,
  p: { cardAvailable: boolean; assistanceEmail: string; message?: string },
): PageContent {
  const { t } = ctx;
  const mail = info.personalEmail;
  const mailStatus: HtmlValue =
    mail.status === 'unavailable'
      ? notice('warning', t('monCompte.directoryUnavailable'))
      : mail.status === 'notConfigured'
        ? notice('info', t('monCompte.directoryNotConfigured'))
        : html`${detailsList([[t('monCompte.personalEmail'), mail.address ?? t('monCompte.personalEmailNone')]])}${
            mail.pending ? notice('info', t('monCompte.personalEmailPending', { email: mail.pending })) : ''
          }<p>${linkButton(monComptePaths.personalEmail, t('monCompte.changePersonalEmail'), 'secondary')}</p>`;
  return within(
    ctx,
    'information',
    p.cardAvailable,
    t('monCompte.tabInformation'),
    html`<h2>${t('monCompte.identityHeading')}</h2>
${detailsList([
  [t('monCompte.lastName'), info.identity.lastName],
  [t('monCompte.firstName'), info.identity.firstName],
  ...(info.identity.studentNumber ? [[t('monCompte.studentNumber'), info.identity.studentNumber] as const] : []),
  [t('monCompte.login'), info.identity.login],
])}
<p class="muted">${t('monCompte.identityCorrection', { email: p.assistanceEmail })}</p>
<h2>${t('monCompte.contactHeading')}</h2>
${form({
  state,
  ...(p.message ? { message: p.message } : {}),
  action: monComptePaths.information,
  csrf: ctx.csrf,
  submit: t('monCompte.saveDetails'),
  requiredNote: false,
  fields: html`${input(state, { name: 'phone', label: t('monCompte.phone'), type: 'tel', autocomplete: 'tel', maxlength: 32 })}
${textarea(state, { name: 'postalAddress', label: t('monCompte.postalAddress'), rows: 3, maxlength: 400 })}`,
})}
<h2>${t('monCompte.personalEmail')}</h2>
<p>${t('monCompte.personalEmailHint')}</p>
${mailStatus}`,
  );
}

export function personalEmailPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('monCompte.changePersonalEmail'),
    body: html`<p>${t('monCompte.personalEmailHint')}</p>${form({
      state,
      ...(message ? { message } : {}),
      action: monComptePaths.personalEmail,
      csrf: ctx.csrf,
      submit: t('monCompte.changePersonalEmail'),
      fields: input(state, { name: 'email', label: t('monCompte.newPersonalEmail'), type: 'email', autocomplete: 'email', required: true }),
      secondary: linkButton(monComptePaths.information, t('monCompte.tabInformation'), 'secondary'),
    })}`,
  };
}

export function confirmLinkPage(ctx: PageContext, p: { title: string; action: string; label: string }): PageContent {
  return { title: p.title, body: html`<p>${postButton({ action: p.action, csrf: ctx.csrf, label: p.label })}</p>` };
}

function criteria(ctx: PageContext, c: { minLength: number; history: number }): Html {
  const { t } = ctx;
  return html`<h2 id="criteres">${t('monCompte.criteriaHeading')}</h2>
<ul aria-labelledby="criteres">
<li>${t('monCompte.criteriaLength', { min: c.minLength })}</li>
<li>${t('monCompte.criteriaGuessable')}</li>
<li>${t('monCompte.criteriaIdentity')}</li>
<li>${t('monCompte.criteriaHistory', { count: c.history })}</li>
</ul>`;
}

const newPasswordFields = (ctx: PageContext, state: FormState) =>
  html`${input(state, { name: 'password', label: ctx.t('monCompte.newPassword'), type: 'password', autocomplete: 'new-password', required: true, hint: ctx.t('monCompte.criteriaLength', { min: 12 }) })}
${input(state, { name: 'passwordConfirmation', label: ctx.t('monCompte.newPasswordConfirmation'), type: 'password', autocomplete: 'new-password', required: true })}`;

export function securityPage(
  ctx: PageContext,
  state: FormState,
  p: { cardAvailable: boolean; configured: boolean; criteria: { minLength: number; history: number }; message?: string },
): PageContent {
  const { t } = ctx;
  const body = p.configured
    ? html`${criteria(ctx, p.criteria)}
${form({
  state,
  ...(p.message ? { message: p.message } : {}),
  action: monComptePaths.security,
  csrf: ctx.csrf,
  submit: t('monCompte.changePassword'),
  fields: html`${input(state, { name: 'currentPassword', label: t('monCompte.currentPassword'), type: 'password', autocomplete: 'current-password', required: true })}
${newPasswordFields(ctx, state)}`,
})}
${notice('info', t('monCompte.ssoNotice'))}`
    : notice('info', t('monCompte.directoryNotConfigured'));
  return within(ctx, 'security', p.cardAvailable, t('monCompte.tabSecurity'), body);
}

export function imagePage(
  ctx: PageContext,
  p: {
    cardAvailable: boolean;
    version: string;
    uses: (ImageUse & { granted: boolean; decidedAt: Date | null; textVersion: string | null })[];
    history: { use: string; granted: boolean; textVersion: string; decidedAt: Date }[];
  },
): PageContent {
  const { t } = ctx;
  const labelOf = (id: string) => {
    const use = p.uses.find((u) => u.id === id);
    return !use ? id : 'key' in use.label ? t(use.label.key) : use.label.text;
  };
  const when = (at: Date) => dateTime(at.getTime(), ctx.lang).replace(/^(le|on) /, '');
  const rows = p.uses.map(
    (use) =>
      html`<li><h3>${labelOf(use.id)}</h3><p>${use.granted ? badge(t('monCompte.consentGranted'), 'success') : badge(t('monCompte.consentRefused'))}${
        use.decidedAt
          ? html` <span class="muted">${t('monCompte.consentSince', { at: when(use.decidedAt), version: use.textVersion ?? '' })}</span>`
          : ''
      }</p><p>${postButton({
        action: monComptePaths.image,
        csrf: ctx.csrf,
        label: use.granted ? t('monCompte.withdraw') : t('monCompte.grant'),
        hidden: { use: use.id, granted: use.granted ? 'false' : 'true' },
        variant: use.granted ? 'secondary' : 'primary',
        buttonAttributes: html` aria-describedby="${`use-${use.id}`}"`,
      })}<span class="visually-hidden" id="${`use-${use.id}`}">${labelOf(use.id)}</span></p></li>`,
  );
  return within(
    ctx,
    'image',
    p.cardAvailable,
    t('monCompte.tabImage'),
    html`<p>${t('monCompte.imageIntro')}</p>
<ul class="plain"><li><h3>${t('monCompte.useCard')}</h3><p>${badge(t('monCompte.consentGranted'), 'info')}</p></li>${rows}</ul>
<h2>${t('monCompte.historyHeading')}</h2>
${table({
  caption: t('monCompte.historyHeading'),
  head: [t('monCompte.historyDate'), t('monCompte.historyUse'), t('monCompte.historyChoice'), t('monCompte.historyVersion')],
  rows: p.history.map((row) => [
    when(row.decidedAt),
    labelOf(row.use),
    row.granted ? t('monCompte.consentGranted') : t('monCompte.consentRefused'),
    row.textVersion,
  ]),
  empty: t('monCompte.historyEmpty'),
})}`,
  );
}

export function activationPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('monCompte.activationTitle'),
    body: html`<p>${t('monCompte.activationIntro')}</p>${form({
      state,
      ...(message ? { message } : {}),
      action: monComptePaths.activation,
      csrf: ctx.csrf,
      submit: t('monCompte.sendCode'),
      fields: html`${input(state, { name: 'studentNumber', label: t('monCompte.studentNumber'), required: true, autocomplete: 'off', spellcheck: false })}
${input(state, { name: 'birthDate', label: t('monCompte.birthDate'), type: 'date', required: true, autocomplete: 'bday' })}`,
    })}`,
  };
}

export function activationCodePage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('monCompte.activationTitle'),
    body: html`${notice('info', t('monCompte.codeSent'))}${form({
      state,
      ...(message ? { message } : {}),
      action: monComptePaths.activationCode,
      csrf: ctx.csrf,
      submit: t('monCompte.activate'),
      fields: html`${hidden('handle', state.values.handle ?? '')}
${input(state, { name: 'code', label: t('monCompte.code'), required: true, autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 8 })}
${newPasswordFields(ctx, state)}`,
    })}`,
  };
}

export function recoveryPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('monCompte.recoveryTitle'),
    body: html`<p>${t('monCompte.recoveryIntro')}</p>${form({
      state,
      ...(message ? { message } : {}),
      action: monComptePaths.recovery,
      csrf: ctx.csrf,
      submit: t('monCompte.sendLink'),
      fields: input(state, { name: 'login', label: t('monCompte.login'), required: true, autocomplete: 'username', spellcheck: false }),
    })}`,
  };
}

export function newPasswordPage(ctx: PageContext, state: FormState, action: string, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('monCompte.choosePassword'),
    body: form({
      state,
      ...(message ? { message } : {}),
      action,
      csrf: ctx.csrf,
      submit: t('monCompte.choosePassword'),
      fields: newPasswordFields(ctx, state),
    }),
  };
}
