import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../../lib/secrets.js';

/**
 * A small signed cookie: `<value>.<expiry>.<HMAC>` under APP_SECRET, for what a page must
 * remember about a browser without a session (e.g. « this browser validated this registration's
 * address through its mailed link »). Tamper-proof, not secret: hold internal ids only.
 */
const sign = (secret: string, name: string, payload: string) =>
  createHmac('sha256', secret).update(`cookie:${name}:${payload}`).digest('base64url');

export function setSignedCookie(
  reply: FastifyReply,
  options: { secret: string; secure: boolean; name: string; value: string; maxAgeSeconds: number; path?: string },
): void {
  const payload = `${options.value}.${Date.now() + options.maxAgeSeconds * 1000}`;
  reply.setCookie(options.name, `${payload}.${sign(options.secret, options.name, payload)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: options.path ?? '/',
    maxAge: options.maxAgeSeconds,
  });
}

/** The value, when the cookie is ours, intact and not expired. */
export function readSignedCookie(request: FastifyRequest, secret: string, name: string): string | undefined {
  const cookie = request.cookies[name];
  if (!cookie) return undefined;
  const last = cookie.lastIndexOf('.');
  const payload = cookie.slice(0, last);
  const dot = payload.lastIndexOf('.');
  if (last < 0 || dot < 0 || !safeEqual(sign(secret, name, payload), cookie.slice(last + 1))) return undefined;
  if (Number(payload.slice(dot + 1)) < Date.now()) return undefined;
  return payload.slice(0, dot);
}
