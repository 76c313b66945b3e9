import type { DbOrTx } from './connection.js';

export interface ExternalParty {
  id: string;
  email: string;
  display_name: string | null;
}

const table = 'external_parties';

/** The id of the person behind an address, created on first use (addresses are stored lower-cased). */
export async function externalPartyFor(db: DbOrTx, email: string, displayName?: string): Promise<string> {
  const address = email.trim().toLowerCase();
  const [row] = await db(table)
    .insert({ email: address, ...(displayName ? { display_name: displayName } : {}) })
    .onConflict('email')
    .merge(displayName ? { display_name: displayName } : { email: address })
    .returning('id');
  return (row as { id: string }).id;
}

export async function findExternalParty(db: DbOrTx, id: string): Promise<ExternalParty | undefined> {
  return db(table).where({ id }).first();
}
