import { ApplicationFailure } from '@temporalio/activity';
import { readFreeText } from '../db/freeTexts.js';
import { type ApplicantNoticeContext, applicantNoticeContext, type PreRegistrationStatus, setStatus } from '../db/preRegistrations.js';
import { claimSeat, placeOnWaitList, reserveFreedSeats, waitListRank } from '../db/trainingSeats.js';
import { ErrorKind } from '../lib/errors.js';
import { sessionCalendar } from '../mail/ics.js';
import { mailLink } from '../mail/links.js';
import { carriesCalendar, type TrainingNotice, trainingNotice } from '../mail/templates/trainingPreRegistration/trainingNotice.js';
import type { ReasonRef } from '../workflows/kit/lifecycle.js';
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

    /**
     * One mail to the applicant per lifecycle step, in their language, with a link to the request in
     * « mes candidatures ». An acceptance also gives the practical details and the session as an
     * iCalendar file.
     */
    async mailTrainingApplicant(input: { preRegistrationId: string; notice: TrainingNotice; step: string } & ReasonRef) {
      const context = await applicantNoticeContext(db, input.preRegistrationId);
      if (!context?.email)
        throw ApplicationFailure.nonRetryable(`pre-registration ${input.preRegistrationId} not found, or no address`, ErrorKind.NotFound);
      const rank = input.notice === 'waitlisted' ? await waitListRank(db, input.preRegistrationId) : undefined;
      const link = mailLink(deps.config, 'MY_TRAINING_REQUEST', { requestId: input.preRegistrationId });
      const rendered = trainingNotice(
        input.notice,
        { ...context, reason: input.reason ?? (await readFreeText(db, input.reasonId)), rank, link },
        context.locale,
      );
      const mail = carriesCalendar(input.notice)
        ? Object.assign(rendered, { attachments: [calendarAttachment(deps, input.preRegistrationId, context, link)] })
        : rendered;
      return deliverOnce(deps, { key: stepKey(input.step), template: `training.${input.notice}`, to: context.email, rendered: mail });
    },
  };
}

/** The session as an event of the applicant's calendar: one UID per request, so a later file updates it. */
function calendarAttachment(deps: ActivityDeps, preRegistrationId: string, c: ApplicantNoticeContext, link: string) {
  const host = new URL(deps.config.http.publicBaseUrl).hostname;
  const french = c.locale === 'fr';
  const ics = sessionCalendar({
    uid: `training-${preRegistrationId}@${host}`,
    stampedAt: Date.now(),
    producer: deps.config.portal.institutionName,
    summary: `${french ? 'Formation' : 'Training'} : ${c.actionTitle}`,
    firstDay: c.firstDay,
    lastDay: c.lastDay,
    dayStartsAt: c.dayStartsAt,
    dayEndsAt: c.dayEndsAt,
    location: c.place,
    description: [c.actionTitle, c.practicalInfo, link].filter(Boolean).join('\n'),
    url: link,
  });
  return { filename: 'session.ics', content: Buffer.from(ics, 'utf8'), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}

export type TrainingPreRegistrationActivities = ReturnType<typeof createActivities>;
