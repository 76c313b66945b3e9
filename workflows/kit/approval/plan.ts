import { parseDuration } from '../../../lib/duration.js';
import type { ApproverSelector, DecisionPlan } from './contract.js';

/** A decision plan turned into absolute instants (epoch ms) from the step's opening. */
export interface Timeline {
  deadlineAt: number;
  firstReminderAt: number;
  reminderEveryMs: number;
  escalations: { at: number; approvers: ApproverSelector[] }[];
}

function ms(text: string, field: string): number {
  const value = parseDuration(text);
  if (value === undefined || value <= 0) throw new TypeError(`decision plan: ${field} "${text}" is not a positive ISO 8601 duration`);
  return value;
}

/** Pure (no clock read): the workflow passes its own deterministic `Date.now()`. */
export function timelineOf(plan: DecisionPlan, openedAt: number): Timeline {
  return {
    deadlineAt: openedAt + ms(plan.deadline, 'deadline'),
    firstReminderAt: plan.remindAfter ? openedAt + ms(plan.remindAfter, 'remindAfter') : Infinity,
    reminderEveryMs: plan.remindEvery ? ms(plan.remindEvery, 'remindEvery') : Infinity,
    escalations: (plan.escalations ?? [])
      .map((e, i) => ({ at: openedAt + ms(e.after, `escalations.${i}.after`), approvers: e.approvers }))
      .sort((a, b) => a.at - b.at),
  };
}
