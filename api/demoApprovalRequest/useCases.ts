import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { approvalRequestsOf } from '../../db/approvals.js';
import type { DbOrTx } from '../../db/connection.js';
import { externalPartyFor } from '../../db/externalParties.js';
import { storeOptionalText } from '../../db/freeTexts.js';
import type { Session } from '../../db/sessions.js';
import { parseDuration } from '../../lib/duration.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { type MessageRef, msg } from '../../lib/i18n/index.js';
import {
  type DemoApprovalRequestInput,
  demoApprovalRequestKind,
  demoApprovalRequestWorkflowId,
} from '../../workflows/demoApprovalRequest/contract.js';
import type { demoApprovalRequest } from '../../workflows/demoApprovalRequest/demoApprovalRequest.js';
import { type ApproverSelector, approvalStateQuery, type Party, withdrawUpdate } from '../../workflows/kit/approval/contract.js';
import { settledError } from '../approvals/decide.js';
import type { demoRequestBody } from '../approvals/schemas.js';
import type { ApiDeps } from '../deps.js';
import { startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';

/**
 * Reminders never come more often than DECISION_REMINDER_MIN_INTERVAL (hours in production): a
 * plan is data a requester writes, and a reminder is a mail to every pending approver.
 */
function checkReminderFloor(steps: { plan: { remindAfter?: string; remindEvery?: string } }[], floorMs: number): void {
  const fields: Record<string, MessageRef> = {};
  const minimum = `${Math.round(floorMs / 1000)} s`;
  steps.forEach((step, index) => {
    for (const name of ['remindAfter', 'remindEvery'] as const) {
      const value = step.plan[name];
      if (value !== undefined && (parseDuration(value) ?? 0) < floorMs)
        fields[`steps.${index}.plan.${name}`] = msg('security.reminderTooFrequent', { minimum });
    }
  });
  if (Object.keys(fields).length) throw new AppError(ErrorKind.Validation, msg('http.invalidFields'), fields);
}

type DemoRequestBody = z.infer<typeof demoRequestBody>;
type ApiSelector = DemoRequestBody['steps'][number]['approvers'][number];

/** The demonstration lifecycle (outside production): a member of staff submits a request through a chain of decision steps. */
export function createDemoApprovalUseCases(deps: ApiDeps) {
  const { db, temporal, config } = deps;
  const allowMails = createMailQuota(deps);

  /** The requester by key only: names are read from PostgreSQL when shown (issue 13). */
  function requesterOf(session: Session): Party {
    return { key: `${session.principal_kind}:${session.principal_id}` };
  }

  /** An address typed as an approver becomes an external party: the workflow names it `party:<id>`. */
  async function selectorsOf(db: DbOrTx, selectors: ApiSelector[]): Promise<ApproverSelector[]> {
    const out: ApproverSelector[] = [];
    for (const s of selectors) out.push('email' in s ? { party: await externalPartyFor(db, s.email) } : s);
    return out;
  }

  /** The requester's own request, or not found (no id guessing). */
  async function ownRequest(session: Session, requestId: string) {
    const workflowId = demoApprovalRequestWorkflowId(requestId);
    const steps = await approvalRequestsOf(db, workflowId);
    if (!steps.length || steps[0]!.requester_key !== `${session.principal_kind}:${session.principal_id}`)
      throw new AppError(ErrorKind.NotFound, msg('approval.requestNotFound'));
    return { workflowId, steps };
  }

  return {
    async submit(session: Session, input: DemoRequestBody) {
      checkReminderFloor(input.steps, config.security.reminderFloorMs);
      const addresses = input.steps.flatMap((step) => [...step.approvers, ...(step.plan.escalations ?? []).flatMap((e) => e.approvers)]);
      await allowMails({
        recipients: addresses.flatMap((a) => ('email' in a ? [a.email] : [])),
        user: `${session.principal_kind}:${session.principal_id}`,
      });
      const requestId = randomUUID();
      const workflowId = demoApprovalRequestWorkflowId(requestId);
      // The typed title and details, and the approvers' addresses, stay in PostgreSQL.
      await db('demo_approval_requests').insert({ id: requestId, title: input.title, details: JSON.stringify(input.details ?? {}) });
      const steps: DemoApprovalRequestInput['steps'] = [];
      for (const step of input.steps) {
        const { escalations, ...plan } = step.plan;
        steps.push({
          step: step.step,
          outcomes: step.outcomes,
          approvers: await selectorsOf(db, step.approvers),
          plan: {
            ...plan,
            ...(escalations
              ? {
                  escalations: await Promise.all(
                    escalations.map(async (e) => ({ after: e.after, approvers: await selectorsOf(db, e.approvers) })),
                  ),
                }
              : {}),
          },
        });
      }
      await startLifecycle<typeof demoApprovalRequest>(temporal, config.temporal.taskQueue, {
        workflowType: 'demoApprovalRequest',
        workflowId,
        input: { steps, requestId, requester: requesterOf(session) },
        kind: demoApprovalRequestKind,
        subjectId: requestId,
        summary: `Demande de démonstration : ${input.steps.length} étape(s) de décision`,
      });
      return { requestId, workflowId };
    },

    /** The lifecycle's own view (live query) beside the projection of every step. */
    async state(session: Session, requestId: string) {
      const { workflowId, steps } = await ownRequest(session, requestId);
      const current = await temporal.workflow
        .getHandle(workflowId)
        .query(approvalStateQuery)
        .catch(() => null);
      return {
        requestId,
        workflowId,
        current,
        steps: steps.map((s) => ({
          step: s.step,
          status: s.status,
          outcome: s.outcome,
          decidedBy: s.decided_by_name,
          decidedAt: s.closed_at,
          reason: s.reason,
          comment: s.comment,
        })),
      };
    },

    /** Withdrawal at any non-final step: pending tasks are cancelled and the approvers told. */
    async withdraw(session: Session, requestId: string, reason?: string) {
      const { workflowId, steps } = await ownRequest(session, requestId);
      const open = steps.find((s) => s.status === 'pending');
      if (!open) throw settledError(steps.at(-1)!);
      // A refusal (already decided meanwhile) is answered by api/errors.ts, in the requester's language.
      // The reason stays in PostgreSQL; the Update (kept in the history) carries its id (issue 13).
      const reasonId = await storeOptionalText(db, reason);
      const result = await temporal.workflow.getHandle(workflowId).executeUpdate(withdrawUpdate, {
        args: [{ requesterKey: `${session.principal_kind}:${session.principal_id}`, ...(reasonId ? { reasonId } : {}) }],
      });
      return { requestId, outcome: result.outcome, at: new Date(result.at) };
    },
  };
}
