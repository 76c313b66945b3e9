import type { DbOrTx } from './connection.js';

const table = 'charter_acceptances';

export async function findCharterAcceptance(db: DbOrTx, accountId: string, version: string): Promise<{ accepted_at: Date } | undefined> {
  return db(table).select('accepted_at').where({ ent_account_id: accountId, charter_version: version }).first();
}

/** Idempotent: a second acceptance of the same version keeps the first time. */
export async function recordCharterAcceptance(db: DbOrTx, accountId: string, version: string): Promise<Date> {
  await db(table)
    .insert({ ent_account_id: accountId, charter_version: version })
    .onConflict(['ent_account_id', 'charter_version'])
    .ignore();
  return (await findCharterAcceptance(db, accountId, version))!.accepted_at;
}
