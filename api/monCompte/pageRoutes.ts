import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type EntAccount, findEntAccountById } from '../../db/entAccounts.js';
import { findLiveSession } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { hashToken } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { createPageKit, type PageContext, redirectTo } from '../pages/kit.js';
import {
  activationCodePage,
  activationPage,
  confirmLinkPage,
  imagePage,
  informationPage,
  monComptePaths,
  newPasswordPage,
  personalEmailPage,
  recoveryPage,
  securityPage,
} from './pages.js';
import type { MonCompteUseCases } from './routes.js';
import {
  activationCompleteBody,
  activationStartBody,
  changePasswordBody,
  newDirectoryPasswordBody,
  personalDetailsBody,
  personalEmailBody,
  recoveryStartBody,
} from './schemas.js';

const entKinds = ['student', 'staff_ent'] as const;

/** The pages of « Mon compte » (four tabs), « Première connexion ? » and « Mot de passe oublié ? », on the page kit. */
export function monComptePageRoutes(deps: ApiDeps, useCases: MonCompteUseCases): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const { information, security, imageRights } = useCases;
  const { config, db } = deps;

  async function accountOf(ctx: PageContext): Promise<EntAccount> {
    const account = ctx.user ? await findEntAccountById(db, ctx.user.id) : undefined;
    if (!account) throw new AppError(ErrorKind.Unauthenticated, msg('monCompte.notLoggedIn'));
    return account;
  }
  const sessionOf = async (ctx: PageContext) => {
    const session = await findLiveSession(db, hashToken(ctx.user!.token), {
      defaultMs: config.lifetimes.sessionIdleMs,
      staffMs: config.lifetimes.staffSessionIdleMs,
    });
    if (!session) throw new AppError(ErrorKind.Unauthenticated, msg('monCompte.notLoggedIn'));
    return session;
  };
  // « Badge et accès » is the card's page (issue 21): linked when that route exists.
  const cardAvailable = (ctx: PageContext) => ctx.request.server.hasRoute({ method: 'GET', url: monComptePaths.card });
  const linkToken = (ctx: PageContext) => String((ctx.request.params as { token?: unknown }).token ?? '');

  return async (app) => {
    kit.form(app, {
      path: monComptePaths.information,
      for: entKinds,
      schema: personalDetailsBody,
      initial: async (ctx) => {
        const view = await information.view(await accountOf(ctx));
        return { phone: view.phone ?? '', postalAddress: view.postalAddress ?? '' };
      },
      render: async (ctx, state, message) =>
        informationPage(ctx, state, await information.view(await accountOf(ctx)), {
          cardAvailable: cardAvailable(ctx),
          assistanceEmail: config.portal.assistanceEmail,
          ...(message ? { message } : {}),
        }),
      submit: async (ctx, input) => {
        await information.saveDetails(await accountOf(ctx), input);
        return redirectTo(monComptePaths.information, msg('monCompte.detailsSaved'));
      },
    });

    kit.form(app, {
      path: monComptePaths.personalEmail,
      for: entKinds,
      schema: personalEmailBody,
      render: personalEmailPage,
      submit: async (ctx, input) => {
        await information.requestPersonalEmail(await accountOf(ctx), input.email);
        return redirectTo(monComptePaths.information, msg('monCompte.personalEmailSent'), 'info');
      },
    });

    // The link of the new address: GET only shows a button (mail scanners prefetch links), POST validates.
    kit.page(app, `${monComptePaths.personalEmail}/:token`, (ctx) =>
      confirmLinkPage(ctx, {
        title: ctx.t('monCompte.personalEmail'),
        action: `${monComptePaths.personalEmail}/${encodeURIComponent(linkToken(ctx))}`,
        label: ctx.t('monCompte.changePersonalEmail'),
      }),
    );
    kit.action(app, `${monComptePaths.personalEmail}/:token`, async (ctx) => {
      await information.confirmPersonalEmail(linkToken(ctx));
      return redirectTo(ctx.user ? monComptePaths.information : '/', msg('monCompte.personalEmailApplied'));
    });

    kit.form(app, {
      path: monComptePaths.security,
      for: entKinds,
      schema: changePasswordBody,
      render: (ctx, state, message) =>
        securityPage(ctx, state, {
          cardAvailable: cardAvailable(ctx),
          configured: security.configured,
          criteria: security.criteria,
          ...(message ? { message } : {}),
        }),
      submit: async (ctx, input) => {
        await security.changePassword(await accountOf(ctx), await sessionOf(ctx), input);
        return redirectTo(monComptePaths.security, msg('monCompte.passwordChanged'));
      },
    });

    kit.page(
      app,
      monComptePaths.image,
      async (ctx) => imagePage(ctx, { cardAvailable: cardAvailable(ctx), ...(await imageRights.state(await accountOf(ctx))) }),
      { for: entKinds },
    );
    kit.action(
      app,
      monComptePaths.image,
      async (ctx, form) => {
        await imageRights.decide(await accountOf(ctx), { use: form.use ?? '', granted: form.granted === 'true' });
        return redirectTo(monComptePaths.image, msg('monCompte.consentSaved'));
      },
      { for: entKinds },
    );

    kit.form(app, {
      path: monComptePaths.activation,
      schema: activationStartBody,
      render: activationPage,
      submit: async (_ctx, input) => {
        const { handle } = await security.startActivation(input);
        return redirectTo(`${monComptePaths.activationCode}?demande=${handle}`);
      },
    });
    kit.form(app, {
      path: monComptePaths.activationCode,
      schema: activationCompleteBody,
      initial: (ctx) => ({ handle: String((ctx.request.query as { demande?: unknown }).demande ?? '') }),
      render: activationCodePage,
      submit: async (_ctx, input) => {
        await security.completeActivation(input);
        return redirectTo('/', msg('monCompte.activated'));
      },
    });

    kit.form(app, {
      path: monComptePaths.recovery,
      schema: recoveryStartBody,
      render: recoveryPage,
      submit: async (_ctx, input) => {
        await security.startRecovery(input);
        return redirectTo(monComptePaths.recovery, msg('monCompte.linkSent'), 'info');
      },
    });
    kit.form(app, {
      path: `${monComptePaths.recovery}/:token`,
      schema: newDirectoryPasswordBody,
      render: (ctx, state, message) =>
        newPasswordPage(ctx, state, `${monComptePaths.recovery}/${encodeURIComponent(linkToken(ctx))}`, message),
      submit: async (ctx, input) => {
        await security.completeRecovery(linkToken(ctx), input);
        return redirectTo('/', msg('monCompte.passwordSet'));
      },
    });
  };
}
