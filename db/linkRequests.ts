import type { LinkRequestPurpose } from '../workflows/accountLinkRequest/contract.js';
import type { DbOrTx } from './connection.js';

const table = 'link_requests';

export interface LinkRequest {
  id: string;
  purpose: LinkRequestPurpose;
  email: string;
  created_at: Date;
}

export async function insertLinkRequest(db: DbOrTx, request: { purpose: LinkRequestPurpose; email: string }): Promise<string> {
  const [row] = await db(table).insert({ purpose: request.purpose, email: request.email }).returning('id');
  return row.id;
}

export async function findLinkRequest(db: DbOrTx, id: string): Promise<LinkRequest | undefined> {
  return db(table).where({ id }).first();
}

export async function deleteLinkRequest(db: DbOrTx, id: string): Promise<void> {
  await db(table).where({ id }).delete();
}

/** Housekeeping: requests whose lifecycle never ran (the start failed after the row was written). */
export async function purgeStaleLinkRequests(db: DbOrTx, olderThanMs: number): Promise<number> {
  return db(table)
    .where('created_at', '<', db.raw(`now() - ?::float8 * interval '1 millisecond'`, [olderThanMs]))
    .delete();
}
