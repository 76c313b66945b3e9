import { dateTime, type PlainKey } from '../../lib/i18n/index.js';
import { badge, detailsList, linkButton, notice, type Tone } from '../pages/components.js';
import { checkbox, type FormState, form, hidden, input } from '../pages/forms.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

/** « ENTREPRISES/PARTENAIRES » in pages (seed 000), over the recruiter use cases of the JSON API. */

export interface TermsInForce {
  version: string;
  text: string;
}

export interface RecruiterView {
  companyName: string;
  contactName: string;
  email: string;
  status: string;
  termsVersion: string;
  termsAcceptedAt: Date | null;
  canPostOffers: boolean;
  validatedAt: Date | null;
}

const when = (ctx: PageContext, at: Date) => dateTime(at.getTime(), ctx.lang).replace(/^(le|on) /, '');

/** Company + contact, the FULL text of the terms in force, and « J'accepte les conditions générales d'utilisations ». */
export function registerPage(ctx: PageContext, state: FormState, message: string | undefined, terms: TermsInForce): PageContent {
  const { t } = ctx;
  return {
    title: t('pageRecruiter.registerTitle'),
    body: html`<p>${t('pageRecruiter.registerIntro')}</p>
${form({
  state,
  message,
  action: '/entreprises/inscription',
  csrf: ctx.csrf,
  submit: t('pageRecruiter.register'),
  fields: html`${hidden('termsVersion', terms.version)}
<fieldset class="field"><legend>${t('pageRecruiter.company')}</legend>
${input(state, { name: 'company.name', label: t('pageRecruiter.companyName'), required: true, autocomplete: 'organization' })}
${input(state, { name: 'company.siret', label: t('pageRecruiter.siret'), hint: t('pageRecruiter.siretHint'), inputmode: 'numeric', maxlength: 14 })}
${input(state, { name: 'company.address', label: t('pageRecruiter.companyAddress'), required: true, autocomplete: 'street-address' })}
${input(state, { name: 'company.website', label: t('pageRecruiter.website'), type: 'url', autocomplete: 'url' })}
</fieldset>
<fieldset class="field"><legend>${t('pageRecruiter.contact')}</legend>
${input(state, { name: 'contact.lastName', label: t('pageRecruiter.lastName'), required: true, autocomplete: 'family-name' })}
${input(state, { name: 'contact.firstName', label: t('pageRecruiter.firstName'), required: true, autocomplete: 'given-name' })}
${input(state, { name: 'contact.jobTitle', label: t('pageRecruiter.jobTitle'), autocomplete: 'organization-title' })}
${input(state, { name: 'contact.phone', label: t('pageRecruiter.phone'), type: 'tel', autocomplete: 'tel' })}
${input(state, { name: 'email', label: t('pageRecruiter.email'), type: 'email', required: true, autocomplete: 'email', spellcheck: false })}
${input(state, {
  name: 'password',
  label: t('pageRecruiter.password'),
  type: 'password',
  required: true,
  autocomplete: 'new-password',
  hint: t('pageCandidate.passwordHint'),
})}
</fieldset>
<section aria-labelledby="terms-title"><h2 id="terms-title">${t('pageRecruiter.termsHeading')}</h2>
<p class="muted">${t('pageRecruiter.termsVersion', { version: terms.version })}</p>
<div class="terms" tabindex="0" role="region" aria-labelledby="terms-title">${terms.text.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>
</section>
${checkbox(state, { name: 'acceptTerms', label: t('pageRecruiter.accept'), required: true })}`,
})}`,
  };
}

/** « Consultez vos courriels », with the resend form. */
export function sentPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageRecruiter.sentTitle'),
    body: html`<p>${t('pageRecruiter.sentText')}</p>
<h2>${t('pageRecruiter.resend')}</h2>
<p>${t('pageRecruiter.resendText')}</p>
${form({
  state,
  message,
  action: '/entreprises/inscription/courriel',
  csrf: ctx.csrf,
  submit: t('pageRecruiter.resend'),
  requiredNote: false,
  fields: input(state, {
    name: 'email',
    label: t('pageRecruiter.email'),
    type: 'email',
    required: true,
    autocomplete: 'email',
    spellcheck: false,
  }),
})}`,
  };
}

