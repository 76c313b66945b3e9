import {
  ApplicationFailure,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { ApprovalActivities as Activities } from '../../../activities/kit/approvals.js';
import { ErrorKind, type RefusalOptions, refusalOptions } from '../../../lib/errors.js';
import { type MessageRef, msg } from '../../../lib/i18n/index.js';
import { defaultActivityOptions, localProjectionActivityOptions } from '../activityOptions.js';
import { MailUndeliverable } from '../searchAttributes.js';
import { coveredByParty, coveredByRole } from './authority.js';
import {
  type ApprovalHistoryEntry,
  type ApprovalStepState,
  type ApproverRemoval,
  type ApproverSelector,
  type AskOutcome,
  approvalStateQuery,
  type DecideInput,
  type DecisionRequest,
  type DecisionResult,
  decideUpdate,
  handOverUpdate,
  type NotifiedApprover,
  reassignUpdate,
  removeApproverUpdate,
  withdrawUpdate,
} from './contract.js';
import { timelineOf } from './plan.js';

const approvals = proxyActivities<Activities>(defaultActivityOptions);
/**
 * Opening, resolving and closing a step are projection work of a few milliseconds: they run as
 * local activities. Mails, including the notices of a closed step, stay in regular activities.
 */
const projections = proxyLocalActivities<Activities>(localProjectionActivityOptions);

/** A refusal the API shows in the requester's language (catalogue key in the details, French message). */
const fail = (type: ErrorKind, text: MessageRef, options?: RefusalOptions) =>
  ApplicationFailure.create({ type, ...refusalOptions(text, options) });

/**
 * Asks people for a decision and waits for it: the reusable step every lifecycle calls.
 *
 * The approvers (an any-of set of roles with scopes and external addresses) are mailed a decision
 * link and see the task in their inbox; the first valid decision wins. Reminders, escalations and
 * the final deadline follow `request.plan`. Decisions and withdrawal arrive as Updates whose
 * validators refuse synchronously (nothing enters history) what is already decided, expired,
 * self-decided (four eyes) or from someone not allowed.
 */
/**
 * Lets the calling lifecycle end a pending decision from its own handlers: a withdrawal that the
 * person makes at any step of the lifecycle lands here as « withdrawn » while a decision is open.
 */
export interface DecisionControl {
  withdrawal(): { reasonId?: string } | undefined;
}

export async function requestDecision(request: DecisionRequest, control?: DecisionControl): Promise<DecisionResult> {
  const openedAt = Date.now();
  const timeline = timelineOf(request.plan, openedAt);
  const selectors = [...request.approvers];
  /** Later levels allowed from the start (their task is in their inbox; they are mailed at their escalation). */
  const early = request.laterLevelsMayDecide ? timeline.escalations.flatMap((e) => e.approvers) : [];
  const notified = new Map<string, NotifiedApprover>();
  const history: ApprovalHistoryEntry[] = [];
  let result: DecisionResult | undefined;
  let closed = false;
  let escalationLevel = 0;
  let remindersSent = 0;
  const base = { step: request.step, deadlineAt: timeline.deadlineAt };
  /** Approvers to take off (deactivated, or unreachable without an inbox), handled by the main loop. */
  const removals: { key: string; reason: ApproverRemoval }[] = [];
  /** Approvers taken off: never asked again in this step. */
  const removed = new Set<string>();
  let replacements = 0;

  const remember = (approvers: NotifiedApprover[], event: ApprovalHistoryEntry['event']) => {
    for (const a of approvers) {
      notified.set(a.key, a);
      history.push({ at: Date.now(), event, by: a.key, ...(a.onBehalfOf ? { detail: `pour ${a.onBehalfOf.key}` } : {}) });
    }
  };

  /** Authorise first, then invite: the people are allowed before their mails leave. */
  const ask = async (round: string, newSelectors: typeof selectors, at: number): Promise<string[]> => {
    const approvers = await projections.resolveApprovers({
      selectors: newSelectors,
      requesterKey: request.requester.key,
      alreadyNotified: [...notified.keys(), ...removed],
      at,
    });
    remember(approvers, 'notified');
    const asked: AskOutcome | undefined = await approvals.askApprovers({ ...base, round, approvers, selectors: newSelectors, at });
    noteUndeliverable(asked?.undeliverable ?? [], at);
    return approvers.map((a) => a.key);
  };

  /**
   * A permanent SMTP refusal (5xx) is not retried for ever: operators see it (search attribute,
   * history, audit), a member of staff still has the task in their inbox, and an external
   * approver, who has nothing else, is taken off so that the step asks someone else.
   */
  const noteUndeliverable = (refused: AskOutcome['undeliverable'], at: number) => {
    if (!refused.length) return;
    upsertSearchAttributes([{ key: MailUndeliverable, value: true }]);
    for (const approver of refused) {
      history.push({ at, event: 'mail_undeliverable', by: approver.key });
      if (!approver.hasInbox) removals.push({ key: approver.key, reason: 'undeliverable' });
    }
  };

  /** The next planned escalation now; when none is left, the administrateurs, so that someone is always asked. */
  const escalateNow = async (at: number) => {
    const next = timeline.escalations[escalationLevel];
    if (next) {
      escalationLevel += 1;
      selectors.push(...next.approvers);
      history.push({ at, event: 'escalated', detail: `niveau ${escalationLevel}` });
      await ask(`escalation-${escalationLevel}`, next.approvers, at);
      return;
    }
    const administrateurs: ApproverSelector = { role: 'administrateur' };
    if (selectors.some((s) => 'role' in s && s.role === 'administrateur')) return;
    selectors.push(administrateurs);
    history.push({ at, event: 'escalated', detail: 'administrateurs' });
    await ask(`replacement-${++replacements}`, [administrateurs], at);
  };

  /**
   * Approvers taken off the step: their task leaves the inbox and their link stops working; the
   * selectors are resolved again (someone holding the role since is asked), and when nobody is
   * left the step escalates at once.
   */
  const takeOff = async (list: { key: string; reason: ApproverRemoval }[], at: number) => {
    for (const { key, reason } of list) {
      const approver = notified.get(key);
      if (!approver || removed.has(key)) continue;
      notified.delete(key);
      removed.add(key);
      history.push({ at, event: 'removed', by: approver.key, detail: reason });
      await projections.withdrawApproverTask({ ...base, approverKey: key, reason, at });
    }
    await ask(`replacement-${++replacements}`, selectors, at);
    while (notified.size === 0 && !result) {
      const before = escalationLevel + selectors.length;
      await escalateNow(at);
      if (escalationLevel + selectors.length === before) break;
    }
  };

  /**
   * Says who already decided and when: the « already decided » answer must say it. The decider is
   * a key (`byKey`): the API puts the name in before the message is rendered (api/errors.ts).
   */
  const refuseIfSettled = () => {
    if (!result) return;
    const extra = { outcome: result.outcome, decidedBy: result.decidedBy.key, decidedAt: new Date(result.at).toISOString() };
    const { outcome, at } = result;
    if (result.channel === 'deadline')
      throw fail(ErrorKind.Expired, msg('approval.alreadySettled', { outcome, at, deadline: true }), { extra });
    const by = result.channel === 'requester' ? undefined : result.decidedBy.key;
    throw fail(ErrorKind.AlreadyDone, msg('approval.alreadySettled', { outcome, by, at }), { extra });
  };

  const validateDecision = (input: DecideInput) => {
    refuseIfSettled();
    if (input.step !== request.step) throw fail(ErrorKind.Expired, msg('approval.stepOver'));
    if (Date.now() >= timeline.deadlineAt) throw fail(ErrorKind.Expired, msg('approval.deadlinePassed'));
    if (input.decider.key === request.requester.key) throw fail(ErrorKind.Forbidden, msg('approval.ownRequest'));
    const approver = notified.get(input.decider.key);
    if (input.channel === 'link' && !approver) throw fail(ErrorKind.Forbidden, msg('approval.linkNotYours'));
    const allowed = [...selectors, ...early];
    if (!approver && !coveredByRole(input.decider, allowed) && !coveredByParty(input.decider.key, allowed)) {
      throw fail(ErrorKind.Forbidden, msg('approval.notAnApprover'));
    }
    if (!request.outcomes.includes(input.outcome)) throw fail(ErrorKind.Validation, msg('approval.outcomeNotAllowed'));
    if (input.outcome === 'refuse' && !input.reasonId)
      throw fail(ErrorKind.Validation, msg('approval.reasonRequired'), { field: 'reason' });
    if (input.outcome === 'request_changes' && !input.commentId)
      throw fail(ErrorKind.Validation, msg('approval.commentRequired'), { field: 'comment' });
  };

  setHandler(
    decideUpdate,
    async (input) => {
      const approver = notified.get(input.decider.key);
      result = {
        step: request.step,
        outcome: input.outcome,
        decidedBy: {
          key: input.decider.key,
          ...(approver?.onBehalfOf ? { onBehalfOf: approver.onBehalfOf.key } : {}),
        },
        channel: input.channel,
        ...(input.reasonId ? { reasonId: input.reasonId } : {}),
        ...(input.commentId ? { commentId: input.commentId } : {}),
        at: Date.now(),
      };
      // Answer once the projections say so, so the link page shows the decision straight away.
      await condition(() => closed);
      return result;
    },
    { validator: validateDecision },
  );

  setHandler(
    withdrawUpdate,
    async (input) => {
      result = {
        step: request.step,
        outcome: 'withdrawn',
        decidedBy: { key: request.requester.key },
        channel: 'requester',
        ...(input.reasonId ? { reasonId: input.reasonId } : {}),
        at: Date.now(),
      };
      await condition(() => closed);
      return result;
    },
    {
      validator: (input) => {
        refuseIfSettled();
        if (input.requesterKey !== request.requester.key) throw fail(ErrorKind.Forbidden, msg('approval.onlyRequesterWithdraws'));
      },
    },
  );

  setHandler(
    handOverUpdate,
    async (input) => {
      const from = notified.get(input.fromKey)!;
      // Allowed at once (before the mail leaves).
      notified.set(`staff:${input.toStaffId}`, { key: `staff:${input.toStaffId}`, onBehalfOf: { key: from.key } });
      const delegate = await approvals.handOverApprovalTask({
        ...base,
        fromKey: input.fromKey,
        toStaffId: input.toStaffId,
        at: Date.now(),
      });
      remember([delegate], 'handed_over');
      return delegate;
    },
    {
      validator: (input) => {
        refuseIfSettled();
        if (input.step !== request.step || !notified.has(input.fromKey)) throw fail(ErrorKind.NotFound, msg('approval.nothingToHandOver'));
        if (`staff:${input.toStaffId}` === request.requester.key) throw fail(ErrorKind.Forbidden, msg('approval.requesterCannotReceive'));
      },
    },
  );

  setHandler(
    reassignUpdate,
    async (input) => {
      const to = `staff:${input.toStaffId}`;
      // Allowed at once (before the mail leaves); the former approver can no longer decide.
      notified.delete(input.fromKey);
      removed.add(input.fromKey);
      notified.set(to, { key: to });
      const approver = await approvals.reassignApprovalTask({
        ...base,
        fromKey: input.fromKey,
        toStaffId: input.toStaffId,
        at: Date.now(),
      });
      remember([approver], 'reassigned');
      return approver;
    },
    {
      validator: (input) => {
        refuseIfSettled();
        if (input.step !== request.step || !notified.has(input.fromKey)) throw fail(ErrorKind.NotFound, msg('approval.nothingToHandOver'));
        if (`staff:${input.toStaffId}` === request.requester.key) throw fail(ErrorKind.Forbidden, msg('approval.requesterCannotReceive'));
        if (`staff:${input.toStaffId}` === input.fromKey || notified.has(`staff:${input.toStaffId}`))
          throw fail(ErrorKind.Conflict, msg('admin.alreadyAsked'));
      },
    },
  );

  setHandler(
    removeApproverUpdate,
    async (input) => {
      removals.push({ key: input.approverKey, reason: input.reason });
      // The main loop takes them off and asks the others; answer once it has.
      await condition(() => removed.has(input.approverKey) || result !== undefined);
      return { removed: removed.has(input.approverKey), remaining: notified.size };
    },
    {
      validator: (input) => {
        refuseIfSettled();
        if (input.step !== request.step || !notified.has(input.approverKey))
          throw fail(ErrorKind.NotFound, msg('approval.nothingToHandOver'));
      },
    },
  );

  setHandler(
    approvalStateQuery,
    (): ApprovalStepState => ({
      step: request.step,
      kind: request.kind,
      subject: request.subject,
      status: !result ? 'pending' : result.outcome === 'withdrawn' ? 'withdrawn' : result.channel === 'deadline' ? 'expired' : 'decided',
      outcomes: request.outcomes,
      requester: request.requester,
      deadlineAt: timeline.deadlineAt,
      approvers: selectors,
      notified: [...notified.values()].map((a) => ({ key: a.key, ...(a.onBehalfOf ? { onBehalfOf: a.onBehalfOf.key } : {}) })),
      escalationLevel,
      remindersSent,
      ...(result ? { result } : {}),
      history,
    }),
  );

  // 1. The request is recorded and every approver is asked (by mail and in their inbox).
  await projections.openDecisionStep({
    ...base,
    kind: request.kind,
    subject: request.subject,
    facts: request.facts ?? {},
    requester: request.requester,
    outcomes: request.outcomes,
    openedAt,
  });
  history.push({ at: openedAt, event: 'requested', by: request.requester.key });
  await ask('initial', selectors, Date.now());
  if (early.length) {
    // The later levels see the task in their inbox now; the plan decides when they are mailed.
    const later = await projections.resolveApprovers({
      selectors: early,
      requesterKey: request.requester.key,
      alreadyNotified: [...notified.keys()],
      at: Date.now(),
    });
    await projections.openInboxTasks({ ...base, approvers: later });
  }

  // 2. Wait for a decision or a withdrawal; meanwhile remind, escalate, and stop at the deadline.
  let nextReminderAt = timeline.firstReminderAt;
  for (;;) {
    const nextEscalation = timeline.escalations[escalationLevel];
    const wakeAt = Math.min(timeline.deadlineAt, nextReminderAt, nextEscalation?.at ?? Infinity);
    const settledOrWithdrawn = () => result !== undefined || control?.withdrawal() !== undefined;
    await condition(() => settledOrWithdrawn() || removals.length > 0, Math.max(1, wakeAt - Date.now()));
    if (settledOrWithdrawn()) {
      const withdrawal = control?.withdrawal();
      if (!result && withdrawal) {
        result = {
          step: request.step,
          outcome: 'withdrawn',
          decidedBy: { key: request.requester.key },
          channel: 'requester',
          ...(withdrawal.reasonId ? { reasonId: withdrawal.reasonId } : {}),
          at: Date.now(),
        };
      }
      break;
    }
    if (removals.length > 0) {
      await takeOff(removals.splice(0), Date.now());
      continue;
    }
    const now = Date.now();
    if (now >= timeline.deadlineAt) {
      const outcome = request.plan.onDeadline === 'expire' ? 'expired' : request.plan.onDeadline;
      result = { step: request.step, outcome, decidedBy: { key: 'system' }, channel: 'deadline', at: now };
      break;
    }
    // People asked by an escalation at this instant have just had their mail: no reminder on top of it.
    let justAsked: string[] = [];
    if (nextEscalation && now >= nextEscalation.at) {
      escalationLevel += 1;
      selectors.push(...nextEscalation.approvers);
      history.push({ at: now, event: 'escalated', detail: `niveau ${escalationLevel}` });
      justAsked = await ask(`escalation-${escalationLevel}`, nextEscalation.approvers, now);
    }
    if (now >= nextReminderAt) {
      remindersSent += 1;
      const reminded = await approvals.remindApprovers({
        ...base,
        round: `reminder-${remindersSent}`,
        at: now,
        ...(justAsked.length ? { skipKeys: justAsked } : {}),
      });
      history.push(...reminded.map((a) => ({ at: now, event: 'reminded' as const, by: a.key })));
      nextReminderAt += timeline.reminderEveryMs;
    }
  }

  // 3. Close: tasks leave the inboxes, the others are told, the audit records the outcome.
  const settled = result as DecisionResult;
  history.push({
    at: settled.at,
    event: settled.outcome === 'withdrawn' ? 'withdrawn' : settled.channel === 'deadline' ? 'expired' : 'decided',
    by: settled.decidedBy.key,
    detail: settled.outcome,
  });
  // The decider's answer (the Update waits for `closed`) does not wait for the others' mails.
  await projections.closeDecisionProjection({ ...base, result: settled });
  closed = true;
  // Only when someone asked did not decide: a lone approver's step moves on at once.
  if ([...notified.keys()].some((key) => key !== settled.decidedBy.key))
    await approvals.informOthersOfClosing({ ...base, result: settled });
  return settled;
}
