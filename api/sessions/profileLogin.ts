import { findGraduateByEmail, type GraduateAccount } from '../../db/graduateAccounts.js';
import { clearFailures, countRecentFailures, oldestRecentFailure, recordFailure } from '../../db/loginFailures.js';
import { findRecruiterByEmail, type RecruiterAccount } from '../../db/recruiterAccounts.js';
import { createSession } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { type MessageKey, msg } from '../../lib/i18n/index.js';
import { digestHex, hashToken, newRawToken } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';

export type Profile = 'graduate' | 'recruiter';

/** Why a known address with the right password cannot log in yet (or any more). */
const notActiveMessages: Record<string, MessageKey> = {
  pending_email: 'session.pendingEmail',
  pending_diploma: 'session.pendingDiploma',
  pending_approval: 'session.pendingApproval',
  refused: 'session.refused',
  expired: 'session.expired',
};

let decoyHash: Promise<string> | undefined;

/**
 * Login of graduates and recruiters, throttled per profile and address like the candidates'
 * (api/sessions/sessions.ts); the same check guards the graduate's registration steps, which are
 * authenticated by the address and the password chosen at registration.
 */
export function createProfileLoginUseCases({ db, config, hasher }: ApiDeps) {
  decoyHash ??= hasher.hash('decoy password, never valid');

  async function checkCredentials(profile: 'graduate', input: { email: string; password: string }): Promise<GraduateAccount>;
  async function checkCredentials(profile: 'recruiter', input: { email: string; password: string }): Promise<RecruiterAccount>;
  async function checkCredentials(
    profile: Profile,
    input: { email: string; password: string },
  ): Promise<GraduateAccount | RecruiterAccount> {
    const identifierKey = digestHex(`${profile}:${input.email.trim().toLowerCase()}`);
    const { maxFailures, failureWindowMs } = config.login;
    if ((await countRecentFailures(db, identifierKey, failureWindowMs)) >= maxFailures) {
      const oldest = await oldestRecentFailure(db, identifierKey, failureWindowMs);
      const retryAfterSeconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + failureWindowMs - Date.now()) / 1000));
      throw new AppError(ErrorKind.TooManyAttempts, msg('session.throttled'), undefined, { retryAfterSeconds });
    }
    const account = profile === 'graduate' ? await findGraduateByEmail(db, input.email) : await findRecruiterByEmail(db, input.email);
    const passwordOk = await hasher.verify(account?.password_hash ?? (await decoyHash!), input.password);
    if (!account || !passwordOk) {
      await recordFailure(db, identifierKey);
      throw new AppError(ErrorKind.Unauthenticated, msg('session.badEmailOrPassword'));
    }
    await clearFailures(db, identifierKey);
    return account;
  }

  return {
    checkCredentials,

    /** Only a validated account logs in; the others are told why. */
    async login(profile: Profile, input: { email: string; password: string }) {
      const account = profile === 'graduate' ? await checkCredentials('graduate', input) : await checkCredentials('recruiter', input);
      if (account.status !== 'active')
        throw new AppError(ErrorKind.Forbidden, { key: notActiveMessages[account.status] ?? 'session.badCredentials' });
      const raw = newRawToken();
      const session = await createSession(db, {
        tokenHash: hashToken(raw),
        principalKind: profile,
        principalId: account.id,
        expiresAt: new Date(Date.now() + config.lifetimes.sessionMs),
      });
      return { token: raw, expiresAt: session.expires_at };
    },
  };
}
