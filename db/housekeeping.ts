import type { DbOrTx } from './connection.js';

const olderThan = (db: DbOrTx, ms: number) => db.raw(`now() - ?::float8 * interval '1 millisecond'`, [ms]);

/**
 * One-time tokens (mailed links) used or expired more than `retentionMs` ago. Until then they stay,
 * so an old link still answers « ce lien a expiré » rather than « lien inconnu »; a pending new
 * password waiting beside a token goes with it (ON DELETE CASCADE).
 */
export async function purgeSpentTokens(db: DbOrTx, retentionMs: number): Promise<number> {
  return db('one_time_tokens')
    .where('expires_at', '<', olderThan(db, retentionMs))
    .orWhere('used_at', '<', olderThan(db, retentionMs))
    .orWhere('revoked_at', '<', olderThan(db, retentionMs))
    .delete();
}

/** Decision links whose step ended (used or expired) more than `retentionMs` ago; the audit keeps who decided. */
export async function purgeSpentDecisionLinks(db: DbOrTx, retentionMs: number): Promise<number> {
  return db('decision_links')
    .where('expires_at', '<', olderThan(db, retentionMs))
    .orWhere('used_at', '<', olderThan(db, retentionMs))
    .delete();
}

/** ENT logins started and never completed (their `state` expired). */
export async function purgeExpiredEntLogins(db: DbOrTx): Promise<number> {
  return db('ent_login_attempts').where('expires_at', '<', db.fn.now()).delete();
}
