import type { DbOrTx } from '../connection.js';

const table = 'registry_lookups';

/**
 * One lookup of the graduate registry by a person registering: who asked (network address, the
 * address they typed), whom they described (a digest of the identity typed), what was found. For
 * investigations of someone probing the registry; kept for HOUSEKEEPING_RETENTION.
 */
export async function recordRegistryLookup(
  db: DbOrTx,
  lookup: {
    clientIp: string;
    email: string;
    identityDigest: string;
    outcome: 'present' | 'ambiguous' | 'absent';
    registryIds: string[];
  },
): Promise<number> {
  const [row] = await db(table)
    .insert({
      client_ip: lookup.clientIp,
      email: lookup.email,
      identity_digest: lookup.identityDigest,
      outcome: lookup.outcome,
      registry_ids: lookup.registryIds,
    })
    .returning('id');
  return row.id;
}

/** The registration attempt the lookup led to (none when it was refused, e.g. an address already registering). */
export async function linkLookupToAccount(db: DbOrTx, lookupId: number, graduateAccountId: string): Promise<void> {
  await db(table).where({ id: lookupId }).update({ graduate_account_id: graduateAccountId });
}

export async function purgeOldRegistryLookups(db: DbOrTx, olderThanMs: number): Promise<number> {
  return db(table)
    .where('at', '<', db.raw(`now() - ?::float8 * interval '1 millisecond'`, [olderThanMs]))
    .delete();
}
