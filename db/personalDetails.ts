import type { DbOrTx } from './connection.js';

export interface PersonalDetails {
  account_id: string;
  phone: string | null;
  postal_address: string | null;
  updated_at: Date;
}

const table = 'ent_personal_details';

export async function findPersonalDetails(db: DbOrTx, accountId: string): Promise<PersonalDetails | undefined> {
  return db(table).where({ account_id: accountId }).first();
}

export async function savePersonalDetails(
  db: DbOrTx,
  accountId: string,
  details: { phone: string | null; postalAddress: string | null },
): Promise<PersonalDetails> {
  const [row] = await db(table)
    .insert({ account_id: accountId, phone: details.phone, postal_address: details.postalAddress, updated_at: db.fn.now() })
    .onConflict('account_id')
    .merge()
    .returning('*');
  return row;
}
