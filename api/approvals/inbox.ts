import { findApprovalRequest, findTask, type InboxFilter, type InboxPosition, inboxCounts, inboxPage } from '../../db/approvals.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { Outcome } from '../../workflows/kit/approval/contract.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import type { StaffPrincipal } from '../staff/useCases.js';
import { createDecisionSender } from './decide.js';

export interface InboxDecision {
  outcome: Outcome;
  reason?: string | undefined;
  comment?: string | undefined;
}

export const inboxPageSize = { default: 50, max: 200 } as const;

const deadlinePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque `nextCursor`: the last item's (deadline to the microsecond, task id), base64url JSON. */
export function encodeInboxCursor(position: InboxPosition): string {
  return Buffer.from(JSON.stringify([position.deadlineAt, position.taskId])).toString('base64url');
}

/** The position a cursor names, or undefined for anything this API did not hand out. */
export function decodeInboxCursor(cursor: string): InboxPosition | undefined {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [deadlineAt, taskId] = value as unknown[];
  if (typeof deadlineAt !== 'string' || typeof taskId !== 'string' || !deadlinePattern.test(deadlineAt) || !uuidPattern.test(taskId))
    return undefined;
  // A real instant (no 31 February): the milliseconds part must read back the same.
  const millis = new Date(`${deadlineAt.slice(0, 23)}Z`);
  if (Number.isNaN(millis.getTime()) || millis.toISOString().slice(0, 23) !== deadlineAt.slice(0, 23)) return undefined;
  return { deadlineAt, taskId };
}

/** « Mes décisions en attente »: a staff member's pending tasks, one task, and bulk decisions. */
export function createInboxUseCases(deps: ApiDeps) {
  const { db } = deps;
  const sendDecision = createDecisionSender(deps);

  /** Only the task's own approver sees it: an id guessed from elsewhere is simply not found. */
  async function ownTask(me: StaffPrincipal, taskId: string) {
    const task = await findTask(db, taskId);
    if (!task || task.staff_id !== me.id) throw new AppError(ErrorKind.NotFound, msg('approval.taskNotFound'));
    const request = (await findApprovalRequest(db, task.workflow_id, task.step))!;
    return { task, request };
  }

  return {
    /** One page, soonest deadline first; `total` and `counts` cover all my pending tasks. */
    async pending(me: StaffPrincipal, page: { limit?: number | undefined; cursor?: string | undefined } = {}, filter: InboxFilter = {}) {
      const limit = page.limit ?? inboxPageSize.default;
      if (!Number.isInteger(limit) || limit < 1 || limit > inboxPageSize.max) {
        throw new AppError(ErrorKind.Validation, msg('http.invalidFields'), {
          limit: msg('approval.pageSize', { max: inboxPageSize.max }),
        });
      }
      const after = page.cursor === undefined ? undefined : decodeInboxCursor(page.cursor);
      if (page.cursor !== undefined && !after)
        throw new AppError(ErrorKind.Validation, msg('http.invalidFields'), { cursor: msg('approval.badCursor') });
      // One more row than asked says whether a next page exists. Page and counts read one snapshot
      // (repeatable read): run side by side on two connections, a task arriving in between was
      // counted in `total` but missing from the page.
      const { rows, counts } = await db.transaction(
        async (tx) => ({ rows: await inboxPage(tx, me.id, { limit: limit + 1, after, filter }), counts: await inboxCounts(tx, me.id) }),
        { isolationLevel: 'repeatable read', readOnly: true },
      );
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        total: Object.values(counts).reduce((sum, n) => sum + n, 0),
        counts,
        items: items.map((r) => ({
          taskId: r.id as string,
          workflowId: r.workflow_id as string,
          step: r.step as string,
          kind: r.kind as string,
          title: r.title as string,
          requester: r.requester_name as string,
          details: r.details as Record<string, string>,
          outcomes: r.outcomes as string[],
          onBehalfOf: (r.on_behalf_of_name as string | null) ?? null,
          openedAt: r.opened_at as Date,
          deadlineAt: r.deadline_at as Date,
        })),
        nextCursor:
          rows.length > limit && last ? encodeInboxCursor({ deadlineAt: last.deadline_key as string, taskId: last.id as string }) : null,
      };
    },

    /** The task and its request's row, for the task page (which adds the whole request from its kind's view). */
    ownTask,

    async one(me: StaffPrincipal, taskId: string) {
      const { task, request } = await ownTask(me, taskId);
      return {
        taskId: task.id,
        workflowId: task.workflow_id,
        step: task.step,
        taskStatus: task.status,
        kind: request.kind,
        title: request.title,
        requester: request.requester_name,
        details: request.details,
        outcomes: request.outcomes,
        onBehalfOf: task.on_behalf_of_name,
        status: request.status,
        outcome: request.outcome,
        decidedBy: request.decided_by_name,
        decidedAt: request.closed_at,
        deadlineAt: request.deadline_at,
      };
    },

    async decide(me: StaffPrincipal, taskId: string, decision: InboxDecision) {
      const { task } = await ownTask(me, taskId);
      const result = await sendDecision(task.workflow_id, {
        step: task.step,
        decider: { key: me.key, roles: me.roles },
        channel: 'inbox',
        outcome: decision.outcome,
        ...(decision.reason ? { reason: decision.reason } : {}),
        ...(decision.comment ? { comment: decision.comment } : {}),
      });
      return { taskId, outcome: result.outcome, decidedAt: new Date(result.at) };
    },

    /** Each item is decided on its own; one refusal (already decided, missing reason) never stops the others. */
    async bulk(me: StaffPrincipal, items: (InboxDecision & { taskId: string })[]) {
      const results = [];
      for (const item of items) {
        try {
          const done = await this.decide(me, item.taskId, item);
          results.push({ taskId: item.taskId, status: 200, outcome: done.outcome });
        } catch (error) {
          const { status, body } = toHttpError(error);
          results.push({ taskId: item.taskId, status, error: body.error, message: body.message });
        }
      }
      return { decided: results.filter((r) => r.status === 200).length, results };
    },
  };
}
