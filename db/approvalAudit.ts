import type { DbOrTx } from './connection.js';

export type AuditEvent =
  | 'requested'
  | 'notified'
  | 'reminded'
  | 'escalated'
  | 'handed_over'
  | 'reassigned'
  | 'removed'
  | 'mail_undeliverable'
  | 'decided'
  | 'withdrawn'
  | 'expired'
  | 'informed';

export interface AuditEntry {
  workflowId: string;
  /** Unique within the workflow (e.g. `superieur:notified:initial:staff:<id>`): the upsert key. */
  entryKey: string;
  step: string;
  event: AuditEvent;
  actorName?: string;
  actorKey?: string;
  onBehalfOfName?: string;
  channel?: string;
  outcome?: string;
  reason?: string;
  comment?: string;
  details?: Record<string, unknown>;
  at: Date;
}

/** Upsert keyed by (workflow id, entry key): a retried activity never duplicates an audit line. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db('approval_audit')
    .insert({
      workflow_id: entry.workflowId,
      entry_key: entry.entryKey,
      step: entry.step,
      event: entry.event,
      actor_name: entry.actorName ?? null,
      actor_key: entry.actorKey ?? null,
      on_behalf_of_name: entry.onBehalfOfName ?? null,
      channel: entry.channel ?? null,
      outcome: entry.outcome ?? null,
      reason: entry.reason ?? null,
      comment: entry.comment ?? null,
      details: JSON.stringify(entry.details ?? {}),
      at: entry.at,
    })
    .onConflict(['workflow_id', 'entry_key'])
    .ignore();
}

export interface AuditLine {
  at: Date;
  step: string;
  event: AuditEvent;
  actor_name: string | null;
  on_behalf_of_name: string | null;
  channel: string | null;
  outcome: string | null;
  reason: string | null;
  comment: string | null;
  details: Record<string, unknown>;
}

export async function auditOf(db: DbOrTx, workflowId: string): Promise<AuditLine[]> {
  return db('approval_audit')
    .select('at', 'step', 'event', 'actor_name', 'on_behalf_of_name', 'channel', 'outcome', 'reason', 'comment', 'details')
    .where({ workflow_id: workflowId })
    .orderBy([
      { column: 'at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
}

/** Keys of the approvers a step has mailed (asked, or handed over to): reminders go to them only. */
export async function mailedApproverKeys(db: DbOrTx, workflowId: string, step: string): Promise<Set<string>> {
  const rows: { actor_key: string }[] = await db('approval_audit')
    .where({ workflow_id: workflowId, step })
    .whereIn('event', ['notified', 'handed_over'])
    .whereNotNull('actor_key')
    .distinct('actor_key');
  return new Set(rows.map((r) => r.actor_key));
}
