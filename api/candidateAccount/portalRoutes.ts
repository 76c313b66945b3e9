import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { createPageKit, redirectTo, safeReturnPath } from '../pages/kit.js';
import { changeEmailBody, createCandidateBody, emailOnlyBody, loginBody } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { SESSION_COOKIE, setSessionCookie } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { accountPage, changeEmailPage, createAccountPage, emailFormPage, loginPage } from './portalPages.js';
import { createCandidateAccountUseCases } from './useCases.js';

/**
 * eCandidat's pages (seed 001) on the page kit, over the same use cases and schemas as the JSON
 * API: « Créer un compte », « Connexion » (numéro de dossier or e-mail), « J'ai oublié mes
 * identifiants », « Renvoyer le lien », « Mon compte », « Changer d'adresse mail ».
 */
export function portalRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const limits = routeLimits(deps.config.security);
  const candidates = createCandidateAccountUseCases(deps);
  const sessions = createSessionUseCases(deps);

  return async (app) => {
    kit.form(app, {
      path: '/compte/creation',
      limit: limits.mailToTypedAddress,
      schema: createCandidateBody,
      // The account's language is the page's: its mails will be in it.
      prepare: (input, ctx) => ({ ...input, locale: ctx.lang }),
      render: createAccountPage,
      submit: async (_ctx, input) => {
        await candidates.createAccount(input);
        return redirectTo('/connexion', msg('candidateAccount.created'));
      },
    });

    kit.form(app, {
      path: '/connexion',
      limit: limits.passwordCheck,
      schema: loginBody,
      render: (ctx, state, message) => loginPage(ctx, state, message, ctx.path.startsWith('/connexion?') ? ctx.path : '/connexion'),
      submit: async (ctx, input) => {
        const session = await sessions.login(input, ctx.request.ip);
        setSessionCookie(ctx.reply, deps.config.http.publicBaseUrl, session);
        const account = await candidates.findProfile((await sessions.authenticate(session.token))!.principal_id);
        if (account) await kit.rememberLanguage(ctx, 'candidate', account.id);
        const back = safeReturnPath(new URL(ctx.path, 'http://x').searchParams.get('retour'));
        return redirectTo(back ?? '/mon-compte');
      },
    });

    kit.form(app, {
      path: '/identifiants-oublies',
      limit: limits.mailToTypedAddress,
      schema: emailOnlyBody,
      render: (ctx, state, message) =>
        emailFormPage(ctx, state, message, {
          title: ctx.t('pageCandidate.forgottenTitle'),
          intro: ctx.t('pageCandidate.forgottenIntro'),
          action: '/identifiants-oublies',
          submit: ctx.t('pageCandidate.send'),
        }),
      submit: async (_ctx, input) => {
        await candidates.forgottenCredentials(input.email);
        return redirectTo('/connexion', msg('candidateAccount.recoverySent'), 'info');
      },
    });

    kit.form(app, {
      path: '/compte/renvoyer-lien',
      limit: limits.mailToTypedAddress,
      schema: emailOnlyBody,
      render: (ctx, state, message) =>
        emailFormPage(ctx, state, message, {
          title: ctx.t('pageCandidate.resendTitle'),
          intro: ctx.t('pageCandidate.resendIntro'),
          action: '/compte/renvoyer-lien',
          submit: ctx.t('pageCandidate.resend'),
        }),
      submit: async (_ctx, input) => {
        await candidates.resendValidationLink(input.email);
        return redirectTo('/connexion', msg('candidateAccount.linkResent'), 'info');
      },
    });

    // ENT accounts have their own « Mon compte » (api/monCompte/): the same address leads there.
    kit.page(
      app,
      '/mon-compte',
      async (ctx) =>
        ctx.user!.kind === 'candidate' ? accountPage(ctx, await candidates.profile(ctx.user!.id)) : redirectTo('/mon-compte/informations'),
      { for: ['candidate', 'student', 'staff_ent'] },
    );

    // Seed 001: changing the address logs the person out until the new one is validated.
    kit.form(app, {
      path: '/mon-compte/adresse',
      limit: limits.passwordCheck,
      for: ['candidate'],
      schema: changeEmailBody,
      render: changeEmailPage,
      submit: async (ctx, input) => {
        await candidates.changeEmail(ctx.user!.id, input, ctx.request.ip);
        ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return redirectTo('/connexion', msg('candidateAccount.emailChangeStarted'), 'info');
      },
    });
  };
}
