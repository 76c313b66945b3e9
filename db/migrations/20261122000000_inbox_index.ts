import type { Knex } from 'knex';

/**
 * The inbox (« mes décisions en attente ») reads one page at a time, by deadline, with counts per
 * kind over all of a staff member's pending tasks; an administrateur can hold thousands of them
 * among hundreds of thousands. Each task row now carries copies of its request's `kind`,
 * `deadline_at` (both fixed when the step opens) and `status` (a task can stay `pending` while its
 * request is closed, e.g. a hand-over that lands as the step closes: such a task is not in the
 * inbox), so page and counts are read from partial indexes of the tasks alone.
 * Written by `upsertTask` (copied from the request) and `closeApprovalRequest` (status).
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE approval_tasks ADD COLUMN kind text, ADD COLUMN deadline_at timestamptz, ADD COLUMN request_status text');
  await db.raw(`UPDATE approval_tasks t SET kind = r.kind, deadline_at = r.deadline_at, request_status = r.status
    FROM approval_requests r WHERE r.workflow_id = t.workflow_id AND r.step = t.step`);
  // A task is always written after its request; should one have none, the inbox (inner join) never showed it.
  await db.raw(`UPDATE approval_tasks SET kind = '', deadline_at = created_at, request_status = 'expired' WHERE kind IS NULL`);
  await db.raw(
    'ALTER TABLE approval_tasks ALTER COLUMN kind SET NOT NULL, ALTER COLUMN deadline_at SET NOT NULL, ALTER COLUMN request_status SET NOT NULL',
  );
  await db.raw(`ALTER TABLE approval_tasks ADD CONSTRAINT approval_tasks_request_status_check
    CHECK (request_status IN ('pending', 'decided', 'withdrawn', 'expired'))`);
  // A page: keyset on (deadline, id) over my pending tasks of pending requests.
  await db.raw(
    `CREATE INDEX approval_tasks_inbox ON approval_tasks (staff_id, deadline_at, id) WHERE status = 'pending' AND request_status = 'pending'`,
  );
  // The total and the counts per kind (index-only).
  await db.raw(
    `CREATE INDEX approval_tasks_inbox_kind ON approval_tasks (staff_id, kind) WHERE status = 'pending' AND request_status = 'pending'`,
  );
}
