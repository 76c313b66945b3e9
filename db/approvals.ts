import type { DbOrTx } from './connection.js';

/** One decision step of one lifecycle, as the pages, the inbox and the audit read it. */
export interface ApprovalRequestRow {
  workflow_id: string;
  step: string;
  kind: string;
  title: string;
  details: Record<string, string>;
  requester_key: string;
  requester_name: string;
  outcomes: string[];
  status: 'pending' | 'decided' | 'withdrawn' | 'expired';
  outcome: string | null;
  decided_by_name: string | null;
  decided_by_key: string | null;
  channel: string | null;
  reason: string | null;
  comment: string | null;
  deadline_at: Date;
  opened_at: Date;
  closed_at: Date | null;
}

/** One approver asked for one step: the inbox is the pending ones of a staff member. */
export interface ApprovalTaskRow {
  id: string;
  workflow_id: string;
  step: string;
  approver_key: string;
  staff_id: string | null;
  email: string;
  approver_name: string;
  on_behalf_of_key: string | null;
  on_behalf_of_name: string | null;
  status: 'pending' | 'decided' | 'closed' | 'handed_over';
  created_at: Date;
  closed_at: Date | null;
}

/** Upsert keyed by (workflow id, step): a retried activity lands on the same row. */
export async function openApprovalRequest(
  db: DbOrTx,
  r: { workflowId: string; step: string; kind: string; title: string; details: Record<string, string>; requesterKey: string; requesterName: string; outcomes: string[]; deadlineAt: Date; openedAt: Date },
): Promise<void> {
  await db('approval_requests')
    .insert({
      workflow_id: r.workflowId,
      step: r.step,
      kind: r.kind,
      title: r.title,
      details: JSON.stringify(r.details),
      requester_key: r.requesterKey,
      requester_name: r.requesterName,
      outcomes: r.outcomes,
      status: 'pending',
      deadline_at: r.deadlineAt,
      opened_at: r.openedAt,
    })
    .onConflict(['workflow_id', 'step'])
    .ignore();
}

export async function findApprovalRequest(db: DbOrTx, workflowId: string, step: string): Promise<ApprovalRequestRow | undefined> {
  return db('approval_requests').where({ workflow_id: workflowId, step }).first();
}

export async function approvalRequestsOf(db: DbOrTx, workflowId: string): Promise<ApprovalRequestRow[]> {
  return db('approval_requests').where({ workflow_id: workflowId }).orderBy('opened_at');
}

export async function closeApprovalRequest(
  db: DbOrTx,
  c: { workflowId: string; step: string; status: ApprovalRequestRow['status']; outcome: string | null; decidedByKey: string; decidedByName: string; channel: string; reason?: string; comment?: string; closedAt: Date },
): Promise<void> {
  await db('approval_requests').where({ workflow_id: c.workflowId, step: c.step }).update({
    status: c.status,
    outcome: c.outcome,
    decided_by_key: c.decidedByKey,
    decided_by_name: c.decidedByName,
    channel: c.channel,
    reason: c.reason ?? null,
    comment: c.comment ?? null,
    closed_at: c.closedAt,
  });
}

/** Upsert keyed by (workflow id, step, approver): asking twice never adds a second task. */
export async function upsertTask(
  db: DbOrTx,
  t: { workflowId: string; step: string; approverKey: string; staffId: string | null; email: string; approverName: string; onBehalfOf?: { key: string; name: string } },
): Promise<ApprovalTaskRow> {
  await db('approval_tasks')
    .insert({
      workflow_id: t.workflowId,
      step: t.step,
      approver_key: t.approverKey,
      staff_id: t.staffId,
      email: t.email,
      approver_name: t.approverName,
      on_behalf_of_key: t.onBehalfOf?.key ?? null,
      on_behalf_of_name: t.onBehalfOf?.name ?? null,
    })
    .onConflict(['workflow_id', 'step', 'approver_key'])
    .ignore();
  return db('approval_tasks').where({ workflow_id: t.workflowId, step: t.step, approver_key: t.approverKey }).first();
}

export async function tasksOfStep(db: DbOrTx, workflowId: string, step: string): Promise<ApprovalTaskRow[]> {
  return db('approval_tasks').where({ workflow_id: workflowId, step }).orderBy('created_at');
}

export async function findTask(db: DbOrTx, id: string): Promise<ApprovalTaskRow | undefined> {
  return db('approval_tasks').where({ id }).first();
}

export async function setTaskStatus(db: DbOrTx, id: string, status: ApprovalTaskRow['status']): Promise<void> {
  await db('approval_tasks').where({ id }).update({ status, closed_at: status === 'pending' ? null : db.fn.now() });
}

/** The inbox: a staff member's pending tasks with what each asks, newest deadline last. */
export async function pendingTasksOf(db: DbOrTx, staffId: string) {
  return db('approval_tasks as t')
    .join('approval_requests as r', function () {
      this.on('r.workflow_id', 't.workflow_id').andOn('r.step', 't.step');
    })
    .where({ 't.staff_id': staffId, 't.status': 'pending', 'r.status': 'pending' })
    .select('t.id', 't.workflow_id', 't.step', 't.on_behalf_of_name', 'r.kind', 'r.title', 'r.details', 'r.requester_name', 'r.outcomes', 'r.deadline_at', 'r.opened_at')
    .orderBy('r.deadline_at');
}

/** Pending tasks a staff member can hand over to a delegate. */
export async function pendingTasksForHandOver(db: DbOrTx, staffId: string): Promise<ApprovalTaskRow[]> {
  return db('approval_tasks').where({ staff_id: staffId, status: 'pending' }).orderBy('created_at');
}
