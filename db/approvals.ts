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
  status: 'pending' | 'decided' | 'closed' | 'handed_over' | 'withdrawn';
  /** Copies of the request's (for the inbox's indexes): kind and deadline never change once the step opens. */
  kind: string;
  deadline_at: Date;
  /** The request's status, kept in step by `closeApprovalRequest`: the inbox shows only tasks of pending requests. */
  request_status: ApprovalRequestRow['status'];
  created_at: Date;
  closed_at: Date | null;
}

/** Upsert keyed by (workflow id, step): a retried activity lands on the same row. */
export async function openApprovalRequest(
  db: DbOrTx,
  r: {
    workflowId: string;
    step: string;
    kind: string;
    title: string;
    details: Record<string, string>;
    requesterKey: string;
    requesterName: string;
    outcomes: string[];
    deadlineAt: Date;
    openedAt: Date;
  },
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
  c: {
    workflowId: string;
    step: string;
    status: ApprovalRequestRow['status'];
    outcome: string | null;
    decidedByKey: string;
    decidedByName: string;
    channel: string;
    reason?: string;
    comment?: string;
    closedAt: Date;
  },
): Promise<void> {
  await db('approval_requests')
    .where({ workflow_id: c.workflowId, step: c.step })
    .update({
      status: c.status,
      outcome: c.outcome,
      decided_by_key: c.decidedByKey,
      decided_by_name: c.decidedByName,
      channel: c.channel,
      reason: c.reason ?? null,
      comment: c.comment ?? null,
      closed_at: c.closedAt,
    });
  // The inbox reads the tasks alone: their copy of the status follows (a task that stays
  // `pending` after its request closed leaves the inbox all the same).
  await db('approval_tasks').where({ workflow_id: c.workflowId, step: c.step }).update({ request_status: c.status });
}

/**
 * Upsert keyed by (workflow id, step, approver): asking twice never adds a second task. The task
 * copies its request's kind, deadline and status. The request row is read FOR SHARE, so a step that
 * is closing (`closeApprovalRequest` holds the row) is seen closed once it commits, and a task
 * inserted first is committed before the close updates the copies of its step's tasks.
 */
export async function upsertTask(
  db: DbOrTx,
  t: {
    workflowId: string;
    step: string;
    approverKey: string;
    staffId: string | null;
    email: string;
    approverName: string;
    onBehalfOf?: { key: string; name: string };
  },
): Promise<ApprovalTaskRow> {
  await db.raw(
    `INSERT INTO approval_tasks (workflow_id, step, approver_key, staff_id, email, approver_name, on_behalf_of_key, on_behalf_of_name, kind, deadline_at, request_status)
     SELECT r.workflow_id, r.step, ?::text, ?::uuid, ?::citext, ?::text, ?::text, ?::text, r.kind, r.deadline_at, r.status
       FROM approval_requests r WHERE r.workflow_id = ? AND r.step = ?
       FOR SHARE
     ON CONFLICT (workflow_id, step, approver_key) DO NOTHING`,
    [t.approverKey, t.staffId, t.email, t.approverName, t.onBehalfOf?.key ?? null, t.onBehalfOf?.name ?? null, t.workflowId, t.step],
  );
  const task: ApprovalTaskRow | undefined = await db('approval_tasks')
    .where({ workflow_id: t.workflowId, step: t.step, approver_key: t.approverKey })
    .first();
  // The request is always opened first (`openDecisionStep`); a retry finds it.
  if (!task) throw new Error(`no approval request ${t.workflowId} / ${t.step} to attach a task to`);
  return task;
}

export async function tasksOfStep(db: DbOrTx, workflowId: string, step: string): Promise<ApprovalTaskRow[]> {
  return db('approval_tasks').where({ workflow_id: workflowId, step }).orderBy('created_at');
}

export async function findTask(db: DbOrTx, id: string): Promise<ApprovalTaskRow | undefined> {
  return db('approval_tasks').where({ id }).first();
}

export async function setTaskStatus(db: DbOrTx, id: string, status: ApprovalTaskRow['status']): Promise<void> {
  await db('approval_tasks')
    .where({ id })
    .update({ status, closed_at: status === 'pending' ? null : db.fn.now() });
}

/** Where an inbox page starts: after this (deadline, task id), the deadline to the microsecond. */
export interface InboxPosition {
  deadlineAt: string;
  taskId: string;
}

