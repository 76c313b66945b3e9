import type { DbOrTx } from './connection.js';

export interface EntLoginAttempt {
  protocol: string;
  nonce: string;
  code_verifier: string;
}

const table = 'ent_login_attempts';

export async function saveLoginAttempt(
  db: DbOrTx,
  attempt: { stateHash: Buffer; protocol: string; nonce: string; codeVerifier: string; expiresAt: Date },
): Promise<void> {
  // Abandoned logins are swept here rather than by a cron: the table stays small on its own.
  await db(table).where('expires_at', '<', db.fn.now()).delete();
  await db(table).insert({
    state_hash: attempt.stateHash,
    protocol: attempt.protocol,
    nonce: attempt.nonce,
    code_verifier: attempt.codeVerifier,
    expires_at: attempt.expiresAt,
  });
}

/** Single use: the row is deleted as it is read, so a replayed callback finds nothing. */
export async function consumeLoginAttempt(db: DbOrTx, stateHash: Buffer): Promise<EntLoginAttempt | undefined> {
  const [row] = await db(table)
    .where({ state_hash: stateHash })
    .where('expires_at', '>', db.fn.now())
    .delete()
    .returning(['protocol', 'nonce', 'code_verifier']);
  return row;
}
