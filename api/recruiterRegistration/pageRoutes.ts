import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findRecruiterById } from '../../db/recruiterAccounts.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { graduateCredentialsBody } from '../graduateRegistration/schemas.js';
import { createPageKit, type PageContext, redirectTo, safeReturnPath } from '../pages/kit.js';
import { grantRegistrationPass, registrationPassOf } from '../pages/registrationPass.js';
import { emailOnlyBody } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { setSessionCookie } from '../sessions/auth.js';
import { createProfileLoginUseCases } from '../sessions/profileLogin.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { accountPage, followSignInPage, loginPage, registerPage, sentPage, statusPage } from './recruiterPages.js';
import { createRecruiterBody } from './schemas.js';
import { createRecruiterRegistrationUseCases } from './useCases.js';

const FOLLOW = '/entreprises/inscription/suivi';

/** An optional field left empty in a page is absent, as in the JSON API (never an invalid ""). */
function withoutEmpty(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => [k, withoutEmpty(v)])
        .filter(([, v]) => v !== undefined),
    );
  return value;
}

/**
 * « ENTREPRISES/PARTENAIRES » in pages (seed 000): company + contact + the full terms and
 * « J'accepte les conditions générales d'utilisations » → « consultez vos courriels » → the page
 * the mail's link opens (the registration's status) → login, « Mon compte » showing the right to
 * post offers. Same use cases and schemas as the JSON API; no rule here.
 */
export function recruiterPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const limits = routeLimits(deps.config.security);
  const registration = createRecruiterRegistrationUseCases(deps);
  const logins = createProfileLoginUseCases(deps);
  const sessions = createSessionUseCases(deps);

  const passAccount = async (ctx: PageContext) => {
    const id = registrationPassOf(ctx.request, deps.config, 'recruiter');
    return id ? findRecruiterById(deps.db, id) : undefined;
  };

  return async (app) => {
    kit.form(app, {
      path: '/entreprises/inscription',
      limit: limits.mailToTypedAddress,
      schema: createRecruiterBody,
      prepare: (input, ctx) => ({
        ...(withoutEmpty(input) as Record<string, unknown>),
        acceptTerms: input.acceptTerms === 'on' ? true : undefined,
        locale: ctx.lang,
      }),
      render: async (ctx, state, message) => registerPage(ctx, state, message, await registration.terms(ctx.lang)),
      submit: async (_ctx, input) => {
        await registration.register(input);
        return redirectTo('/entreprises/inscription/courriel', msg('recruiterRegistration.created'));
      },
    });

    kit.form(app, {
      path: '/entreprises/inscription/courriel',
      limit: limits.mailToTypedAddress,
      schema: emailOnlyBody,
      render: sentPage,
      submit: async (_ctx, input) => {
        await registration.resendValidationLink(input.email);
        return redirectTo('/entreprises/inscription/courriel', msg('recruiterRegistration.linkResent'), 'info');
      },
    });

    kit.form(app, {
      path: FOLLOW,
      limit: limits.passwordCheck,
      schema: graduateCredentialsBody,
      render: async (ctx, state, message) => {
        const account = await passAccount(ctx);
        if (!account || message || Object.keys(state.errors).length) return followSignInPage(ctx, state, message);
        return statusPage(ctx, await registration.view(account.id), account.refusal_reason);
      },
      submit: async (ctx, input) => {
        const account = await logins.checkCredentials('recruiter', input, ctx.request.ip);
        grantRegistrationPass(ctx.reply, deps.config, 'recruiter', account.id);
        return redirectTo(FOLLOW);
      },
    });

    kit.form(app, {
      path: '/entreprises/connexion',
      limit: limits.passwordCheck,
      schema: graduateCredentialsBody,
      render: loginPage,
      submit: async (ctx, input) => {
        const session = await logins.login('recruiter', input, ctx.request.ip);
        setSessionCookie(ctx.reply, deps.config.http.publicBaseUrl, session);
        const opened = await sessions.authenticate(session.token);
        if (opened) await kit.rememberLanguage(ctx, 'recruiter', opened.principal_id);
        const back = safeReturnPath(new URL(ctx.path, 'http://x').searchParams.get('retour'));
        return redirectTo(back ?? '/entreprises/mon-compte');
      },
    });

    kit.page(app, '/entreprises/mon-compte', async (ctx) => accountPage(ctx, await registration.view(ctx.user!.id)), {
      for: ['recruiter'],
    });
  };
}
