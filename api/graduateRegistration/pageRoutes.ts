import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { groupsOfGraduate } from '../../db/graduateAccounts.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { createPageKit, type PageContext, redirectTo, safeReturnPath } from '../pages/kit.js';
import { grantRegistrationPass, registrationPassOf } from '../pages/registrationPass.js';
import { emailOnlyBody } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { setSessionCookie } from '../sessions/auth.js';
import { createProfileLoginUseCases } from '../sessions/profileLogin.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import {
  chooseDiplomaPage,
  completeFormPage,
  followSignInPage,
  graduateAccountPage,
  graduateLoginPage,
  registerPage,
  sentPage,
  statusPage,
} from './graduatePages.js';
import { completeFormBody, createGraduateBody, diplomaChoice, graduateCredentialsBody } from './schemas.js';
import { createGraduateRegistrationUseCases } from './useCases.js';

const FOLLOW = '/diplomes/inscription/suivi';

/**
 * « Profils diplômés » in pages (seed 000): the identity form → « consultez vos courriels » → the
 * page the mail's link opens → the diploma choice or the complete form → the status page
 * (« en attente de validation », who may validate, then « validé » with the groups) → login.
 * Same use cases and schemas as the JSON API; no rule here.
 */
export function graduatePageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const limits = routeLimits(deps.config.security);
  const registration = createGraduateRegistrationUseCases(deps);
  const logins = createProfileLoginUseCases(deps);
  const sessions = createSessionUseCases(deps);

  /** The registration this browser may see: its pass (from the mailed link or a sign-in). */
  const passAccount = async (ctx: PageContext) => {
    const id = registrationPassOf(ctx.request, deps.config, 'graduate');
    return id ? registration.account(id).catch(() => undefined) : undefined;
  };

  /**
   * The choice and the form are accepted by the lifecycle at once (an Update), and the row moves on
   * a moment later (its activity): the status page waits for that moment, a few seconds at most,
   * so it does not show the step just done as still to do.
   */
  const movedOn = async (accountId: string, from: string) => {
    for (let waited = 0; waited < 5000; waited += 100) {
      if ((await registration.account(accountId)).status !== from) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return async (app) => {
    kit.form(app, {
      path: '/diplomes/inscription',
      limit: limits.registryLookup,
      schema: createGraduateBody,
      prepare: (input, ctx) => ({ ...input, locale: ctx.lang }),
      render: registerPage,
      submit: async (ctx, input) => {
        await registration.register(input, ctx.request.ip);
        return redirectTo('/diplomes/inscription/courriel', msg('graduateRegistration.created'));
      },
    });

    kit.form(app, {
      path: '/diplomes/inscription/courriel',
      limit: limits.mailToTypedAddress,
      schema: emailOnlyBody,
      render: sentPage,
      submit: async (_ctx, input) => {
        await registration.resendValidationLink(input.email);
        return redirectTo('/diplomes/inscription/courriel', msg('graduateRegistration.linkResent'), 'info');
      },
    });

    // The page every graduate mail leads to: where the registration stands, and its next step.
    kit.form(app, {
      path: FOLLOW,
      limit: limits.passwordCheck,
      schema: graduateCredentialsBody,
      render: async (ctx, state, message) => {
        const account = await passAccount(ctx);
        if (!account || message || Object.keys(state.errors).length) return followSignInPage(ctx, state, message);
        return statusPage(ctx, account, {
          groups: await groupsOfGraduate(deps.db, account.id),
          history: await registration.history(account.id),
        });
      },
      submit: async (ctx, input) => {
        const account = await registration.openRegistration(input, ctx.request.ip);
        grantRegistrationPass(ctx.reply, deps.config, 'graduate', account.id);
        return redirectTo(FOLLOW);
      },
    });

    kit.form(app, {
      path: '/diplomes/inscription/diplome',
      schema: diplomaChoice,
      prepare: (input) =>
        input.diploma === 'not_found'
          ? {
              notFound: true,
              composanteCode: input.composanteCode,
              ...(input.title ? { title: input.title } : {}),
              ...(input.year ? { year: input.year } : {}),
            }
          : input.diploma
            ? { diplomaId: input.diploma }
            : {},
      errorFields: { _: 'diploma', diplomaId: 'diploma', notFound: 'diploma' },
      render: async (ctx, state, message) => {
        const account = await passAccount(ctx);
        if (!account) return followSignInPage(ctx, state);
        return chooseDiplomaPage(ctx, state, message, {
          diplomas: account.status === 'pending_diploma' ? await registration.diplomasFor(account) : [],
          composantes: await registration.composantes(),
        });
      },
      submit: async (ctx, input) => {
        const account = await passAccount(ctx);
        if (!account) return redirectTo(FOLLOW);
        await registration.chooseFor(account, input);
        await movedOn(account.id, 'pending_diploma');
        return redirectTo(FOLLOW, msg('graduateRegistration.choiceRecorded'));
      },
    });

    kit.form(app, {
      path: '/diplomes/inscription/formulaire',
      schema: completeFormBody,
      render: async (ctx, state, message) =>
        (await passAccount(ctx)) ? completeFormPage(ctx, state, message) : followSignInPage(ctx, state),
      submit: async (ctx, input) => {
        const account = await passAccount(ctx);
        if (!account) return redirectTo(FOLLOW);
        await registration.completeFor(account, input);
        await movedOn(account.id, 'pending_form');
        return redirectTo(FOLLOW, msg('graduateRegistration.formRecorded'));
      },
    });

    kit.form(app, {
      path: '/diplomes/connexion',
      limit: limits.passwordCheck,
      schema: graduateCredentialsBody,
      render: graduateLoginPage,
      submit: async (ctx, input) => {
        const session = await logins.login('graduate', input, ctx.request.ip);
        setSessionCookie(ctx.reply, deps.config.http.publicBaseUrl, session);
        const opened = await sessions.authenticate(session.token);
        if (opened) await kit.rememberLanguage(ctx, 'graduate', opened.principal_id);
        const back = safeReturnPath(new URL(ctx.path, 'http://x').searchParams.get('retour'));
        return redirectTo(back ?? '/diplomes/mon-compte');
      },
    });

    kit.page(app, '/diplomes/mon-compte', async (ctx) => graduateAccountPage(ctx, await registration.profile(ctx.user!.id)), {
      for: ['graduate'],
    });
  };
}
