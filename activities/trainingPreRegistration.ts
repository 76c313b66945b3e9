import { ApplicationFailure } from '@temporalio/activity';
import { applicantNoticeContext, type PreRegistrationStatus, setStatus } from '../db/preRegistrations.js';
import { claimSeat, placeOnWaitList, reserveFreedSeats, waitListRank } from '../db/trainingSeats.js';
import { ErrorKind } from '../lib/errors.js';
import { type TrainingNotice, trainingNotice } from '../mail/templates/trainingPreRegistration/trainingNotice.js';
import { type ActivityDeps, stepKey } from './kit/context.js';
import type { PhaseProjections } from './kit/lifecycle.js';
import { deliverOnce } from './kit/mailing.js';

/**
 * The status of « Mes candidatures » and of the session's list, written when the lifecycle enters
 * a phase. Joining the waiting list never demotes a seat reserved meanwhile for the request (the
 * API's capacity change or another withdrawal may have offered it one since the decision).
 */
export const phaseProjections: PhaseProjections = {
  trainingPreRegistration: (tx, { subjectId, status }) =>
    status === 'waitlisted' ? placeOnWaitList(tx, subjectId) : setStatus(tx, subjectId, status as PreRegistrationStatus),
};

export function createActivities(deps: ActivityDeps) {
  const { db } = deps;

  return {
    claimSeat: (input: { preRegistrationId: string }) => claimSeat(db, input.preRegistrationId),

    /** Frees this request's seat (if it held one) and reserves free seats for the wait-list. */
    async releaseSeat(input: { preRegistrationId: string; sessionId: string; status: PreRegistrationStatus }) {
      await setStatus(db, input.preRegistrationId, input.status);
      return reserveFreedSeats(db, input.sessionId);
    },

    /** One mail to the applicant per lifecycle step, in their language. */
    async mailTrainingApplicant(input: { preRegistrationId: string; notice: TrainingNotice; step: string; reason?: string }) {
      const context = await applicantNoticeContext(db, input.preRegistrationId);
      if (!context) throw ApplicationFailure.nonRetryable(`pre-registration ${input.preRegistrationId} not found`, ErrorKind.NotFound);
      const rank = input.notice === 'waitlisted' ? await waitListRank(db, input.preRegistrationId) : undefined;
      const rendered = trainingNotice(input.notice, { ...context, reason: input.reason, rank }, context.locale);
      return deliverOnce(deps, { key: stepKey(input.step), template: `training.${input.notice}`, to: context.email, rendered });
    },
  };
}

export type TrainingPreRegistrationActivities = ReturnType<typeof createActivities>;
