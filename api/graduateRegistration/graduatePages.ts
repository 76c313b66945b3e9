import type { GraduateAccount } from '../../db/graduateAccounts.js';
import type { RegistryDiploma } from '../../db/registry/lookup.js';
import { dateTime, type PlainKey } from '../../lib/i18n/index.js';
import { badge, detailsList, linkButton, notice, type Tone, table } from '../pages/components.js';
import { type FormState, form, input, radios, select } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

/** « Profils diplômés » in pages (seed 000), over the graduate use cases of the JSON API. */

export function registerPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageGraduate.registerTitle'),
    body: html`<p>${t('pageGraduate.registerIntro')}</p>
${form({
  state,
  message,
  action: '/diplomes/inscription',
  csrf: ctx.csrf,
  submit: t('pageGraduate.register'),
  fields: [
    input(state, {
      name: 'lastName',
      label: t('pageGraduate.lastName'),
      hint: t('pageGraduate.lastNameHint'),
      required: true,
      autocomplete: 'family-name',
    }),
    input(state, { name: 'firstNames', label: t('pageGraduate.firstNames'), required: true, autocomplete: 'given-name' }),
    input(state, { name: 'birthDate', label: t('pageGraduate.birthDate'), type: 'date', required: true, autocomplete: 'bday' }),
    input(state, {
      name: 'email',
      label: t('pageGraduate.email'),
      type: 'email',
      required: true,
      autocomplete: 'email',
      spellcheck: false,
    }),
    input(state, {
      name: 'password',
      label: t('pageGraduate.password'),
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: t('pageCandidate.passwordHint'),
    }),
  ],
})}`,
  };
}

/** « Consultez vos courriels »: the same page for everyone, whatever the registry said. */
export function sentPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageGraduate.sentTitle'),
    body: html`<p>${t('pageGraduate.sentText')}</p>
<h2>${t('pageGraduate.resend')}</h2>
<p>${t('pageGraduate.sentNothing')}</p>
${form({
  state,
  message,
  action: '/diplomes/inscription/courriel',
  csrf: ctx.csrf,
  submit: t('pageGraduate.resend'),
  requiredNote: false,
  fields: input(state, {
    name: 'email',
    label: t('pageGraduate.email'),
    type: 'email',
    required: true,
    autocomplete: 'email',
    spellcheck: false,
  }),
})}`,
  };
}

/** Another device: the registration's address and password open it (and this browser keeps a pass). */
export function followSignInPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageGraduate.followTitle'),
    body: html`<p>${t('pageGraduate.followSignIn')}</p>
${form({
  state,
  message,
  action: '/diplomes/inscription/suivi',
  csrf: ctx.csrf,
  submit: t('pageGraduate.followButton'),
  fields: [
    input(state, {
      name: 'email',
      label: t('pageGraduate.email'),
      type: 'email',
      required: true,
      autocomplete: 'email',
      spellcheck: false,
    }),
    input(state, {
      name: 'password',
      label: t('pageGraduate.password'),
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    }),
  ],
})}`,
  };
}

const statusLabels: Record<string, { label: PlainKey; tone: Tone }> = {
  pending_email: { label: 'pageGraduate.statusPendingEmail', tone: 'warning' },
  awaiting_email: { label: 'pageGraduate.statusPendingEmail', tone: 'warning' },
  pending_diploma: { label: 'pageGraduate.statusPendingDiploma', tone: 'warning' },
  awaiting_diploma: { label: 'pageGraduate.statusPendingDiploma', tone: 'warning' },
  pending_form: { label: 'pageGraduate.statusPendingForm', tone: 'warning' },
  awaiting_form: { label: 'pageGraduate.statusPendingForm', tone: 'warning' },
  pending_approval: { label: 'pageGraduate.statusPendingApproval', tone: 'info' },
  awaiting_approval: { label: 'pageGraduate.statusPendingApproval', tone: 'info' },
  active: { label: 'pageGraduate.statusActive', tone: 'success' },
  refused: { label: 'pageGraduate.statusRefused', tone: 'danger' },
  expired: { label: 'pageGraduate.statusExpired', tone: 'neutral' },
  duplicate: { label: 'pageGraduate.statusDuplicate', tone: 'neutral' },
};

export function statusBadge(ctx: PageContext, status: string): Html {
  const s = statusLabels[status];
  return s ? badge(ctx.t(s.label), s.tone) : badge(status);
}

