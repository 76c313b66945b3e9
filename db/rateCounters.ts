import type { DbOrTx } from './connection.js';

const table = 'rate_counters';

export type Consumption = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one event against a fixed window shared by every API replica (e.g. mails to one typed
 * address per hour) and says whether it is within `limit`, in one statement under the row's lock.
 */
export async function consumeRate(
  db: DbOrTx,
  counter: { scope: string; key: string; limit: number; windowMs: number },
): Promise<Consumption> {
  const expired = `c.window_started_at <= now() - CAST(:window AS float8) * interval '1 millisecond'`;
  const { rows } = await db.raw(
    `INSERT INTO ${table} AS c (scope, key, window_started_at, count) VALUES (:scope, :key, now(), 1)
     ON CONFLICT (scope, key) DO UPDATE
       SET count = CASE WHEN ${expired} THEN 1 ELSE c.count + 1 END,
           window_started_at = CASE WHEN ${expired} THEN now() ELSE c.window_started_at END
     RETURNING count, greatest(0, extract(epoch FROM window_started_at + CAST(:window AS float8) * interval '1 millisecond' - now()) * 1000) AS wait_ms`,
    { scope: counter.scope, key: counter.key, window: counter.windowMs },
  );
  const row = rows[0] as { count: number; wait_ms: number | string };
  return row.count <= counter.limit ? { allowed: true } : { allowed: false, retryAfterMs: Math.max(1000, Math.ceil(Number(row.wait_ms))) };
}

/** Housekeeping: windows that ended long ago. */
export async function purgeEndedRates(db: DbOrTx, olderThanMs: number): Promise<number> {
  return db(table)
    .where('window_started_at', '<', db.raw(`now() - ?::float8 * interval '1 millisecond'`, [olderThanMs]))
    .delete();
}
