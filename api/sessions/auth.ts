import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PrincipalKind, Session } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';

export const SESSION_COOKIE = 'session';

declare module 'fastify' {
  interface FastifyRequest {
    session?: Session;
  }
}

/** The session token, from `Authorization: Bearer …` (API clients) or the httpOnly cookie (pages). */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim() || undefined;
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

/** preHandler factory: every route that reads or changes a person's data goes through it. */
export function requireSession(authenticate: (token: string) => Promise<Session | undefined>) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = sessionTokenOf(request);
    const session = token ? await authenticate(token) : undefined;
    if (!session) throw new AppError(ErrorKind.Unauthenticated, msg('session.required'));
    request.session = session;
  };
}

/** preHandler factory for routes reserved to one kind of principal (e.g. staff: inbox, admin API). */
export function requireSessionOf(kind: PrincipalKind, authenticate: (token: string) => Promise<Session | undefined>) {
  const authenticated = requireSession(authenticate);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    await authenticated(request, reply);
    if (request.session!.principal_kind !== kind) {
      throw new AppError(ErrorKind.Forbidden, msg(kind === 'staff' ? 'session.staffOnly' : 'session.wrongAccount'));
    }
  };
}

/**
 * The session cookie every login sets (candidates, staff, graduates, recruiters, ENT): httpOnly,
 * SameSite=Lax, Secure whenever the platform is served over https.
 */
export function setSessionCookie(reply: FastifyReply, publicBaseUrl: string, session: { token: string; expiresAt: Date }): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicBaseUrl.startsWith('https://'),
    path: '/',
    expires: session.expiresAt,
  });
}
