import { findCandidateByLogin } from '../../db/candidateAccounts.js';
import { createSession, findLiveSession, revokeSession, type Session } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { hashToken, newRawToken } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { createPasswordCheck, unknownAccountKey } from './loginThrottle.js';

export function createSessionUseCases(deps: ApiDeps) {
  const { db, config } = deps;
  const checkPassword = createPasswordCheck(deps);
  const idle = { defaultMs: config.lifetimes.sessionIdleMs, staffMs: config.lifetimes.staffSessionIdleMs };

  return {
    /**
     * Login with the numéro de dossier or the e-mail address. Both name the same account, so both
     * count against the same throttle (api/sessions/loginThrottle.ts).
     */
    async login(input: { login: string; password: string }, clientIp: string) {
      const account = await findCandidateByLogin(db, input.login.trim());
      const ok = await checkPassword({
        accountKey: account ? `candidate:${account.id}` : unknownAccountKey('candidate', input.login),
        clientIp,
        passwordHash: account?.password_hash,
        password: input.password,
      });
      if (!account || !ok) throw new AppError(ErrorKind.Unauthenticated, msg('session.badCredentials'));
      if (account.status !== 'active') throw new AppError(ErrorKind.Forbidden, msg('session.notValidated'));
      const raw = newRawToken();
      const session = await createSession(db, {
        tokenHash: hashToken(raw),
        principalKind: 'candidate',
        principalId: account.id,
        expiresAt: new Date(Date.now() + config.lifetimes.sessionMs),
      });
      return { token: raw, expiresAt: session.expires_at, fileNumber: account.file_number };
    },

    /** Any live session (idle and absolute timeouts, deactivated staff refused): see `findLiveSession`. */
    async authenticate(rawToken: string): Promise<Session | undefined> {
      return findLiveSession(db, hashToken(rawToken), idle);
    },

    async logout(sessionId: string): Promise<void> {
      await revokeSession(db, sessionId);
    },
  };
}