/** « en attente de validation » by whom: the roles of the levels, most specific first. */
function validators(ctx: PageContext, levels: GraduateAccount['validator_levels']): Html {
  const role = (r: { role: string; scope?: string }) =>
    r.role === 'responsable_vet'
      ? ctx.t('pageGraduate.roleVet', { scope: r.scope ?? '' })
      : r.role === 'responsable_composante'
        ? ctx.t('pageGraduate.roleComposante', { scope: r.scope ?? '' })
        : ctx.t('pageGraduate.roleAdmin');
  const sentences = (levels ?? [[{ role: 'administrateur' }]]).map((level) => level.map(role).join(', '));
  return html`${sentences.map((s, i) => (i === 0 ? s : html` ; ${ctx.t('pageGraduate.validatorsThen')} ${s}`))}`;
}

/** The registration's status page: where it stands, who decides, the groups once validated, its history. */
export function statusPage(
  ctx: PageContext,
  account: GraduateAccount,
  extra: { groups: { kind: 'composante' | 'vet'; code: string }[]; history: { status: string; at: Date }[] },
): PageContent {
  const { t } = ctx;
  const rows: [string, Html | string][] = [
    [t('pageGraduate.lastName'), account.last_name],
    [t('pageGraduate.firstNames'), account.first_names],
    [t('pageGraduate.email'), account.email],
    [t('pageGraduate.status'), statusBadge(ctx, account.status)],
  ];
  if (account.vet_code) rows.push([t('pageGraduate.diploma'), account.vet_code]);
  else if (account.status === 'pending_approval' && account.composante_code)
    rows.push([t('pageGraduate.diploma'), t('pageGraduate.diplomaNotFound')]);
  if (account.status === 'pending_approval') rows.push([t('pageGraduate.validators'), validators(ctx, account.validator_levels)]);
  if (extra.groups.length)
    rows.push([
      t('pageGraduate.groups'),
      extra.groups
        .map((g) => (g.kind === 'vet' ? t('pageGraduate.groupVet', { code: g.code }) : t('pageGraduate.groupComposante', { code: g.code })))
        .join(', '),
    ]);
  if (account.refusal_reason) rows.push([t('pageGraduate.reason'), account.refusal_reason]);

  const next: Record<string, Html> = {
    pending_email: notice('info', t('pageGraduate.pendingEmailText')),
    pending_diploma: html`${notice('info', t('pageGraduate.chooseIntro'))}<p>${linkButton('/diplomes/inscription/diplome', t('pageGraduate.chooseTitle'))}</p>`,
    pending_form: html`${notice('info', t('pageGraduate.formIntro'))}<p>${linkButton('/diplomes/inscription/formulaire', t('pageGraduate.formTitle'))}</p>`,
    pending_approval: notice('info', t('pageGraduate.approvalText')),
    active: html`${notice('success', t('pageGraduate.activeText'))}<p>${linkButton('/diplomes/connexion', t('pageGraduate.login'))}</p>`,
    refused: html`${notice('error', t('pageGraduate.refusedText'))}<p>${linkButton('/diplomes/inscription', t('pageGraduate.again'), 'secondary')}</p>`,
    expired: html`${notice('warning', t('pageGraduate.expiredText'))}<p>${linkButton('/diplomes/inscription', t('pageGraduate.again'), 'secondary')}</p>`,
    duplicate: html`${notice('warning', t('pageGraduate.duplicateText'))}<p>${linkButton('/diplomes/connexion', t('pageGraduate.login'))}</p>`,
  };
  return {
    title: t('pageGraduate.followTitle'),
    body: html`${next[account.status] ?? ''}
${detailsList(rows)}
<h2>${t('pageGraduate.history')}</h2>
${table({
  caption: t('pageGraduate.historyCaption'),
  head: [t('pageGraduate.historyStep'), t('pageGraduate.historyDate')],
  rows: extra.history.map((e) => [statusBadge(ctx, e.status), dateTime(e.at.getTime(), ctx.lang).replace(/^(le|on) /, '')]),
})}`,
  };
}

