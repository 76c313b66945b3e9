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

export interface IdleTimeouts {
  /** Every principal but staff. */
  defaultMs: number;
  /** Staff: the platform's own staff accounts and staff logged in through the ENT. */
  staffMs: number;
}

/** How often `last_seen_at` is written: at most once a minute per session (or a quarter of its idle timeout), not on every request. */
const touchEveryMs = (idleMs: number) => Math.min(60_000, idleMs / 4);

/**
 * A session that is neither revoked, past its absolute lifetime, idle for longer than its kind
 * allows, nor held by a deactivated staff member (every authorisation starts here, so each one
 * reads `active`). Seeing it counts as activity.
 */
export async function findLiveSession(db: DbOrTx, tokenHash: Buffer, idle: IdleTimeouts): Promise<Session | undefined> {
  const row: (Session & { last_seen_at: Date }) | undefined = await db(table)
    .select('id', 'principal_kind', 'principal_id', 'expires_at', 'last_seen_at')
    .where({ token_hash: tokenHash })
    .whereNull('revoked_at')
    .where('expires_at', '>', db.fn.now())
    .whereRaw(
      `last_seen_at > now() - (CASE WHEN principal_kind IN ('staff', 'staff_ent') THEN ?::float8 ELSE ?::float8 END) * interval '1 millisecond'`,
      [idle.staffMs, idle.defaultMs],
    )
    .whereNotExists(
      db('staff_accounts').whereRaw(
        `${table}.principal_kind = 'staff' AND staff_accounts.id = ${table}.principal_id AND NOT staff_accounts.active`,
      ),
    )
    .first();
  if (!row) return undefined;
  const idleMs = row.principal_kind === 'staff' || row.principal_kind === 'staff_ent' ? idle.staffMs : idle.defaultMs;
  if (Date.now() - row.last_seen_at.getTime() > touchEveryMs(idleMs))
    await db(table).where({ id: row.id }).update({ last_seen_at: db.fn.now() });
  const { last_seen_at: _seen, ...session } = row;
  return session;
}

/**
 * Housekeeping: sessions that can no longer authenticate anyone (past their lifetime, revoked, or
 * idle for longer than the longest idle timeout) are deleted: a session row is a credential.
 */
export async function purgeDeadSessions(db: DbOrTx, idle: IdleTimeouts): Promise<number> {
  const longestIdle = Math.max(idle.defaultMs, idle.staffMs);
  return db(table)
    .where('expires_at', '<=', db.fn.now())
    .orWhereNotNull('revoked_at')
    .orWhere('last_seen_at', '<', db.raw(`now() - ?::float8 * interval '1 millisecond'`, [longestIdle]))
    .delete();
}

export async function revokeSession(db: DbOrTx, id: string): Promise<void> {
  await db(table).where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
}

/** Ends every session of a principal: password reset, e-mail change, deactivation log the person out. */
export async function revokeSessionsOf(db: DbOrTx, principalKind: PrincipalKind, principalId: string): Promise<number> {
  return db(table)
    .where({ principal_kind: principalKind, principal_id: principalId })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
}
