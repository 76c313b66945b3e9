import { badge, detailsList, linkButton, notice } from '../pages/components.js';
import { type FormState, form, input } from '../pages/forms.js';
import { html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

/** eCandidat's pages (seed 001), over the candidate use cases of the JSON API. */

export function createAccountPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  const exists = state.errors.email && message && /existe déjà|already exists/.test(state.errors.email);
  return {
    title: t('pageCandidate.createTitle'),
    body: html`${notice('info', t('pageCandidate.createWarning'))}
${exists ? notice('warning', html`<p>${t('pageCandidate.alreadyExistsHint')}</p><p><a href="/identifiants-oublies">${t('pageCandidate.forgotten')}</a></p>`) : ''}
${form({
  state,
  message,
  action: '/compte/creation',
  csrf: ctx.csrf,
  submit: t('pageCandidate.save'),
  secondary: linkButton('/', t('pageCandidate.cancel'), 'secondary'),
  fields: [
    input(state, { name: 'lastName', label: t('pageCandidate.lastName'), required: true, autocomplete: 'family-name' }),
    input(state, { name: 'firstName', label: t('pageCandidate.firstName'), required: true, autocomplete: 'given-name' }),
    input(state, {
      name: 'email',
      label: t('pageCandidate.email'),
      type: 'email',
      required: true,
      autocomplete: 'email',
      spellcheck: false,
    }),
    input(state, {
      name: 'emailConfirmation',
      label: t('pageCandidate.emailConfirmation'),
      type: 'email',
      required: true,
      spellcheck: false,
    }),
    input(state, {
      name: 'password',
      label: t('pageCandidate.password'),
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: t('pageCandidate.passwordHint'),
    }),
  ],
})}`,
  };
}

/** Seed 001's login page: the ENT for the university's students, the eCandidat account for the others. */
export function loginPage(ctx: PageContext, state: FormState, message?: string, action = '/connexion'): PageContent {
  const { t } = ctx;
  const notValidated = message && /pas été validé|not been validated/.test(message);
  return {
    title: t('pageCandidate.loginTitle'),
    body: html`<h2>${t('pageCandidate.studentsHeading')}</h2>
<p>${t('pageCandidate.studentsText')}</p>
<p>${linkButton('/ent/connexion', t('pageCandidate.studentsButton'), 'secondary')}</p>
<h2>${t('pageCandidate.othersHeading')}</h2>
<p>${t('pageCandidate.othersText')}</p>
${form({
  state,
  message,
  action,
  csrf: ctx.csrf,
  submit: t('pageCandidate.loginButton'),
  fields: [
    input(state, {
      name: 'login',
      label: t('pageCandidate.user'),
      required: true,
      autocomplete: 'username',
      hint: t('pageCandidate.userHint'),
      spellcheck: false,
    }),
    input(state, {
      name: 'password',
      label: t('pageCandidate.password'),
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    }),
  ],
})}
<ul>
<li><a href="/identifiants-oublies">${t('pageCandidate.forgotten')}</a></li>
<li><a href="/compte/creation">${t('pageCandidate.create')}</a></li>
<li><a href="/compte/renvoyer-lien"${notValidated ? html` aria-describedby="error-summary-title"` : ''}>${t('pageCandidate.resend')}</a></li>
</ul>
<h2>${t('pageCandidate.otherProfilesHeading')}</h2>
<ul>
<li><a href="/diplomes/connexion">${t('pageCandidate.otherGraduates')}</a></li>
<li><a href="/entreprises/connexion">${t('pageCandidate.otherCompanies')}</a></li>
<li><a href="/ent/connexion">${t('pageCandidate.otherStaff')}</a></li>
</ul>`,
  };
}

export function emailFormPage(
  ctx: PageContext,
  state: FormState,
  message: string | undefined,
  spec: { title: string; intro: string; action: string; submit: string },
): PageContent {
  return {
    title: spec.title,
    body: html`<p>${spec.intro}</p>
${form({
  state,
  message,
  action: spec.action,
  csrf: ctx.csrf,
  submit: spec.submit,
  secondary: linkButton('/connexion', ctx.t('pageCandidate.cancel'), 'secondary'),
  fields: input(state, {
    name: 'email',
    label: ctx.t('pageCandidate.email'),
    type: 'email',
    required: true,
    autocomplete: 'email',
    spellcheck: false,
  }),
})}`,
  };
}

export function accountPage(
  ctx: PageContext,
  account: { fileNumber: string; lastName: string; firstName: string; email: string; status: string },
): PageContent {
  const { t } = ctx;
  const status =
    account.status === 'active'
      ? badge(t('pageCandidate.statusActive'), 'success')
      : account.status === 'email_change_pending'
        ? badge(t('pageCandidate.statusEmailChange'), 'warning')
        : badge(t('pageCandidate.statusPending'), 'warning');
  return {
    title: t('pageCandidate.accountTitle'),
    body: html`${detailsList([
      [t('pageCandidate.lastName'), account.lastName],
      [t('pageCandidate.firstName'), account.firstName],
      [t('pageCandidate.fileNumber'), account.fileNumber],
      [t('pageCandidate.email'), account.email],
      [t('pageCandidate.status'), status],
      [t('pageCandidate.language'), t('pageCandidate.languageName')],
    ])}
<p>${linkButton('/mon-compte/adresse', t('pageCandidate.changeEmail'), 'secondary')}</p>`,
  };
}

export function changeEmailPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageCandidate.changeEmailTitle'),
    body: html`${notice('warning', t('pageCandidate.createWarning'))}
${form({
  state,
  message,
  action: '/mon-compte/adresse',
  csrf: ctx.csrf,
  submit: t('pageCandidate.save'),
  secondary: linkButton('/mon-compte', t('pageCandidate.cancel'), 'secondary'),
  fields: [
    input(state, {
      name: 'email',
      label: t('pageCandidate.newEmail'),
      type: 'email',
      required: true,
      autocomplete: 'email',
      spellcheck: false,
    }),
    input(state, {
      name: 'emailConfirmation',
      label: t('pageCandidate.newEmailConfirmation'),
      type: 'email',
      required: true,
      spellcheck: false,
    }),
    input(state, {
      name: 'currentPassword',
      label: t('pageCandidate.currentPassword'),
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    }),
  ],
})}`,
  };
}
