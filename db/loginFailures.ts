import type { DbOrTx } from './connection.js';

const table = 'login_failures';

export async function countRecentFailures(db: DbOrTx, identifierKey: string, windowMs: number): Promise<number> {
  const since = new Date(Date.now() - windowMs);
  const row = await db(table)
    .where({ identifier_key: identifierKey })
    .where('at', '>', since)
    .count<{ count: number }[]>('* as count')
    .first();
  return Number(row?.count ?? 0);
}

export async function oldestRecentFailure(db: DbOrTx, identifierKey: string, windowMs: number): Promise<Date | undefined> {
  const since = new Date(Date.now() - windowMs);
  const row = await db(table)
    .where({ identifier_key: identifierKey })
    .where('at', '>', since)
    .min<{ min: Date | null }[]>('at as min')
    .first();
  return row?.min ?? undefined;
}

export async function recordFailure(db: DbOrTx, identifierKey: string): Promise<void> {
  await db(table).insert({ identifier_key: identifierKey });
}

export async function clearFailures(db: DbOrTx, identifierKey: string): Promise<void> {
  await db(table).where({ identifier_key: identifierKey }).delete();
}
