import { findApprovalRequest, findTask, pendingTasksOf } from '../../db/approvals.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import type { Outcome } from '../../workflows/approval/messages.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { createDecisionSender } from './approvalsDecide.js';
import type { StaffPrincipal } from './approvalsStaff.js';

export interface InboxDecision {
  outcome: Outcome;
  reason?: string | undefined;
  comment?: string | undefined;
}

/** « Mes décisions en attente »: a staff member's pending tasks, one task, and bulk decisions. */
export function createInboxUseCases(deps: ApiDeps) {
  const { db } = deps;
  const sendDecision = createDecisionSender(deps);

  /** Only the task's own approver sees it: an id guessed from elsewhere is simply not found. */
  async function ownTask(me: StaffPrincipal, taskId: string) {
    const task = await findTask(db, taskId);
    if (!task || task.staff_id !== me.id) throw new AppError(ErrorKind.NotFound, 'Décision introuvable.');
    const request = (await findApprovalRequest(db, task.workflow_id, task.step))!;
    return { task, request };
  }

  return {
    async pending(me: StaffPrincipal) {
      const rows = await pendingTasksOf(db, me.id);
      const counts: Record<string, number> = {};
      for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
      return {
        total: rows.length,
        counts,
        items: rows.map((r) => ({
          taskId: r.id as string,
          kind: r.kind as string,
          title: r.title as string,
          requester: r.requester_name as string,
          details: r.details as Record<string, string>,
          outcomes: r.outcomes as string[],
          onBehalfOf: (r.on_behalf_of_name as string | null) ?? null,
          openedAt: r.opened_at as Date,
          deadlineAt: r.deadline_at as Date,
        })),
      };
    },

    async one(me: StaffPrincipal, taskId: string) {
      const { task, request } = await ownTask(me, taskId);
      return {
        taskId: task.id,
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
        decider: { key: me.key, name: me.displayName, roles: me.roles },
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
