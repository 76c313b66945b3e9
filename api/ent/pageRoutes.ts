import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor, isSameOrigin, isValidCsrf } from '../../lib/csrf.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg, t } from '../../lib/i18n/index.js';
import { acceptedSecrets } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { SESSION_COOKIE, sessionTokenOf, setSessionCookie } from '../sessions/auth.js';
import { createEntCharterUseCases } from './charter.js';
import { createEntLoginUseCases } from './login.js';
import { charterConfirmPage, charterPage, entHomePage, entMessagePage, retryLink } from './pages.js';
import { entPaths } from './provider/index.js';

/** Holds the raw `state` between the redirect and the callback; scoped to /ent and short-lived. */
export const ENT_STATE_COOKIE = 'ent_state';
const formBody = z.record(z.string(), z.string()).optional();
const html = 'text/html; charset=utf-8';

/**
 * The browser side of the ENT: redirect to the provider, its callback, the staff charter in two
 * steps, logout. The only GETs that change state are the protocol's own (start, single-use
 * callback); every other change is a POST from our origin with a CSRF token derived from the
 * session token (HMAC under APP_SECRET), so nothing extra is stored.
 */
export function entPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const logins = createEntLoginUseCases(deps);
  const charter = createEntCharterUseCases(deps);
  const { secret, http } = deps.config;
  const secure = http.publicBaseUrl.startsWith('https://');
  const csrfOf = (token: string) => csrfTokenFor(secret, `ent-form:${token}`);

  async function current(request: FastifyRequest) {
    const token = sessionTokenOf(request);
    const session = token ? await logins.authenticate(token) : undefined;
    if (!token || !session) return undefined;
    return { token, session, account: await logins.accountOf(session) };
  }

  function checkForm(request: FastifyRequest, token: string): Record<string, string> {
    const form = (request.body ?? {}) as Record<string, string>;
    if (
      !isSameOrigin(http.publicBaseUrl, request.headers.origin) ||
      !isValidCsrf(acceptedSecrets(deps.config), `ent-form:${token}`, form.csrf)
    ) {
      throw new AppError(ErrorKind.Forbidden, msg('http.formExpired'));
    }
    return form;
  }

  function errorPage(reply: FastifyReply, title: string, error: unknown, extra = '') {
    const { status, body } = toHttpError(error);
    if (status >= 500 && status !== 503) reply.log.error({ err: error }, 'ENT page failed');
    return reply
      .status(status)
      .type(html)
      .send(entMessagePage(title, body.message, 'error', extra));
  }

  const notLoggedIn = (reply: FastifyReply) =>
    reply
      .status(401)
      .type(html)
      .send(entMessagePage('Connexion ENT', 'Vous n’êtes pas connecté.', 'error', retryLink));

  return async (app) => {
    app.get(entPaths.login, { schema: { hide: true } }, async (_request, reply) => {
      try {
        const login = await logins.begin();
        reply.setCookie(ENT_STATE_COOKIE, login.state, { httpOnly: true, sameSite: 'lax', secure, path: '/ent', expires: login.expiresAt });
        return reply.redirect(login.redirectUrl, 303);
      } catch (error) {
        return errorPage(reply, 'Connexion ENT', error);
      }
    });

    app.get(entPaths.callback, { schema: { hide: true } }, async (request, reply) => {
      // One state, one attempt: the cookie goes whatever the outcome.
      const cookieState = request.cookies[ENT_STATE_COOKIE];
      reply.clearCookie(ENT_STATE_COOKIE, { path: '/ent' });
      try {
        const callbackUrl = new URL(request.url, http.publicBaseUrl);
        const login = await logins.complete(callbackUrl, cookieState);
        setSessionCookie(reply, http.publicBaseUrl, login);
        return reply.redirect(login.charterRequired ? '/ent/charte' : '/ent/accueil', 303);
      } catch (error) {
        return errorPage(reply, 'Connexion ENT', error, retryLink);
      }
    });

    app.get('/ent/accueil', { schema: { hide: true } }, async (request, reply) => {
      const me = await current(request);
      if (!me) return notLoggedIn(reply);
      const status = await charter.status(me.account);
      if (status.required) return reply.redirect('/ent/charte', 303);
      return reply.type(html).send(entHomePage(me.account, csrfOf(me.token), status.acceptedAt));
    });

    app.get('/ent/charte', { schema: { hide: true } }, async (request, reply) => {
      const me = await current(request);
      if (!me) return notLoggedIn(reply);
      if (me.account.profile !== 'staff') return reply.redirect('/ent/accueil', 303);
      return reply.type(html).send(charterPage({ version: charter.version, csrf: csrfOf(me.token) }));
    });

    app.post('/ent/charte', { schema: { hide: true, body: formBody } }, async (request, reply) => {
      const me = await current(request);
      if (!me) return notLoggedIn(reply);
      try {
        const form = checkForm(request, me.token);
        const csrf = csrfOf(me.token);
        if (form.accept !== 'on') {
          return reply
            .status(400)
            .type(html)
            .send(charterPage({ version: charter.version, csrf, error: t('ent.charterTickToContinue', 'fr') }));
        }
        if (form.confirm !== 'ok') return reply.type(html).send(charterConfirmPage({ version: form.version ?? '', csrf }));
        await charter.accept(me.account, form.version ?? '');
        return reply.redirect('/ent/accueil', 303);
      } catch (error) {
        return errorPage(reply, 'Charte d’utilisation', error, '<p><a href="/ent/charte">Relire la charte</a></p>');
      }
    });

    app.post('/ent/deconnexion', { schema: { hide: true, body: formBody } }, async (request, reply) => {
      const me = await current(request);
      if (!me) return reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect(entPaths.afterLogout, 303);
      try {
        checkForm(request, me.token);
      } catch (error) {
        return errorPage(reply, 'Déconnexion', error);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const { providerLogoutUrl } = await logins.logout(me.session);
      return reply.redirect(providerLogoutUrl ?? entPaths.afterLogout, 303);
    });

    app.get(entPaths.afterLogout, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(html).send(entMessagePage('Déconnexion', 'Vous êtes déconnecté de la plateforme et de l’ENT.', 'ok', retryLink)),
    );
  };
}