export function chooseDiplomaPage(
  ctx: PageContext,
  state: FormState,
  message: string | undefined,
  data: { diplomas: RegistryDiploma[]; composantes: { code: string; label: string }[] },
): PageContent {
  const { t } = ctx;
  return {
    title: t('pageGraduate.chooseTitle'),
    body: html`<p>${t('pageGraduate.chooseIntro')}</p>
${form({
  state,
  message,
  action: '/diplomes/inscription/diplome',
  csrf: ctx.csrf,
  submit: t('pageGraduate.confirmChoice'),
  fields: [
    radios(state, {
      name: 'diploma',
      label: t('pageGraduate.chooseLegend'),
      required: true,
      options: [
        ...data.diplomas.map((d) => ({
          value: d.id,
          label: t('pageGraduate.diplomaOption', { label: d.vetLabel ?? d.vetCode, code: d.vetCode, year: d.year }),
          ...(d.composanteLabel ? { hint: d.composanteLabel } : {}),
        })),
        { value: 'not_found', label: t('pageGraduate.notFoundOption'), hint: t('pageGraduate.notFoundHint') },
      ],
    }),
    select(state, {
      name: 'composanteCode',
      label: t('pageGraduate.composante'),
      options: data.composantes.map((c) => ({ value: c.code, label: c.label })),
    }),
    input(state, { name: 'title', label: t('pageGraduate.rememberedTitle') }),
    input(state, { name: 'year', label: t('pageGraduate.rememberedYear'), inputmode: 'numeric', maxlength: 4 }),
  ],
})}`,
  };
}

export function completeFormPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageGraduate.formTitle'),
    body: html`<p>${t('pageGraduate.formIntro')}</p>
${form({
  state,
  message,
  action: '/diplomes/inscription/formulaire',
  csrf: ctx.csrf,
  submit: t('pageGraduate.sendForm'),
  fields: [
    input(state, { name: 'phone', label: t('pageGraduate.phone'), type: 'tel', required: true, autocomplete: 'tel' }),
    input(state, { name: 'postalAddress', label: t('pageGraduate.postalAddress'), required: true, autocomplete: 'street-address' }),
    html`<fieldset class="field"><legend>${t('pageGraduate.diplomaLegend')}</legend>
${input(state, { name: 'rememberedDiploma.title', label: t('pageGraduate.diplomaTitle'), required: true })}
${input(state, { name: 'rememberedDiploma.year', label: t('pageGraduate.diplomaYear'), required: true, inputmode: 'numeric', maxlength: 4 })}
${input(state, { name: 'rememberedDiploma.composante', label: t('pageGraduate.diplomaComposante'), required: true })}
</fieldset>`,
  ],
})}`,
  };
}

export function graduateLoginPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageGraduate.loginTitle'),
    body: html`${form({
      state,
      message,
      action: ctx.path.startsWith('/diplomes/connexion?') ? ctx.path : '/diplomes/connexion',
      csrf: ctx.csrf,
      submit: t('pageGraduate.login'),
      fields: [
        input(state, {
          name: 'email',
          label: t('pageGraduate.email'),
          type: 'email',
          required: true,
          autocomplete: 'username',
          spellcheck: false,
        }),
        input(state, {
          name: 'password',
          label: t('pageGraduate.password'),
          type: 'password',
          required: true,
          autocomplete: 'current-password',
        }),
      ],
    })}
<ul>
<li><a href="/diplomes/inscription/suivi">${t('pageGraduate.loginFollow')}</a></li>
<li><a href="/diplomes/inscription">${t('pageGraduate.loginRegister')}</a></li>
</ul>`,
  };
}

export function graduateAccountPage(
  ctx: PageContext,
  account: {
    lastName: string;
    firstNames: string;
    email: string;
    status: string;
    groups: { kind: string; code: string }[];
    validatedAt: Date | null;
  },
): PageContent {
  const { t } = ctx;
  return {
    title: t('pageGraduate.accountTitle'),
    body: detailsList([
      [t('pageGraduate.lastName'), account.lastName],
      [t('pageGraduate.firstNames'), account.firstNames],
      [t('pageGraduate.email'), account.email],
      [t('pageGraduate.status'), statusBadge(ctx, account.status)],
      [
        t('pageGraduate.groups'),
        account.groups
          .map((g) =>
            g.kind === 'vet' ? t('pageGraduate.groupVet', { code: g.code }) : t('pageGraduate.groupComposante', { code: g.code }),
          )
          .join(', '),
      ],
      [
        t('pageGraduate.validatedOn'),
        account.validatedAt ? dateTime(account.validatedAt.getTime(), ctx.lang).replace(/^(le|on) /, '') : '',
      ],
    ]),
  };
}
