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
