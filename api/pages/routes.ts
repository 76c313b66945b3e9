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

    // The switch in the header: a cookie for everyone, and the account's language once logged in
    // (the mails this person receives later follow it).
    kit.action(app, '/langue', async (ctx, form) => {
      const lang = form.lang === 'en' ? 'en' : 'fr';
      ctx.reply.setCookie(LANG_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure: kit.secure,
        path: '/',
        maxAge: LANG_COOKIE_MAX_AGE,
      });
      if (ctx.user) await setPrincipalLocale(db, ctx.user.kind, ctx.user.id, lang);
      return redirectTo(safeReturnPath(form.back) ?? '/', { key: 'page.languageChanged' });
    });

    // Every account but the ENT's (whose logout also ends the single sign-on: /ent/deconnexion).
    kit.action(app, '/deconnexion', async (ctx) => {
      if (ctx.user) await revokeSession(db, ctx.user.sessionId);
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return redirectTo('/', { key: 'page.loggedOut' });
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(pageKitRoutes(deps));
  };
}
