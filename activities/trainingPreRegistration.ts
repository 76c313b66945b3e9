import { ApplicationFailure } from '@temporalio/activity';
import { type PreRegistrationStatus, setStatus } from '../db/preRegistrations.js';
import { claimSeat, reserveFreedSeats, waitListRank } from '../db/trainingSeats.js';
import { ErrorKind } from '../lib/errors.js';
import { type TrainingNotice, trainingNotice } from '../mail/templates/trainingPreRegistration/trainingNotice.js';
import { type ActivityDeps, stepKey } from './kit/context.js';
import { deliverOnce } from './kit/mailing.js';

export function createActivities(deps: ActivityDeps) {
  const { db } = deps;

  return {
    /** Projection of the lifecycle's status for « Mes candidatures » and the session's list. */
    async setPreRegistrationStatus(input: { preRegistrationId: string; status: PreRegistrationStatus }) {
      await setStatus(db, input.preRegistrationId, input.status);
    },

    claimSeat: (input: { preRegistrationId: string }) => claimSeat(db, input.preRegistrationId),

    async placeOnWaitList(input: { preRegistrationId: string }) {
      await db('pre_registrations')
        .where({ id: input.preRegistrationId })
        .whereNot({ status: 'waitlisted' })
        .update({ status: 'waitlisted', waitlisted_at: db.fn.now(), updated_at: db.fn.now() });
    },

    /** Frees this request's seat (if it held one) and reserves free seats for the wait-list. */
    async releaseSeat(input: { preRegistrationId: string; sessionId: string; status: PreRegistrationStatus }) {
      await setStatus(db, input.preRegistrationId, input.status);
      return reserveFreedSeats(db, input.sessionId);
    },

    reserveFreedSeats: (input: { sessionId: string }) => reserveFreedSeats(db, input.sessionId),

    /** One mail to the applicant per lifecycle step, in their language. */
    async mailTrainingApplicant(input: { preRegistrationId: string; notice: TrainingNotice; step: string; reason?: string }) {
      const row = await db('pre_registrations as p')
        .join('candidate_accounts as c', 'c.id', 'p.applicant_id')
        .join('training_sessions as s', 's.id', 'p.session_id')
        .join('training_actions as a', 'a.id', 's.action_id')
        .where('p.id', input.preRegistrationId)
        .first(
          'c.email',
          'c.first_name as firstName',
          'c.locale',
          'a.title as actionTitle',
          db.raw(`to_char(s.starts_on, 'DD/MM/YYYY') as "startsOn"`),
          's.place',
        );
      if (!row) throw ApplicationFailure.nonRetryable(`pre-registration ${input.preRegistrationId} not found`, ErrorKind.NotFound);
      const rank = input.notice === 'waitlisted' ? await waitListRank(db, input.preRegistrationId) : undefined;
      const rendered = trainingNotice(input.notice, { ...row, reason: input.reason, rank }, row.locale);
      return deliverOnce(deps, { key: stepKey(input.step), template: `training.${input.notice}`, to: row.email, rendered });
    },
  };
}

export type TrainingPreRegistrationActivities = ReturnType<typeof createActivities>;
