import type { DbOrTx } from './connection.js';

// 'student' and 'staff_ent' log in through the ENT (ent_accounts); 'staff' are the platform's own staff accounts.
export type PrincipalKind = 'candidate' | 'staff' | 'graduate' | 'recruiter' | 'student' | 'staff_ent';

export interface Session {
  id: string;
  principal_kind: PrincipalKind;
  principal_id: string;
  expires_at: Date;
}

const table = 'sessions';

export async function createSession(
  db: DbOrTx,
  session: { tokenHash: Buffer; principalKind: PrincipalKind; principalId: string; expiresAt: Date },
): Promise<Session> {
  const [row] = await db(table)
    .insert({
      token_hash: session.tokenHash,
      principal_kind: session.principalKind,
      principal_id: session.principalId,
      expires_at: session.expiresAt,
    })
    .returning(['id', 'principal_kind', 'principal_id', 'expires_at']);
  return row;
}

export async function findLiveSession(db: DbOrTx, tokenHash: Buffer): Promise<Session | undefined> {
  return db(table)
    .select('id', 'principal_kind', 'principal_id', 'expires_at')
    .where({ token_hash: tokenHash })
    .whereNull('revoked_at')
    .where('expires_at', '>', db.fn.now())
    .first();
}

export async function revokeSession(db: DbOrTx, id: string): Promise<void> {
  await db(table).where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
}

/** Ends every session of a principal: password reset and e-mail change log the person out. */
export async function revokeSessionsOf(db: DbOrTx, principalKind: PrincipalKind, principalId: string): Promise<number> {
  return db(table)
    .where({ principal_kind: principalKind, principal_id: principalId })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
}
