import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../lib/config.js';
import { readSignedCookie, setSignedCookie } from './signedCookie.js';

/**
 * A graduate or a recruiter registering has no session until an administrator or a manager
 * validates them, yet their journey goes on in pages: choose the diploma, fill in the complete
 * form, follow the status. The browser that used the mailed validation link (so proved it reads
 * that mailbox) gets a signed pass naming the registration; another browser signs in to the
 * registration with its address and password instead.
 */
export type RegistrationKind = 'graduate' | 'recruiter';

const cookieName = (kind: RegistrationKind) => `${kind}_registration`;
const SIXTY_DAYS = 60 * 24 * 3600;

export function grantRegistrationPass(reply: FastifyReply, config: Config, kind: RegistrationKind, accountId: string): void {
  setSignedCookie(reply, {
    secret: config.secret,
    secure: config.http.publicBaseUrl.startsWith('https://'),
    name: cookieName(kind),
    value: accountId,
    maxAgeSeconds: SIXTY_DAYS,
  });
}

/** The registration (account id) this browser holds a pass for. */
export function registrationPassOf(request: FastifyRequest, config: Config, kind: RegistrationKind): string | undefined {
  const value = readSignedCookie(request, config.secret, cookieName(kind));
  return value && /^[0-9a-f-]{36}$/.test(value) ? value : undefined;
}
