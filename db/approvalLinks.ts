import type { DbOrTx } from './connection.js';

/**
 * Decision links: random (256 bits), stored as a SHA-256 digest, bound to one approver and one
 * step, expiring with the step's deadline, used once. A reminder mails a fresh link; the earlier
 * ones stay valid until the step closes (the approver may click any mail they kept).
 */
export interface DecisionLink {
  id: string;
  workflow_id: string;
  step: string;
  approver_key: string;
  expires_at: Date;
  used_at: Date | null;
}

const table = 'decision_links';

/** Keyed by `issueKey`: a retried mailing activity replaces its own hash (never delivered) instead of adding a row. */
export async function issueDecisionLink(
  db: DbOrTx,
  link: { workflowId: string; step: string; approverKey: string; issueKey: string; tokenHash: Buffer; expiresAt: Date },
): Promise<DecisionLink> {
  const [row] = await db(table)
    .insert({
      workflow_id: link.workflowId,
      step: link.step,
      approver_key: link.approverKey,
      issue_key: link.issueKey,
      token_hash: link.tokenHash,
      expires_at: link.expiresAt,
    })
    .onConflict('issue_key')
    .merge(['token_hash', 'expires_at'])
    .returning(['id', 'workflow_id', 'step', 'approver_key', 'expires_at', 'used_at']);
  return row;
}

export async function findDecisionLinkByIssueKey(db: DbOrTx, issueKey: string): Promise<DecisionLink | undefined> {
  return db(table).select('id', 'workflow_id', 'step', 'approver_key', 'expires_at', 'used_at').where({ issue_key: issueKey }).first();
}

export async function findDecisionLinkByHash(db: DbOrTx, tokenHash: Buffer): Promise<DecisionLink | undefined> {
  return db(table).select('id', 'workflow_id', 'step', 'approver_key', 'expires_at', 'used_at').where({ token_hash: tokenHash }).first();
}

export async function markDecisionLinkUsed(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db(table).where({ id }).whereNull('used_at').update({ used_at: at });
}

/** When a step closes, every link of the approver who decided counts as used (the others simply stop working). */
export async function markDecidersLinksUsed(
  db: DbOrTx,
  link: { workflowId: string; step: string; approverKey: string; at: Date },
): Promise<void> {
  await db(table)
    .where({ workflow_id: link.workflowId, step: link.step, approver_key: link.approverKey })
    .whereNull('used_at')
    .update({ used_at: link.at });
}
