import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '../db/sessions.js';
import { AppError, ErrorKind } from '../lib/errors.js';

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
    if (!session) throw new AppError(ErrorKind.Unauthenticated, 'Authentification requise : connectez-vous.');
    request.session = session;
  };
}