/**
 * One page of the inbox: a staff member's pending tasks of pending requests, soonest deadline
 * first, keyset on (deadline, task id) along `approval_tasks_inbox`. Each row also carries its
 * position (`deadline_key`, ISO 8601 with microseconds) for the next page.
 */
export async function inboxPage(
  db: DbOrTx,
  staffId: string,
  page: { limit: number; after?: InboxPosition | undefined; filter?: InboxFilter | undefined },
) {
  const query = db('approval_tasks as t')
    .join('approval_requests as r', function () {
      this.on('r.workflow_id', 't.workflow_id').andOn('r.step', 't.step');
    })
    .where({ 't.staff_id': staffId, 't.status': 'pending', 't.request_status': 'pending' });
  // The filters narrow the same index range (staff, status, deadline): the keyset still holds.
  if (page.filter?.kind) query.where('t.kind', page.filter.kind);
  if (page.filter?.step) query.where('t.step', page.filter.step);
  if (page.filter?.deadlineBefore) query.where('t.deadline_at', '<', page.filter.deadlineBefore);
  if (page.after) query.whereRaw('(t.deadline_at, t.id) > (?::timestamptz, ?::uuid)', [page.after.deadlineAt, page.after.taskId]);
  return query
    .select(
      't.id',
      't.workflow_id',
      't.step',
      't.on_behalf_of_name',
      't.kind',
      't.deadline_at',
      'r.title',
      'r.details',
      'r.requester_name',
      'r.outcomes',
      'r.opened_at',
      db.raw(`to_char(t.deadline_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS deadline_key`),
    )
    .orderBy([{ column: 't.deadline_at' }, { column: 't.id' }])
    .limit(page.limit);
}

/** What the inbox can be narrowed to: one kind of request, one step, deadlines before an instant. */
export interface InboxFilter {
  kind?: string | undefined;
  step?: string | undefined;
  deadlineBefore?: Date | undefined;
}

/** The steps a staff member has pending tasks in (the inbox's step filter offers these). */
export async function inboxSteps(db: DbOrTx, staffId: string): Promise<string[]> {
  const rows: { step: string }[] = await db('approval_tasks')
    .where({ staff_id: staffId, status: 'pending', request_status: 'pending' })
    .distinct('step')
    .orderBy('step');
  return rows.map((r) => r.step);
}

/** Pending tasks of one request step (any approver): reassignment picks the one it moves. */
export async function pendingTasksOfStep(db: DbOrTx, workflowId: string, step: string): Promise<ApprovalTaskRow[]> {
  return db('approval_tasks').where({ workflow_id: workflowId, step, status: 'pending', request_status: 'pending' }).orderBy('created_at');
}

/** How many pending tasks of pending requests a staff member has, per kind (index-only on `approval_tasks_inbox_kind`). */
export async function inboxCounts(db: DbOrTx, staffId: string): Promise<Record<string, number>> {
  const rows: { kind: string; n: string | number }[] = await db('approval_tasks')
    .where({ staff_id: staffId, status: 'pending', request_status: 'pending' })
    .groupBy('kind')
    .select('kind')
    .count({ n: '*' });
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** The pending task of one approver leaves the inbox: they were taken off the step (deactivated, unreachable). */
export async function withdrawTask(db: DbOrTx, t: { workflowId: string; step: string; approverKey: string }): Promise<void> {
  await db('approval_tasks')
    .where({ workflow_id: t.workflowId, step: t.step, approver_key: t.approverKey, status: 'pending' })
    .update({ status: 'withdrawn', closed_at: db.fn.now() });
}

/** Pending tasks a staff member can hand over to a delegate. */
export async function pendingTasksForHandOver(db: DbOrTx, staffId: string): Promise<ApprovalTaskRow[]> {
  return db('approval_tasks').where({ staff_id: staffId, status: 'pending' }).orderBy('created_at');
}

/** Every open task of pending requests, soonest deadline first (the administrateur's reassignment list). */
export async function openTasks(db: DbOrTx, limit: number): Promise<(ApprovalTaskRow & { title: string })[]> {
  return db('approval_tasks as t')
    .join('approval_requests as r', function () {
      this.on('r.workflow_id', 't.workflow_id').andOn('r.step', 't.step');
    })
    .where({ 't.status': 'pending', 't.request_status': 'pending' })
    .whereNotNull('t.staff_id')
    .select('t.*', 'r.title')
    .orderBy([{ column: 't.deadline_at' }, { column: 't.id' }])
    .limit(limit);
}
