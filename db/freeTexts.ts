import { randomUUID } from 'node:crypto';
import type { DbOrTx } from './connection.js';

const table = 'free_texts';

/**
 * Stores a text typed by a person and returns the id workflows carry instead (issue 13). The id is
 * generated here, before the Update is sent; storing the same id again changes nothing.
 */
export async function storeFreeText(db: DbOrTx, body: string, id: string = randomUUID()): Promise<string> {
  await db(table).insert({ id, body }).onConflict('id').ignore();
  return id;
}

/** The text behind an id (undefined for no id or an unknown one). */
export async function readFreeText(db: DbOrTx, id: string | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  const row: { body: string } | undefined = await db(table).where({ id }).first('body');
  return row?.body;
}

/** Stores the text when there is one (trimmed, not empty) and returns its id. */
export async function storeOptionalText(db: DbOrTx, body: string | undefined): Promise<string | undefined> {
  const text = body?.trim();
  return text ? storeFreeText(db, text) : undefined;
}
