import { consumeRate } from '../../db/rateCounters.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { digestHex } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';

/**
 * Mails to an address somebody typed (a supervisor, an offer's contact, one's own address to
 * validate, « renvoyer le lien », « j'ai oublié mes identifiants »…): at most MAIL_LIMIT_PER_RECIPIENT
 * per address and MAIL_LIMIT_PER_USER per logged-in account in each MAIL_LIMIT_WINDOW, counted in
 * PostgreSQL so every API replica shares the count. The per-IP limit is the route's (api/security/rateLimits.ts).
 * Counted whether or not the address is known, so the answer tells nothing about accounts.
 */
export function createMailQuota({ db, config }: Pick<ApiDeps, 'db' | 'config'>) {
  const { windowMs, perRecipient, perUser } = config.security.mailQuota;

  return async function allowMails(to: { recipients: string[]; user?: string }): Promise<void> {
    const counters = [
      ...(to.user ? [{ scope: 'mail-user', key: to.user, limit: perUser }] : []),
      ...[...new Set(to.recipients.map((r) => r.trim().toLowerCase()))].map((r) => ({
        scope: 'mail-recipient',
        key: digestHex(r),
        limit: perRecipient,
      })),
    ];
    for (const counter of counters) {
      const consumed = await consumeRate(db, { ...counter, windowMs });
      if (!consumed.allowed) {
        const retryAfterSeconds = Math.ceil(consumed.retryAfterMs / 1000);
        throw new AppError(ErrorKind.TooManyAttempts, msg('security.tooManyMails', { seconds: retryAfterSeconds }), undefined, {
          retryAfterSeconds,
        });
      }
    }
  };
}

export type MailQuota = ReturnType<typeof createMailQuota>;
