import type { DbOrTx } from './connection.js';

const table = 'login_throttle';

export interface ThrottlePolicy {
  /** Attempts checked without delay before the delay starts. */
  maxFailures: number;
  /** A pair without an attempt for this long starts again from zero. */
  windowMs: number;
  /** The first delay; each further failure doubles it, up to `delayMaxMs`. */
  delayBaseMs: number;
  delayMaxMs: number;
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Records one login attempt of a client on an account, before its password is checked, and says
 * in the same statement whether it may be checked: one row per (account, client), updated under
 * its row lock, so parallel attempts are counted one after the other and at most `maxFailures`
 * of them are checked at once. Past that, one attempt per delay is checked (1 s, 2 s, 4 s… up to
 * `delayMaxMs`); the others are refused without reading the password. A success deletes the row
 * (`forgetClient`), so the attempt counted a moment before is not held against the person.
 */
export async function reserveLoginAttempt(
  db: DbOrTx,
  key: { accountKey: string; clientKey: string },
  policy: ThrottlePolicy,
): Promise<Reservation> {
  const counted = "CASE WHEN t.updated_at <= now() - CAST(:window AS float8) * interval '1 millisecond' THEN 1 ELSE t.failures + 1 END";
  const delayOf = (failures: string) =>
    `CASE WHEN ${failures} < :max THEN 0 ELSE LEAST(CAST(:delayMax AS float8), CAST(:delayBase AS float8) * power(2, LEAST(${failures} - :max, 40))) END * interval '1 millisecond'`;
  const { rows } = await db.raw(
    `WITH attempt AS (
       INSERT INTO ${table} AS t (account_key, client_key, failures, next_attempt_at, updated_at)
       VALUES (:account, :client, 1, now() + ${delayOf('1')}, now())
       ON CONFLICT (account_key, client_key) DO UPDATE
         SET failures = ${counted}, next_attempt_at = now() + ${delayOf(counted)}, updated_at = now()
         WHERE t.updated_at <= now() - CAST(:window AS float8) * interval '1 millisecond' OR t.failures < :max OR t.next_attempt_at <= now()
       RETURNING failures
     )
     SELECT (SELECT failures FROM attempt) AS failures,
            (SELECT greatest(0, extract(epoch FROM next_attempt_at - now()) * 1000)
               FROM ${table} WHERE account_key = :account AND client_key = :client) AS wait_ms`,
    {
      account: key.accountKey,
      client: key.clientKey,
      window: policy.windowMs,
      max: policy.maxFailures,
      delayBase: policy.delayBaseMs,
      delayMax: policy.delayMaxMs,
    },
  );
  const row = rows[0] as { failures: number | null; wait_ms: number | string | null };
  if (row.failures !== null) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(1000, Math.ceil(Number(row.wait_ms ?? 0))) };
}

/** The right password from this client: its counter starts again. */
export async function forgetClient(db: DbOrTx, key: { accountKey: string; clientKey: string }): Promise<void> {
  await db(table).where({ account_key: key.accountKey, client_key: key.clientKey }).delete();
}

/** A new password (reset by link or by an administrateur): every client starts again. */
export async function forgetAccount(db: DbOrTx, accountKey: string): Promise<void> {
  await db(table).where({ account_key: accountKey }).delete();
}

/** Housekeeping: rows without an attempt for longer than the window (and the longest delay) count nothing any more. */
export async function purgeIdleThrottles(db: DbOrTx, idleForMs: number): Promise<number> {
  return db(table)
    .where('updated_at', '<', db.raw(`now() - ?::float8 * interval '1 millisecond'`, [idleForMs]))
    .delete();
}
