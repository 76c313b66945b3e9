import type { LinkPurpose } from '../../db/tokens.js';
import type { PlainKey } from '../../lib/i18n/index.js';
import { linkButton, notice } from '../pages/components.js';
import { type FormState, form, input } from '../pages/forms.js';
import { html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

const texts: Record<LinkPurpose, { title: PlainKey; intro: PlainKey; button: PlainKey }> = {
  account_validation: {
    title: 'pageLinks.accountValidationTitle',
    intro: 'pageLinks.accountValidationIntro',
    button: 'pageLinks.accountValidationButton',
  },
  email_change: { title: 'pageLinks.emailChangeTitle', intro: 'pageLinks.emailChangeIntro', button: 'pageLinks.emailChangeButton' },
  password_reset: { title: 'pageLinks.passwordResetTitle', intro: 'pageLinks.passwordResetIntro', button: 'pageLinks.passwordResetButton' },
  graduate_email_validation: {
    title: 'pageLinks.graduateTitle',
    intro: 'pageLinks.graduateIntro',
    button: 'pageLinks.validateAddressButton',
  },
  recruiter_email_validation: {
    title: 'pageLinks.recruiterTitle',
    intro: 'pageLinks.recruiterIntro',
    button: 'pageLinks.validateAddressButton',
  },
};

/**
 * GET: a confirmation page with one button (and the new password's fields for a reset). Opening
 * it changes nothing: mail scanners open links. The form's token is derived from the link's own
 * token (no cookie needed: the link may be opened in any browser).
 */
export function linkFormPage(
  ctx: PageContext,
  p: { purpose: LinkPurpose; action: string; csrf: string; state?: FormState; message?: string },
): PageContent {
  const { t } = ctx;
  const spec = texts[p.purpose];
  const state = p.state ?? { lang: ctx.lang, values: {}, errors: {} };
  const fields =
    p.purpose === 'password_reset'
      ? [
          input(state, {
            name: 'password',
            label: t('pageLinks.newPassword'),
            type: 'password',
            required: true,
            autocomplete: 'new-password',
          }),
          input(state, {
            name: 'passwordConfirmation',
            label: t('pageLinks.newPasswordConfirmation'),
            type: 'password',
            required: true,
            autocomplete: 'new-password',
          }),
        ]
      : [];
  return {
    title: t(spec.title),
    body: html`<p>${t(spec.intro)}</p>
${form({ state, ...(p.message ? { message: p.message } : {}), action: p.action, csrf: p.csrf, submit: t(spec.button), fields, requiredNote: fields.length > 0 })}`,
  };
}

/** After the link was used: what happened, and where the journey continues. */
export function linkDonePage(ctx: PageContext, purpose: LinkPurpose, result: unknown): PageContent {
  const { t } = ctx;
  switch (purpose) {
    case 'account_validation': {
      const fileNumber = (result as { fileNumber?: string })?.fileNumber ?? '—';
      return {
        title: t('pageCandidate.validatedTitle'),
        body: html`${notice('success', t('pageCandidate.validated'), { live: true })}<p>${t('pageCandidate.validatedLogin', { fileNumber })}</p><p>${linkButton('/connexion', t('pageCandidate.goToLogin'))}</p>`,
      };
    }
    case 'email_change':
      return result === 'applied'
        ? {
            title: t('pageCandidate.emailChangedTitle'),
            body: html`${notice('success', t('pageCandidate.emailChanged'), { live: true })}<p>${linkButton('/connexion', t('pageCandidate.goToLogin'))}</p>`,
          }
        : { title: t('pageCandidate.emailTakenTitle'), body: notice('error', t('pageCandidate.emailTaken'), { live: true }) };
    case 'password_reset':
      return {
        title: t('pageCandidate.passwordChangedTitle'),
        body: html`${notice('success', t('pageCandidate.passwordChanged'), { live: true })}<p>${linkButton('/connexion', t('pageCandidate.goToLogin'))}</p>`,
      };
    case 'graduate_email_validation': {
      // The next step of the registration, straight away (this browser now holds its pass).
      const next = (result as { next?: string })?.next;
      const path =
        next === 'choose_diploma'
          ? '/diplomes/inscription/diplome'
          : next === 'complete_form'
            ? '/diplomes/inscription/formulaire'
            : '/diplomes/inscription/suivi';
      return {
        title: t('pageLinks.addressValidatedTitle'),
        body: html`${notice('success', t('pageLinks.addressValidated'), { live: true })}<p>${linkButton(path, t('pageLinks.continue'))}</p>`,
      };
    }
    case 'recruiter_email_validation':
      return {
        title: t('pageLinks.addressValidatedTitle'),
        body: html`${notice('success', t('pageLinks.addressValidated'), { live: true })}<p>${t('pageLinks.recruiterNext')}</p><p>${linkButton('/entreprises/inscription/suivi', t('pageLinks.continue'))}</p>`,
      };
  }
}

export function linkErrorPage(ctx: PageContext, status: number, message: string): PageContent & { status: number } {
  return {
    status,
    title: ctx.t('pageLinks.unusableTitle'),
    body: html`${notice('error', message, { live: true })}<p class="muted">${ctx.t('pageLinks.unusableHint')}</p>`,
  };
}
