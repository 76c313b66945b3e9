import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { SESSION_COOKIE } from '../sessions/auth.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where a password is typed: logging someone in to the attacker's account (login CSRF) is refused too. */
const loginPaths = new Set(['/api/sessions', '/api/staff/sessions', '/api/graduates/sessions', '/api/recruiters/sessions', '/connexion']);

/**
 * Whether a browser sent the request from our own pages. `Origin` when the browser sends it
 * (every browser does on a POST); else `Sec-Fetch-Site`; a client that sends neither is not a
 * browser, so no other site can have made it send the cookie.
 */
export function fromOwnOrigin(request: Pick<FastifyRequest, 'headers'>, publicBaseUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    try {
      return new URL(origin).origin === new URL(publicBaseUrl).origin;
    } catch {
      return false; // `null` (sandboxed frames, some redirects) or garbage
    }
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  return true;
}

/**
 * CSRF: a state change authenticated by the session cookie (not by a bearer token, which no
 * other site can make a browser send) must come from our origin, and so must every login form.
 * SameSite=Lax alone lets a sibling subdomain through. Forms of any encoding, uploads included,
 * are checked the same way; the JSON API also refuses HTML form bodies outright.
 */
export function installOriginCheck(app: FastifyInstance, publicBaseUrl: string): void {
  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method)) return;
    const path = request.url.split('?')[0]!;
    // The Temporal UI's codec calls come from its own origin; api/codec/ checks who and where itself.
    if (path.startsWith('/codec/')) return;
    const bearer = request.headers.authorization?.toLowerCase().startsWith('bearer ') === true;
    const byCookie = !bearer && request.cookies?.[SESSION_COOKIE] !== undefined;
    if ((byCookie || loginPaths.has(path)) && !fromOwnOrigin(request, publicBaseUrl)) {
      throw new AppError(ErrorKind.Forbidden, msg('security.foreignOrigin'));
    }
  });

  // The JSON API takes JSON (and the one multipart upload): an HTML form cannot post to it at all.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.url.startsWith('/api/') && /^application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')) {
      throw Object.assign(new Error('form body on the JSON API'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    }
    return payload;
  });
}
