import type { DbOrTx } from './connection.js';

/**
 * A new password chosen on a « choose a new password » link page: its argon2id hash waits beside
 * the token (keyed by its id) until the credential-recovery lifecycle consumes the token and swaps
 * it in. Only the token id enters the workflow's history.
 */
export interface PendingPasswordChange {
  token_id: string;
  password_hash: string;
}

const table = 'pending_password_changes';

export async function findPendingPasswordChange(db: DbOrTx, tokenId: string): Promise<PendingPasswordChange | undefined> {
  return db(table).where({ token_id: tokenId }).first();
}

export async function deletePendingPasswordChange(db: DbOrTx, tokenId: string): Promise<void> {
  await db(table).where({ token_id: tokenId }).delete();
}

/** The API stores the hash when the link's form is posted; posting it again replaces the waiting hash. */
export async function storePendingPasswordChange(db: DbOrTx, change: { tokenId: string; passwordHash: string }): Promise<void> {
  await db(table).insert({ token_id: change.tokenId, password_hash: change.passwordHash }).onConflict('token_id').merge(['password_hash']);
}
