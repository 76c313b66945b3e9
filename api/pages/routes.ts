import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setPrincipalLocale } from '../../db/pagePrincipals.js';
import { revokeSession } from '../../db/sessions.js';
import type { ApiDeps } from '../deps.js';
import { SESSION_COOKIE } from '../sessions/auth.js';
import { createPageKit, redirectTo, safeReturnPath } from './kit.js';
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE } from './language.js';

/** What every page shares: the stylesheet, the language switch, « Déconnexion ». */
export function pageKitRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const { db } = deps;

  return async (app) => {
    app.get(kit.stylesheet.path, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(kit.stylesheet.css),
    );

    // The switch in the header: a GET form (no token to carry, so the page's first form stays its
    // own), which only acts when the browser says it comes from our own pages: a cookie for
    // everyone, and the account's language once logged in (the mails this person receives later
    // follow it). A link from another site changes nothing.
    kit.page(app, '/langue', async (ctx) => {
      const query = ctx.request.query as Record<string, unknown>;
      // Back to the page the switch was pressed on: its path comes from the Referer (same origin
      // only), so a link's token never lands in a query string or a log.
      const back = safeReturnPath(query.retour) ?? refererPath(ctx.request.headers.referer, deps.config.http.publicBaseUrl) ?? '/';
      const site = ctx.request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return redirectTo(back);
      const lang = query.lang === 'en' ? 'en' : 'fr';
      ctx.reply.setCookie(LANG_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure: kit.secure,
        path: '/',
        maxAge: LANG_COOKIE_MAX_AGE,
      });
      if (ctx.user) await setPrincipalLocale(db, ctx.user.kind, ctx.user.id, lang);
      return redirectTo(back, { key: 'page.languageChanged' });
    });

    // Every account but the ENT's (whose logout also ends the single sign-on: /ent/deconnexion).
    kit.action(app, '/deconnexion', async (ctx) => {
      if (ctx.user) await revokeSession(db, ctx.user.sessionId);
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return redirectTo('/', { key: 'page.loggedOut' });
    });
  };
}

function refererPath(referer: string | undefined, publicBaseUrl: string): string | undefined {
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.origin === new URL(publicBaseUrl).origin ? safeReturnPath(url.pathname + url.search) : undefined;
  } catch {
    return undefined;
  }
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(pageKitRoutes(deps));
  };
}
