import { recordAudit } from '../../db/approvalAudit.js';
import { markDecidersLinksUsed } from '../../db/approvalLinks.js';
import { closeApprovalRequest, findApprovalRequest, setTaskStatus, tasksOfStep } from '../../db/approvals.js';
import { readFreeText } from '../../db/freeTexts.js';
import { decisionClosed } from '../../mail/templates/approvals/decisionClosed.js';
import { type DecisionResult, frenchDateTime, outcomeDoneLabels } from '../../workflows/kit/approval/contract.js';
import { type ActivityDeps, currentWorkflowId } from './context.js';
import { deliverOnce } from './mailing.js';
import { partyName } from './parties.js';

/** How a closed step is told to the approvers who did not decide. */
function whatHappened(result: DecisionResult, deciderName: string): string {
  const when = frenchDateTime(result.at);
  if (result.channel === 'requester') return `elle a été retirée par le demandeur ${when}`;
  if (result.channel === 'deadline')
    return `le délai de décision est dépassé (${when}), la demande a été ${outcomeDoneLabels[result.outcome]}`;
  return `elle a été ${outcomeDoneLabels[result.outcome]} par ${deciderName} ${when}`;
}

export function createApprovalClosingActivities(deps: ActivityDeps) {
  const { db } = deps;

  /**
   * The projection of a closed step, in one transaction: the request shows the outcome, tasks
   * leave the inboxes, the decider's links count as used, the audit records who decided what.
   */
  async function closeProjection(workflowId: string, step: string, result: DecisionResult) {
    const at = new Date(result.at);
    const status = result.outcome === 'withdrawn' ? 'withdrawn' : result.channel === 'deadline' ? 'expired' : 'decided';
    const tasks = await tasksOfStep(db, workflowId, step);
    // Names for the audit and the projection, read here: the workflow's result carries keys only.
    const decidedByName = await partyName(db, result.decidedBy.key);
    const onBehalfOfName = result.decidedBy.onBehalfOf ? await partyName(db, result.decidedBy.onBehalfOf) : undefined;
    // The reason and comment typed by the decider, by id in the result: the projection and the audit keep the texts.
    const reason = await readFreeText(db, result.reasonId);
    const comment = await readFreeText(db, result.commentId);
    await db.transaction(async (tx) => {
      await closeApprovalRequest(tx, {
        workflowId,
        step,
        status,
        outcome: result.outcome === 'expired' || result.outcome === 'withdrawn' ? null : result.outcome,
        decidedByKey: result.decidedBy.key,
        decidedByName,
        channel: result.channel,
        ...(reason ? { reason } : {}),
        ...(comment ? { comment } : {}),
        closedAt: at,
      });
      for (const task of tasks.filter((t) => t.status === 'pending'))
        await setTaskStatus(tx, task.id, task.approver_key === result.decidedBy.key ? 'decided' : 'closed');
      await markDecidersLinksUsed(tx, { workflowId, step, approverKey: result.decidedBy.key, at });
      await recordAudit(tx, {
        workflowId,
        entryKey: `${step}:closed`,
        step,
        event: status === 'decided' ? 'decided' : status,
        actorName: decidedByName,
        actorKey: result.decidedBy.key,
        ...(onBehalfOfName ? { onBehalfOfName } : {}),
        channel: result.channel,
        outcome: result.outcome,
        ...(reason ? { reason } : {}),
        ...(comment ? { comment } : {}),
        at,
      });
    });
    return { status };
  }

  /** Tells every approver whose task this closing closed (not the decider): one mail and one audit line each, once. */
  async function informOthers(workflowId: string, step: string, result: DecisionResult) {
    const request = await findApprovalRequest(db, workflowId, step);
    const what = whatHappened(result, await partyName(db, result.decidedBy.key));
    const others = (await tasksOfStep(db, workflowId, step)).filter(
      (t) => t.status === 'closed' && t.approver_key !== result.decidedBy.key,
    );
    for (const task of others) {
      const key = `${workflowId}:${step}:closed:${task.approver_key}`;
      await deliverOnce(deps, {
        key,
        template: 'decisionClosed',
        to: task.email,
        rendered: decisionClosed({ approverName: task.approver_name, title: request?.title ?? step, what }),
      });
      await recordAudit(db, {
        workflowId,
        entryKey: `${step}:informed:${task.approver_key}`,
        step,
        event: 'informed',
        actorName: task.approver_name,
        actorKey: task.approver_key,
        channel: 'mail',
        details: { what },
        at: new Date(),
      });
    }
  }

  return {
    /** The projection alone (a local activity): the decider's answer does not wait for any mail. */
    async closeDecisionProjection(input: { step: string; result: DecisionResult }) {
      return closeProjection(currentWorkflowId(), input.step, input.result);
    },

    /** The notices to the others (a regular activity: SMTP may be slow or down, it retries). */
    async informOthersOfClosing(input: { step: string; result: DecisionResult }) {
      await informOthers(currentWorkflowId(), input.step, input.result);
    },
  };
}
