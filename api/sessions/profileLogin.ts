import { findGraduateByEmail, type GraduateAccount } from '../../db/graduateAccounts.js';
import { findRecruiterByEmail, type RecruiterAccount } from '../../db/recruiterAccounts.js';
import { createSession } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { type MessageKey, msg } from '../../lib/i18n/index.js';
import { hashToken, newRawToken } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { createPasswordCheck, unknownAccountKey } from './loginThrottle.js';

export type Profile = 'graduate' | 'recruiter';

/** Why a known address with the right password cannot log in yet (or any more). */
const notActiveMessages: Record<string, MessageKey> = {
  pending_email: 'session.pendingEmail',
  pending_diploma: 'session.pendingDiploma',
  pending_approval: 'session.pendingApproval',
  refused: 'session.refused',
  expired: 'session.expired',
};

/**
 * Login of graduates and recruiters, throttled like every password check (api/sessions/loginThrottle.ts);
 * the same check guards the graduate's registration steps, which are authenticated by the address
 * and the password chosen at registration.
 */
export function createProfileLoginUseCases(deps: ApiDeps) {
  const { db, config } = deps;
  const checkPassword = createPasswordCheck(deps);

  type Credentials = { email: string; password: string };
  async function checkCredentials(profile: 'graduate', input: Credentials, clientIp: string): Promise<GraduateAccount>;
  async function checkCredentials(profile: 'recruiter', input: Credentials, clientIp: string): Promise<RecruiterAccount>;
  async function checkCredentials(profile: Profile, input: Credentials, clientIp: string): Promise<GraduateAccount | RecruiterAccount> {
    const account = profile === 'graduate' ? await findGraduateByEmail(db, input.email) : await findRecruiterByEmail(db, input.email);
    const ok = await checkPassword({
      accountKey: account ? `${profile}:${account.id}` : unknownAccountKey(profile, input.email),
      clientIp,
      passwordHash: account?.password_hash,
      password: input.password,
    });
    if (!account || !ok) throw new AppError(ErrorKind.Unauthenticated, msg('session.badEmailOrPassword'));
    return account;
  }

  return {
    checkCredentials,

    /** Only a validated account logs in; the others are told why. */
    async login(profile: Profile, input: Credentials, clientIp: string) {
      const account =
        profile === 'graduate' ? await checkCredentials('graduate', input, clientIp) : await checkCredentials('recruiter', input, clientIp);
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
