import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSameOrigin } from '../../lib/csrf.js';
import { safeEqual } from '../../lib/secrets.js';

/** A random id per browser; the token every form carries is its HMAC under APP_SECRET (signed double submit). */
export const CSRF_COOKIE = 'csrf';

const tokenOf = (secret: string, id: string) => createHmac('sha256', secret).update(`page-form:${id}`).digest('base64url');

/**
 * The token to put in this page's forms. The first page a browser opens sets the cookie; the same
 * id serves every form and tab afterwards (so a second tab never invalidates the first).
 */
export function formToken(request: FastifyRequest, reply: FastifyReply, secret: string, secure: boolean): string {
  let id = request.cookies[CSRF_COOKIE];
  if (!id || !/^[A-Za-z0-9_-]{32}$/.test(id)) {
    id = randomBytes(24).toString('base64url');
    // Lax, not Strict: a person arriving from a mail link must get the same id on their next POST.
    reply.setCookie(CSRF_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    request.cookies[CSRF_COOKIE] = id;
  }
  return tokenOf(secret, id);
}

/**
 * A form POST is ours when it comes from our origin (Origin header, or Sec-Fetch-Site for the rare
 * browser that omits Origin) and carries the token of this browser's cookie, under APP_SECRET or
 * one of APP_SECRET_PREVIOUS (a form rendered before a rotation still posts).
 */
export function isTrustedFormPost(request: FastifyRequest, secrets: readonly string[], publicBaseUrl: string, token: unknown): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && !isSameOrigin(publicBaseUrl, origin)) return false;
  const site = request.headers['sec-fetch-site'];
  if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const id = request.cookies[CSRF_COOKIE];
  return typeof token === 'string' && !!id && secrets.some((secret) => safeEqual(tokenOf(secret, id), token));
}
