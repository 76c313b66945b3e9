import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { t } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { type HtmlValue, html } from '../pages/html.js';
import { createPageKit, type PageContext, redirectTo } from '../pages/kit.js';
import { SESSION_COOKIE, setSessionCookie } from '../sessions/auth.js';
import { createEntCharterUseCases } from './charter.js';
import { createEntLoginUseCases } from './login.js';
import { charterConfirmPage, charterPage, entHomePage, entMessagePage, retryLink } from './pages.js';
import { entPaths } from './provider/index.js';

/** Holds the raw `state` between the redirect and the callback; scoped to /ent and short-lived. */
export const ENT_STATE_COOKIE = 'ent_state';

/**
 * The browser side of the ENT, on the page kit: redirect to the provider, its callback, the staff
 * charter in two steps, logout. The only GETs that change state are the protocol's own (start,
 * single-use callback); every other change is a POST from our pages (the kit's CSRF + Origin check).
 */
export function entPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const logins = createEntLoginUseCases(deps);
  const charter = createEntCharterUseCases(deps);
  const { http } = deps.config;
  const secure = http.publicBaseUrl.startsWith('https://');

  async function current(ctx: PageContext) {
    if (!ctx.user || (ctx.user.kind !== 'student' && ctx.user.kind !== 'staff_ent')) return undefined;
    const session = await logins.authenticate(ctx.user.token);
    return session ? { session, account: await logins.accountOf(session) } : undefined;
  }

  const notLoggedIn = (ctx: PageContext) =>
    entMessagePage(ctx, 401, ctx.t('pageEnt.loginTitle'), ctx.t('pageEnt.notLoggedIn'), retryLink(ctx));
  const failed = (ctx: PageContext, title: string, error: unknown, extra: HtmlValue = retryLink(ctx)) => {
    const { status, body } = toHttpError(error, ctx.lang);
    if (status >= 500 && status !== 503) ctx.request.log.error({ err: error }, 'ENT page failed');
    return entMessagePage(ctx, status, title, body.message, extra);
  };

  return async (app) => {
    kit.page(app, entPaths.login, async (ctx) => {
      try {
        const login = await logins.begin();
        ctx.reply.setCookie(ENT_STATE_COOKIE, login.state, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/ent',
          expires: login.expiresAt,
        });
        return redirectTo(login.redirectUrl);
      } catch (error) {
        return failed(ctx, ctx.t('pageEnt.loginTitle'), error, '');
      }
    });

    kit.page(app, entPaths.callback, async (ctx) => {
      // One state, one attempt: the cookie goes whatever the outcome.
      const cookieState = ctx.request.cookies[ENT_STATE_COOKIE];
      ctx.reply.clearCookie(ENT_STATE_COOKIE, { path: '/ent' });
      try {
        const callbackUrl = new URL(ctx.request.url, http.publicBaseUrl);
        const login = await logins.complete(callbackUrl, cookieState);
        setSessionCookie(ctx.reply, http.publicBaseUrl, login);
        return redirectTo(login.charterRequired ? '/ent/charte' : '/ent/accueil');
      } catch (error) {
        return failed(ctx, ctx.t('pageEnt.loginTitle'), error);
      }
    });

    kit.page(app, '/ent/accueil', async (ctx) => {
      const me = await current(ctx);
      if (!me) return notLoggedIn(ctx);
      await kit.rememberLanguage(ctx, ctx.user!.kind, me.account.id);
      const status = await charter.status(me.account);
      if (status.required) return redirectTo('/ent/charte');
      return entHomePage(ctx, me.account, status.acceptedAt);
    });

    kit.page(app, '/ent/charte', async (ctx) => {
      const me = await current(ctx);
      if (!me) return notLoggedIn(ctx);
      if (me.account.profile !== 'staff') return redirectTo('/ent/accueil');
      return charterPage(ctx, { version: charter.version });
    });

    kit.action(app, '/ent/charte', async (ctx, form) => {
      const me = await current(ctx);
      if (!me) return notLoggedIn(ctx);
      try {
        if (form.accept !== 'on')
          return { ...charterPage(ctx, { version: charter.version, error: t('ent.charterTickToContinue', ctx.lang) }), status: 400 };
        if (form.confirm !== 'ok') return charterConfirmPage(ctx, { version: form.version ?? '' });
        await charter.accept(me.account, form.version ?? '');
        return redirectTo('/ent/accueil');
      } catch (error) {
        return failed(ctx, ctx.t('pageEnt.charterTitle'), error, html`<p><a href="/ent/charte">${ctx.t('pageEnt.reread')}</a></p>`);
      }
    });

    app.post('/ent/deconnexion', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await kit.context(request, reply);
      const me = await current(ctx);
      if (!me) return reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect(entPaths.afterLogout, 303);
      if (!kit.trusted(ctx, (request.body as { csrf?: unknown } | undefined)?.csrf))
        return kit.send(ctx, kit.messagePage(ctx, 403, ctx.t('page.formRejectedTitle'), ctx.t('page.formRejected')));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const { providerLogoutUrl } = await logins.logout(me.session);
      return reply.redirect(providerLogoutUrl ?? entPaths.afterLogout, 303);
    });

    kit.page(app, entPaths.afterLogout, (ctx) =>
      entMessagePage(ctx, 200, ctx.t('pageEnt.logoutTitle'), ctx.t('pageEnt.loggedOut'), retryLink(ctx)),
    );
  };
}
