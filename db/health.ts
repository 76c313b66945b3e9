import type { Db } from './connection.js';

/** `GET /health`: the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.raw('select 1');
}
