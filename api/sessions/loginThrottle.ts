import { forgetClient, reserveLoginAttempt } from '../../db/loginThrottle.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { digestHex } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';

/** A password check of one account from one client (its IP address, as Fastify resolved it through the trusted proxies). */
export interface PasswordAttempt {
  /**
   * The account, whatever identifier was typed (`candidate:<uuid>` for the numéro de dossier and the
   * e-mail alike); for an identifier that names no account, `unknown:<kind>:<digest>`, throttled the same way.
   */
  accountKey: string;
  clientIp: string;
  /** The account's hash; undefined for an unknown identifier (a decoy hash is checked instead, same cost). */
  passwordHash: string | null | undefined;
  password: string;
}

let decoyHash: Promise<string> | undefined;

export const unknownAccountKey = (kind: string, identifier: string) => `unknown:${kind}:${digestHex(identifier.trim().toLowerCase())}`;

/**
 * Every password check of the platform (candidate, staff, graduate and recruiter logins, the
 * graduate's registration steps, the current password of an e-mail change) goes through here.
 *
 * The attempt is recorded before the password is read, and whether it may be read is decided in
 * the same SQL statement (db/loginThrottle.ts), so parallel guesses cannot slip past the count.
 * The delay is progressive and applies to one (account, client) pair: an attacker who does not
 * know the password slows down their own guesses on that account, from their own address, but
 * the person logging in from anywhere else is not delayed at all, and never locked out. The
 * right password from the delayed client still works once its delay has passed (and clears it).
 */
export function createPasswordCheck({ db, config, hasher }: Pick<ApiDeps, 'db' | 'config' | 'hasher'>) {
  decoyHash ??= hasher.hash('decoy password, never valid');
  const policy = {
    maxFailures: config.login.maxFailures,
    windowMs: config.login.failureWindowMs,
    delayBaseMs: config.login.delayBaseMs,
    delayMaxMs: config.login.delayMaxMs,
  };

  /** True when the password is the account's; 429 (TooManyAttempts, Retry-After) while this client must wait. */
  return async function checkPassword(attempt: PasswordAttempt): Promise<boolean> {
    const key = { accountKey: attempt.accountKey, clientKey: digestHex(`ip:${attempt.clientIp}`) };
    const reservation = await reserveLoginAttempt(db, key, policy);
    if (!reservation.allowed) {
      const retryAfterSeconds = Math.ceil(reservation.retryAfterMs / 1000);
      throw new AppError(ErrorKind.TooManyAttempts, msg('security.loginDelayed', { seconds: retryAfterSeconds }), undefined, {
        retryAfterSeconds,
      });
    }
    const ok = await hasher.verify(attempt.passwordHash ?? (await decoyHash!), attempt.password);
    if (!ok || !attempt.passwordHash) return false;
    await forgetClient(db, key);
    return true;
  };
}

export type PasswordCheck = ReturnType<typeof createPasswordCheck>;
