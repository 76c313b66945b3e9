import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import { findPrincipalSummary } from '../../db/pagePrincipals.js';
import { findLiveSession, type IdleTimeouts, type PrincipalKind } from '../../db/sessions.js';
import type { Lang } from '../../lib/i18n/index.js';
import { hashToken } from '../../lib/secrets.js';
import { sessionTokenOf } from '../sessions/auth.js';
import { homeOf } from './navigation.js';

/** Whoever is logged in, as the pages show them: any kind of account (the same session cookie as the API). */
export interface PageUser {
  kind: PrincipalKind;
  id: string;
  sessionId: string;
  /** The raw session token (to derive per-session values; never rendered). */
  token: string;
  name: string;
  locale: Lang;
  homePath: string;
}

export async function currentPageUser(db: Db, request: FastifyRequest, idle: IdleTimeouts): Promise<PageUser | undefined> {
  const token = sessionTokenOf(request);
  if (!token) return undefined;
  const session = await findLiveSession(db, hashToken(token), idle);
  if (!session) return undefined;
  const summary = await findPrincipalSummary(db, session.principal_kind, session.principal_id);
  if (!summary) return undefined;
  return {
    kind: session.principal_kind,
    id: session.principal_id,
    sessionId: session.id,
    token,
    name: summary.name,
    locale: summary.locale,
    homePath: homeOf[session.principal_kind],
  };
}
