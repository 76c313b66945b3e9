import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isMessageKey, type MessageKey, type MessageRef, type Params } from '../../lib/i18n/index.js';
import { safeEqual } from '../../lib/secrets.js';

/**
 * A message shown once, on the page a POST redirects to (POST → redirect → GET): « Votre compte a
 * été créé… ». The cookie holds a catalogue key and its parameters, signed, so it is rendered in
 * the reader's language and nobody can make the site display a text of their own.
 */
export const FLASH_COOKIE = 'flash';

export type FlashKind = 'success' | 'info' | 'error';
export interface Flash {
  kind: FlashKind;
  text: MessageRef;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`flash:${payload}`).digest('base64url');

export function setFlash(reply: FastifyReply, secret: string, secure: boolean, flash: Flash): void {
  const payload = Buffer.from(JSON.stringify({ k: flash.kind, m: flash.text.key, p: flash.text.params })).toString('base64url');
  reply.setCookie(FLASH_COOKIE, `${payload}.${sign(secret, payload)}`, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 120 });
}

/** The flash message of this request, if any; it is cleared, so a reload does not show it again. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply, secret: string): Flash | undefined {
  const cookie = request.cookies[FLASH_COOKIE];
  if (!cookie) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const [payload = '', signature = ''] = cookie.split('.');
  if (!safeEqual(sign(secret, payload), signature)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k: FlashKind; m: unknown; p?: Params };
    if (!isMessageKey(parsed.m) || !['success', 'info', 'error'].includes(parsed.k)) return undefined;
    return { kind: parsed.k, text: { key: parsed.m as MessageKey, ...(parsed.p ? { params: parsed.p } : {}) } };
  } catch {
    return undefined;
  }
}
