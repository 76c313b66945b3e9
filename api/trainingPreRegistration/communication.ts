/**
 * Seed 004: « La décision est communiquée environ un mois avant l'action ». Until then the
 * applicant sees their request « en cours d'analyse » (`under_review`), whatever the chargé de
 * projet decided: the decision (validated, refused, waiting list) and who took it appear once it
 * is communicated — by the decision mail (`*_communicated`), or by a freed seat offered before that
 * date. A supervisor's refusal is told at once: it comes before the chargé de projet's step.
 */
const heldBack = new Set(['accepted', 'refused', 'waitlisted']);
const communicated = (status: string) => status.endsWith('_communicated') || status === 'seat_offered';

/**
 * Whether the chargé de projet's decision is still to be communicated: its communication instant
 * (the session's start minus `TRAINING_DECISION_NOTICE`, as the workflow plans it) is ahead and no
 * event says it was told otherwise. `events`: the request's lifecycle events, oldest first.
 */
export function decisionNotYetCommunicated(events: readonly { status: string }[], communicationAt: number, now = Date.now()): boolean {
  if (now >= communicationAt) return false;
  const asked = events.findIndex((e) => e.status === 'awaiting_project_manager');
  if (asked < 0) return false;
  const after = events.slice(asked + 1);
  return after.some((e) => heldBack.has(e.status)) && !after.some((e) => communicated(e.status));
}

/** The communication instant of a session starting on `startsOn` (YYYY-MM-DD), as the workflow computes it. */
export const communicationAtOf = (startsOn: string, decisionNoticeMs: number) => Date.parse(`${startsOn}T00:00:00Z`) - decisionNoticeMs;

/** The status the applicant may see now. */
export function statusForApplicant(status: string, events: readonly { status: string }[], communicationAt: number): string {
  return heldBack.has(status) && decisionNotYetCommunicated(events, communicationAt) ? 'under_review' : status;
}

/** The history the applicant may see now: the held-back decision reads « en cours d'analyse », without who or why. */
export function historyForApplicant<E extends { status: string; at: Date; details: Record<string, unknown> }>(
  events: E[],
  communicationAt: number,
): E[] {
  if (!decisionNotYetCommunicated(events, communicationAt)) return events;
  const asked = events.findIndex((e) => e.status === 'awaiting_project_manager');
  return events.map((e, i) => (i > asked && heldBack.has(e.status) ? { ...e, status: 'under_review', details: {} } : e));
}
