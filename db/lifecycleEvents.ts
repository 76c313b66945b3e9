import type { DbOrTx } from './connection.js';

export interface LifecycleEvent {
  workflowId: string;
  kind: string;
  subjectId: string;
  step: string;
  status: string;
  details?: Record<string, unknown>;
  at?: Date;
}

/** Upsert keyed by (workflow id, step): a retried projection write lands on the same row. */
export async function recordLifecycleEvent(db: DbOrTx, event: LifecycleEvent): Promise<void> {
  await db('lifecycle_events')
    .insert({
      workflow_id: event.workflowId,
      kind: event.kind,
      subject_id: event.subjectId,
      step: event.step,
      status: event.status,
      details: JSON.stringify(event.details ?? {}),
      ...(event.at ? { at: event.at } : {}),
    })
    .onConflict(['workflow_id', 'step'])
    .merge(['status', 'details']);
}

export async function listLifecycleEvents(db: DbOrTx, subjectId: string) {
  return db('lifecycle_events')
    .select('workflow_id as workflowId', 'kind', 'step', 'status', 'details', 'at')
    .where({ subject_id: subjectId })
    .orderBy([
      { column: 'at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
}
