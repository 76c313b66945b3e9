import { ApplicationFailure } from '@temporalio/activity';
import { mailedApproverKeys, recordAudit } from '../../db/approvalAudit.js';
import { findDecisionLinkByIssueKey, issueDecisionLink } from '../../db/approvalLinks.js';
import { findApprovalRequest, openApprovalRequest, setTaskStatus, tasksOfStep, upsertTask, withdrawTask } from '../../db/approvals.js';
import { findExternalParty } from '../../db/externalParties.js';
import { findMail } from '../../db/mailLog.js';
import { ErrorKind } from '../../lib/errors.js';
import { hashToken, linkTokenFor } from '../../lib/secrets.js';
import { type DecisionMailReason, decisionRequested } from '../../mail/templates/approvals/decisionRequested.js';
import type { ApproverRemoval, ApproverSelector, AskOutcome, NotifiedApprover, Party } from '../../workflows/kit/approval/contract.js';
import { createApprovalClosingActivities } from './approvalsClosing.js';
import { type Approver, type Assignment, assign, externalApprover, resolveSelectors, staffApprover } from './approvalsResolve.js';
import { type ActivityDeps, currentWorkflowId } from './context.js';
import { describeDecision } from './describe.js';
import { externalApproverName } from './externalApproverNames.js';
import { deliverOnce } from './mailing.js';
import { partyName } from './parties.js';

interface StepRef {
  step: string;
  deadlineAt: number;
}

/**
 * The activities behind `requestDecision`: projections (request, tasks, audit) and the decision
 * mails. Each is idempotent (keyed by workflow id + step + round + approver), so a retry never
 * adds a task, an audit line or a second mail. Raw link tokens exist only inside `mailLink`.
 */
