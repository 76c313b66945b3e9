import type { DbOrTx } from './connection.js';

export type TokenPurpose = 'account_validation' | 'password_reset' | 'email_change';

/** Every link purpose: the candidate's, plus the address validation of graduates and recruiters. */
export type LinkPurpose = TokenPurpose | 'graduate_email_validation' | 'recruiter_email_validation';

export interface OneTimeToken {
  id: string;
  purpose: LinkPurpose;
  subject_id: string;
  workflow_id: string;
  issue_key: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const table = 'one_time_tokens';

/**
 * Issues the token for one step of one workflow. Keyed by `issueKey`, so a retried activity
 * replaces the hash it wrote before (that raw value was never delivered) instead of adding a row.
 * Every other live token of the same subject and purpose is revoked: « Renvoyer le lien »
 * invalidates the previous link.
 */
export async function issueToken(
  db: DbOrTx,
  token: { id: string; purpose: LinkPurpose; subjectId: string; workflowId: string; issueKey: string; tokenHash: Buffer; expiresAt: Date },
): Promise<OneTimeToken> {
  const [row] = await db(table)
    .insert({
      id: token.id,
      purpose: token.purpose,
      subject_id: token.subjectId,
      workflow_id: token.workflowId,
      issue_key: token.issueKey,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
    })
    .onConflict('issue_key')
    .merge(['token_hash', 'expires_at'])
    .returning('*');
  await db(table)
    .where({ subject_id: token.subjectId, purpose: token.purpose })
    .whereNot({ id: row.id })
    .whereNull('used_at')
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
  return row;
}

export async function findTokenByHash(db: DbOrTx, tokenHash: Buffer): Promise<OneTimeToken | undefined> {
  return db(table).where({ token_hash: tokenHash }).first();
}

export async function findTokenByIssueKey(db: DbOrTx, issueKey: string): Promise<OneTimeToken | undefined> {
  return db(table).where({ issue_key: issueKey }).first();
}

export type TokenState = 'valid' | 'used' | 'revoked' | 'expired';

export function tokenState(token: OneTimeToken, now = new Date()): TokenState {
  if (token.used_at) return 'used';
  // Past its deadline a link is simply expired, whether or not a newer one replaced it.
  if (token.expires_at.getTime() <= now.getTime()) return 'expired';
  if (token.revoked_at) return 'revoked';
  return 'valid';
}

export async function findTokenById(db: DbOrTx, id: string): Promise<OneTimeToken | undefined> {
  return db(table).where({ id }).first();
}

/**
 * Marks the token used at `at` (the lifecycle's clock, the one its deadline was set on); true only
 * for the one caller that consumed it.
 */
export async function consumeToken(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const updated = await db(table)
    .where({ id })
    .whereNull('used_at')
    .whereNull('revoked_at')
    .where('expires_at', '>', at)
    .update({ used_at: at });
  return updated > 0;
}

export async function revokeTokensOf(db: DbOrTx, subjectId: string, purpose: LinkPurpose): Promise<void> {
  await db(table)
    .where({ subject_id: subjectId, purpose })
    .whereNull('used_at')
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
}