const statusLabels: Record<string, { label: PlainKey; tone: Tone }> = {
  pending_email: { label: 'pageRecruiter.statusPendingEmail', tone: 'info' },
  pending_approval: { label: 'pageRecruiter.statusPendingApproval', tone: 'warning' },
  active: { label: 'pageRecruiter.statusActive', tone: 'success' },
  refused: { label: 'pageRecruiter.statusRefused', tone: 'danger' },
  expired: { label: 'pageRecruiter.statusExpired', tone: 'neutral' },
};

function statusBadge(ctx: PageContext, status: string): Html {
  const s = statusLabels[status];
  return s ? badge(ctx.t(s.label), s.tone) : badge(status);
}

function recruiterDetails(ctx: PageContext, r: RecruiterView, refusalReason?: string | null): Html {
  const { t } = ctx;
  const rows: [string, Html | string][] = [
    [t('pageRecruiter.companyName'), r.companyName],
    [t('pageRecruiter.contactName'), r.contactName],
    [t('pageRecruiter.email'), r.email],
    [t('pageRecruiter.status'), statusBadge(ctx, r.status)],
    [
      t('pageRecruiter.termsAccepted'),
      t('pageRecruiter.termsAcceptedValue', { version: r.termsVersion, at: r.termsAcceptedAt ? when(ctx, r.termsAcceptedAt) : '' }),
    ],
  ];
  if (r.status === 'active')
    rows.push([t('pageRecruiter.offerRight'), r.canPostOffers ? t('pageRecruiter.offerRightYes') : t('pageRecruiter.offerRightNo')]);
  if (refusalReason) rows.push([t('pageRecruiter.reason'), refusalReason]);
  return detailsList(rows);
}

/** Where the registration stands (the page the validation link and the mails lead to). */
export function statusPage(ctx: PageContext, r: RecruiterView, refusalReason: string | null): PageContent {
  const { t } = ctx;
  const next: Record<string, Html> = {
    pending_email: notice('info', t('pageRecruiter.pendingEmailText')),
    pending_approval: notice('info', t('pageRecruiter.pendingApprovalText')),
    active: html`${notice('success', t('pageRecruiter.activeText'))}<p>${linkButton('/entreprises/connexion', t('pageRecruiter.login'))}</p>`,
    refused: html`${notice('error', t('pageRecruiter.refusedText'))}<p>${linkButton('/entreprises/inscription', t('pageRecruiter.again'), 'secondary')}</p>`,
    expired: html`${notice('warning', t('pageRecruiter.expiredText'))}<p>${linkButton('/entreprises/inscription', t('pageRecruiter.again'), 'secondary')}</p>`,
  };
  return { title: t('pageRecruiter.followTitle'), body: html`${next[r.status] ?? ''}${recruiterDetails(ctx, r, refusalReason)}` };
}

/** Another browser than the one that used the link signs in to its registration. */
export function followSignInPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pageRecruiter.followTitle'),
    body: html`<p>${t('pageRecruiter.followSignIn')}</p>${credentialsForm(ctx, state, message, '/entreprises/inscription/suivi', t('pageRecruiter.followButton'))}`,
  };
}

function credentialsForm(ctx: PageContext, state: FormState, message: string | undefined, action: string, submit: string): Html {
  const { t } = ctx;
  return form({
    state,
    message,
    action,
    csrf: ctx.csrf,
    submit,
    fields: [
      input(state, {
        name: 'email',
        label: t('pageRecruiter.email'),
        type: 'email',
        required: true,
        autocomplete: 'username',
        spellcheck: false,
      }),
      input(state, {
        name: 'password',
        label: t('pageRecruiter.password'),
        type: 'password',
        required: true,
        autocomplete: 'current-password',
      }),
    ],
  });
}

export function loginPage(ctx: PageContext, state: FormState, message?: string): PageContent {
  const { t } = ctx;
  const action = ctx.path.startsWith('/entreprises/connexion?') ? ctx.path : '/entreprises/connexion';
  return {
    title: t('pageRecruiter.loginTitle'),
    body: html`${credentialsForm(ctx, state, message, action, t('pageRecruiter.login'))}
<ul>
<li><a href="/entreprises/inscription/suivi">${t('pageRecruiter.loginFollow')}</a></li>
<li><a href="/entreprises/inscription">${t('pageRecruiter.loginRegister')}</a></li>
</ul>`,
  };
}

/** « Mon compte »: the company, the terms accepted, and whether offers may be posted. */
export function accountPage(ctx: PageContext, r: RecruiterView): PageContent {
  return { title: ctx.t('pageRecruiter.accountTitle'), body: recruiterDetails(ctx, r) };
}