export function createActivities(deps: ActivityDeps) {
  const { db, config } = deps;

  /**
   * Issues (or, on a retry after the mail went out, finds) the approver's link, and mails it. A
   * permanent refusal of the address (5xx) is an answer, not an error: the step goes on without it.
   */
  async function mailLink(
    ref: StepRef,
    assignment: Assignment,
    round: string,
    reason: DecisionMailReason,
  ): Promise<'sent' | 'undeliverable'> {
    const workflowId = currentWorkflowId();
    const { approver, onBehalfOf } = assignment;
    const issueKey = `${workflowId}:${ref.step}:${round}:${approver.key}`;
    const mailed = await findMail(db, issueKey);
    if (mailed?.undeliverable_at) return 'undeliverable';
    if (mailed?.sent_at && (await findDecisionLinkByIssueKey(db, issueKey))) return 'sent';

    const request = await findApprovalRequest(db, workflowId, ref.step);
    if (!request) throw ApplicationFailure.nonRetryable(`no approval request for ${ref.step}`, ErrorKind.NotFound);
    const raw = linkTokenFor(config.secret, issueKey);
    await issueDecisionLink(db, {
      workflowId,
      step: ref.step,
      approverKey: approver.key,
      issueKey,
      tokenHash: hashToken(raw),
      expiresAt: new Date(ref.deadlineAt),
    });
    // An external approver is greeted by the name the request collected for them (not by address).
    const approverName =
      approver.staffId === null ? ((await externalApproverName(db, workflowId, approver.email)) ?? approver.name) : approver.name;
    const rendered = decisionRequested({
      approverName,
      kind: request.kind,
      reason,
      title: request.title,
      requesterName: request.requester_name,
      details: request.details,
      url: `${config.http.publicBaseUrl}/decisions/${raw}`,
      deadline: request.deadline_at,
      ...(onBehalfOf ? { onBehalfOf: onBehalfOf.name } : {}),
      hasInbox: approver.staffId !== null,
    });
    const delivery = await deliverOnce(deps, { key: issueKey, template: 'decisionRequested', to: approver.email, rendered });
    return delivery === 'undeliverable' ? 'undeliverable' : 'sent';
  }

  /** Addresses and names stay out of workflow history: the workflow passes keys, the activity finds the person. */
  async function approverByKey(key: string): Promise<Approver> {
    if (key.startsWith('email:')) return { key, name: key.slice('email:'.length), staffId: null, email: key.slice('email:'.length) };
    if (key.startsWith('party:')) {
      const party = await findExternalParty(db, key.slice('party:'.length));
      if (!party) throw ApplicationFailure.nonRetryable(`approver ${key} no longer exists`, ErrorKind.NotFound);
      return externalApprover(party);
    }
    const staff = await staffApprover(db, key.slice('staff:'.length));
    if (!staff) throw ApplicationFailure.nonRetryable(`approver ${key} no longer exists`, ErrorKind.NotFound);
    return staff;
  }

  async function ask(
    ref: StepRef,
    assignment: Assignment,
    round: string,
    reason: DecisionMailReason,
    at: Date,
  ): Promise<NotifiedApprover & { undeliverable: boolean }> {
    const workflowId = currentWorkflowId();
    const { approver, onBehalfOf } = assignment;
    await upsertTask(db, {
      workflowId,
      step: ref.step,
      approverKey: approver.key,
      staffId: approver.staffId,
      email: approver.email,
      approverName: approver.name,
      ...(onBehalfOf ? { onBehalfOf: { key: onBehalfOf.key, name: onBehalfOf.name } } : {}),
    });
    const delivery = await mailLink(ref, assignment, round, reason);
    if (delivery === 'undeliverable') {
      await recordAudit(db, {
        workflowId,
        entryKey: `${ref.step}:mail_undeliverable:${round}:${approver.key}`,
        step: ref.step,
        event: 'mail_undeliverable',
        actorName: approver.name,
        actorKey: approver.key,
        channel: 'mail',
        details: { round },
        at,
      });
    }
    await recordAudit(db, {
      workflowId,
      entryKey: `${ref.step}:${reason === 'reminder' ? 'reminded' : reason === 'handover' ? 'handed_over' : 'notified'}:${round}:${approver.key}`,
      step: ref.step,
      event: reason === 'reminder' ? 'reminded' : reason === 'handover' ? 'handed_over' : 'notified',
      actorName: approver.name,
      actorKey: approver.key,
      ...(onBehalfOf ? { onBehalfOfName: onBehalfOf.name } : {}),
      channel: 'mail',
      details: { round },
      at,
    });
    return {
      key: approver.key,
      ...(onBehalfOf ? { onBehalfOf: { key: onBehalfOf.key } } : {}),
      undeliverable: delivery === 'undeliverable',
    };
  }

  /** A notified approver without its delivery flag (what the workflow keeps). */
  const notifiedOf = ({ undeliverable: _u, ...approver }: NotifiedApprover & { undeliverable: boolean }): NotifiedApprover => approver;

  return {
    /** Projects the step (for the decision page and the inbox) and audits who asked. */
    async openDecisionStep(
      input: StepRef & {
        kind: string;
        subject: string;
        facts: Record<string, string>;
        requester: Party;
        outcomes: string[];
        openedAt: number;
      },
    ) {
      const workflowId = currentWorkflowId();
      // What people read is rendered here, from PostgreSQL: the workflow only knows the subject's id.
      const { title, details } = await describeDecision(db, {
        kind: input.kind,
        step: input.step,
        subject: input.subject,
        requesterKey: input.requester.key,
      });
      const requesterName = await partyName(db, input.requester.key);
      await openApprovalRequest(db, {
        workflowId,
        step: input.step,
        kind: input.kind,
        title,
        details: { ...details, ...input.facts },
        requesterKey: input.requester.key,
        requesterName,
        outcomes: input.outcomes,
        deadlineAt: new Date(input.deadlineAt),
        openedAt: new Date(input.openedAt),
      });
      await recordAudit(db, {
        workflowId,
        entryKey: `${input.step}:requested`,
        step: input.step,
        event: 'requested',
        actorName: requesterName,
        actorKey: input.requester.key,
        details: { title },
        at: new Date(input.openedAt),
      });
    },

    /**
     * Who the selectors name now (read only): four eyes excludes the requester, an absent
     * approver's task goes to their delegate, people already asked are skipped.
     */
    async resolveApprovers(input: {
      selectors: ApproverSelector[];
      requesterKey: string;
      alreadyNotified: string[];
      at: number;
    }): Promise<NotifiedApprover[]> {
      const at = new Date(input.at);
      const skip = new Set([input.requesterKey, ...input.alreadyNotified]);
      const approvers: NotifiedApprover[] = [];
      for (const person of await resolveSelectors(db, input.selectors)) {
        if (skip.has(person.key)) continue;
        const { approver, onBehalfOf } = await assign(db, person, at, input.requesterKey);
        if (skip.has(approver.key)) continue;
        skip.add(approver.key);
        approvers.push({ key: approver.key, ...(onBehalfOf ? { onBehalfOf: { key: onBehalfOf.key } } : {}) });
      }
      return approvers;
    },

    /**
     * Asks the resolved approvers (first round or an escalation that widens the set): task, link,
     * mail, audit. Says whose address refused the mail for good, and whether they have an inbox.
     */
    async askApprovers(
      input: StepRef & { round: string; approvers: NotifiedApprover[]; selectors: ApproverSelector[]; at: number },
    ): Promise<AskOutcome> {
      const undeliverable: AskOutcome['undeliverable'] = [];
      const at = new Date(input.at);
      if (input.round !== 'initial') {
        await recordAudit(db, {
          workflowId: currentWorkflowId(),
          entryKey: `${input.step}:escalated:${input.round}`,
          step: input.step,
          event: 'escalated',
          details: { round: input.round, approvers: input.selectors },
          at,
        });
      }
      for (const a of input.approvers) {
        const approver = await approverByKey(a.key);
        const onBehalfOf = a.onBehalfOf ? await approverByKey(a.onBehalfOf.key) : undefined;
        const asked = await ask(
          input,
          { approver, ...(onBehalfOf ? { onBehalfOf } : {}) },
          input.round,
          input.round === 'initial' ? 'new' : 'escalation',
          at,
        );
        if (asked.undeliverable) undeliverable.push({ key: approver.key, hasInbox: approver.staffId !== null });
      }
      return { undeliverable };
    },

    /** A fresh link to every approver whose task is still pending. */
    async remindApprovers(input: StepRef & { round: string; at: number; skipKeys?: string[] }): Promise<NotifiedApprover[]> {
      const skip = new Set(input.skipKeys ?? []);
      const asked = await mailedApproverKeys(db, currentWorkflowId(), input.step);
      // Only people who were mailed: a later level's task sits in the inbox unmailed until its escalation.
      const tasks = (await tasksOfStep(db, currentWorkflowId(), input.step)).filter(
        (t) => t.status === 'pending' && !skip.has(t.approver_key) && asked.has(t.approver_key),
      );
      const reminded: NotifiedApprover[] = [];
      for (const task of tasks) {
        const approver: Approver = { key: task.approver_key, name: task.approver_name, staffId: task.staff_id, email: task.email };
        const onBehalfOf = task.on_behalf_of_key
          ? { key: task.on_behalf_of_key, name: task.on_behalf_of_name ?? '', staffId: null, email: '' }
          : undefined;
        reminded.push(
          notifiedOf(await ask(input, { approver, ...(onBehalfOf ? { onBehalfOf } : {}) }, input.round, 'reminder', new Date(input.at))),
        );
      }
      return reminded;
    },

    /**
     * A local activity: tasks in the inbox of people who may already decide but are not mailed yet
     * (the plan's later levels, `laterLevelsMayDecide`). No link, no mail; the audit says they can see it.
     */
    async openInboxTasks(input: StepRef & { approvers: NotifiedApprover[] }): Promise<void> {
      const workflowId = currentWorkflowId();
      for (const a of input.approvers) {
        const approver = await approverByKey(a.key);
        if (approver.staffId === null) continue;
        const onBehalfOf = a.onBehalfOf ? await approverByKey(a.onBehalfOf.key) : undefined;
        await upsertTask(db, {
          workflowId,
          step: input.step,
          approverKey: approver.key,
          staffId: approver.staffId,
          email: approver.email,
          approverName: approver.name,
          ...(onBehalfOf ? { onBehalfOf } : {}),
        });
      }
    },

    /** Hands a pending task over to a delegate: a new task and link for them, both names in the audit. */
    async handOverApprovalTask(input: StepRef & { fromKey: string; toStaffId: string; at: number }): Promise<NotifiedApprover> {
      const workflowId = currentWorkflowId();
      const from = (await tasksOfStep(db, workflowId, input.step)).find((t) => t.approver_key === input.fromKey);
      const delegate = await staffApprover(db, input.toStaffId);
      if (!from || !delegate) throw ApplicationFailure.nonRetryable('nothing to hand over', ErrorKind.NotFound);
      const onBehalfOf: Approver = { key: from.approver_key, name: from.approver_name, staffId: from.staff_id, email: from.email };
      const handed = await ask(input, { approver: delegate, onBehalfOf }, `handover-${from.approver_key}`, 'handover', new Date(input.at));
      await setTaskStatus(db, from.id, 'handed_over');
      return notifiedOf(handed);
    },

    /**
     * Moves a pending task to another member of staff (an administrateur's reassignment): a task,
     * link and mail for them in their own name; the former task is closed as handed over.
     */
    async reassignApprovalTask(input: StepRef & { fromKey: string; toStaffId: string; at: number }): Promise<NotifiedApprover> {
      const workflowId = currentWorkflowId();
      const from = (await tasksOfStep(db, workflowId, input.step)).find((t) => t.approver_key === input.fromKey);
      const to = await staffApprover(db, input.toStaffId);
      if (!from || !to) throw ApplicationFailure.nonRetryable('nothing to reassign', ErrorKind.NotFound);
      const asked = await ask(input, { approver: to }, `reassign-${from.approver_key}`, 'new', new Date(input.at));
      await setTaskStatus(db, from.id, 'handed_over');
      return notifiedOf(asked);
    },

    /** A local activity: the approver's task leaves the inbox, the audit says why. */
    async withdrawApproverTask(input: StepRef & { approverKey: string; reason: ApproverRemoval; at: number }): Promise<void> {
      const workflowId = currentWorkflowId();
      const task = (await tasksOfStep(db, workflowId, input.step)).find((t) => t.approver_key === input.approverKey);
      await db.transaction(async (tx) => {
        await withdrawTask(tx, { workflowId, step: input.step, approverKey: input.approverKey });
        await recordAudit(tx, {
          workflowId,
          entryKey: `${input.step}:removed:${input.approverKey}`,
          step: input.step,
          event: 'removed',
          actorName: task?.approver_name ?? input.approverKey,
          actorKey: input.approverKey,
          details: { reason: input.reason },
          at: new Date(input.at),
        });
      });
    },

    ...createApprovalClosingActivities(deps),
  };
}

export type ApprovalActivities = ReturnType<typeof createActivities>;
