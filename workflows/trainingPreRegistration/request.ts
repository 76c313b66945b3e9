import { getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TrainingPreRegistrationActivities as Activities } from '../../activities/trainingPreRegistration.js';
import type { TrainingNotice } from '../../mail/templates/trainingPreRegistration/trainingNotice.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle, type ReasonRef } from '../kit/lifecycle.js';
import {
  type PreRegistrationPhase,
  type PreRegistrationState,
  preRegistrationStateQuery,
  seatReservedSignal,
  sessionChangedSignal,
  type TrainingPreRegistrationInput,
  trainingPreRegistrationWorkflowId,
  withdrawPreRegistrationUpdate,
} from './contract.js';

export const training = proxyActivities<Activities>(defaultActivityOptions);

/**
 * One sent pre-registration as its lifecycle follows it: its phase (the lifecycle kit), the
 * session's first day (an administrateur may move it), a seat reserved for it while it waits on
 * the list, and the messages the API sends it (withdrawal, session changed, seat reserved).
 */
export function followPreRegistration(input: TrainingPreRegistrationInput) {
  const life = lifecycle<PreRegistrationPhase>({
    kind: 'trainingPreRegistration',
    subjectId: input.preRegistrationId,
    initial: 'awaiting_supervisor',
    projectsStatus: true,
  });
  const sessionStartAt = () => Date.parse(`${request.startsOn}T00:00:00Z`);
  const request = {
    input,
    life,
    startsOn: input.session.startsOn,
    reschedules: 0,
    seatReserved: false,
    decisionCommunicated: false,
    sessionStartAt,
    /** « environ un mois avant l'action »: `TRAINING_DECISION_NOTICE` before the first day. */
    communicationAt: () => sessionStartAt() - input.decisionNoticeMs,
    notify: (notice: TrainingNotice, step: string, reason: ReasonRef = {}) =>
      training.mailTrainingApplicant({ preRegistrationId: input.preRegistrationId, notice, step, ...reason }),
  };
  const state = (): PreRegistrationState => ({
    phase: life.phase,
    startsOn: request.startsOn,
    decisionCommunicated: request.decisionCommunicated,
    communicationAt: request.communicationAt(),
  });

  setHandler(preRegistrationStateQuery, state);
  life.acceptWithdrawal(withdrawPreRegistrationUpdate, state, () => 'Cette pré-inscription est déjà close.');
  setHandler(sessionChangedSignal, (change) => {
    if (change.cancelled) life.requestStop({ cause: 'cancellation', reason: 'Session annulée' });
    if (change.startsOn && change.startsOn !== request.startsOn) {
      request.startsOn = change.startsOn;
      request.reschedules += 1;
    }
  });
  setHandler(seatReservedSignal, () => {
    request.seatReserved = true;
  });
  return request;
}

export type PreRegistration = ReturnType<typeof followPreRegistration>;

/**
 * Waits for the instant `at()`, read again each time the session moves (each move is mailed).
 * A seat reserved for the request while it is on the waiting list ends the wait early: 'seat'.
 */
export async function untilDate(request: PreRegistration, at: () => number): Promise<'due' | 'seat'> {
  const seat = () => request.life.phase === 'waitlisted' && request.seatReserved;
  for (;;) {
    const seen = request.reschedules;
    if (!(await request.life.waitUntil(() => request.reschedules !== seen || seat(), at() - Date.now()))) return 'due';
    if (request.reschedules === seen) return 'seat';
    await request.notify('sessionRescheduled', `rescheduled-mail-${request.reschedules}`);
  }
}

/** The seat this request leaves goes to the next people on the waiting list, through their own lifecycles. */
export async function offerFreedSeats(request: PreRegistration): Promise<void> {
  const { preRegistrationId, session } = request.input;
  const reserved = await training.releaseSeat({ preRegistrationId, sessionId: session.id, status: 'withdrawn' });
  for (const id of reserved.filter((r) => r !== preRegistrationId)) {
    await getExternalWorkflowHandle(trainingPreRegistrationWorkflowId(id))
      .signal(seatReservedSignal)
      .catch(() => undefined);
  }
}
