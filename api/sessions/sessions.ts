import { findCandidateByLogin } from '../../db/candidateAccounts.js';
import { clearFailures, countRecentFailures, oldestRecentFailure, recordFailure } from '../../db/loginFailures.js';
import { createSession, findLiveSession, revokeSession, type Session } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { digestHex, hashToken, newRawToken } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';

// Verifying against a real hash when the login is unknown keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;

export function createSessionUseCases({ db, config, hasher }: ApiDeps) {
  decoyHash ??= hasher.hash('decoy password, never valid');

  return {
    /** Login with the numéro de dossier or the e-mail address; throttled per identifier. */
    async login(input: { login: string; password: string }) {
      const identifierKey = digestHex(input.login.trim().toLowerCase());
      const { maxFailures, failureWindowMs } = config.login;
      if ((await countRecentFailures(db, identifierKey, failureWindowMs)) >= maxFailures) {
        const oldest = await oldestRecentFailure(db, identifierKey, failureWindowMs);
        const retryAfterSeconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + failureWindowMs - Date.now()) / 1000));
        throw new AppError(ErrorKind.TooManyAttempts, msg('session.throttled'), undefined, { retryAfterSeconds });
      }
      const account = await findCandidateByLogin(db, input.login.trim());
      const passwordOk = await hasher.verify(account?.password_hash ?? (await decoyHash!), input.password);
      if (!account || !passwordOk) {
        await recordFailure(db, identifierKey);
        throw new AppError(ErrorKind.Unauthenticated, msg('session.badCredentials'));
      }
      if (account.status !== 'active') throw new AppError(ErrorKind.Forbidden, msg('session.notValidated'));
      await clearFailures(db, identifierKey);
      const raw = newRawToken();
      const session = await createSession(db, {
        tokenHash: hashToken(raw),
        principalKind: 'candidate',
        principalId: account.id,
        expiresAt: new Date(Date.now() + config.lifetimes.sessionMs),
      });
      return { token: raw, expiresAt: session.expires_at, fileNumber: account.file_number };
    },

    async authenticate(rawToken: string): Promise<Session | undefined> {
      return findLiveSession(db, hashToken(rawToken));
    },

    async logout(sessionId: string): Promise<void> {
      await revokeSession(db, sessionId);
    },
  };
}
