import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { TrainingPreRegistrationActivities as Activities } from '../../activities/trainingPreRegistration.js';
import { ErrorKind } from '../../lib/errors.js';
import type { TrainingNotice } from '../../mail/templates/trainingPreRegistration/trainingNotice.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import type { DecisionResult } from '../kit/approval/contract.js';
import { type DecisionControl, requestDecision } from '../kit/approval/requestDecision.js';
import { trackLifecycle } from '../kit/lifecycle.js';
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

const training = proxyActivities<Activities>(defaultActivityOptions);

/**
 * « Comment se passe ensuite le traitement de ma candidature ? » (seed 004), from the moment the
 * applicant sends the five-step form:
 *   1. a notification confirms the request;
 *   2. the supérieur hiérarchique validates or refuses (refused: the process ends);
 *   3. the chargé de projet validates, refuses or puts on the waiting list;
 *   4. the decision is communicated about a month before the action;
 *   5. a seat freed later is offered to the first person on the waiting list.
 * The applicant may withdraw at any step; a rescheduled session re-plans the communication; a
 * cancelled one ends every request.
 */
export async function trainingPreRegistration(input: TrainingPreRegistrationInput): Promise<PreRegistrationPhase> {
  const { preRegistrationId } = input;
  const track = trackLifecycle('trainingPreRegistration', preRegistrationId);
  // Mutated by `enter` inside closures: typed wide so TypeScript does not narrow it to its first value.
  let phase = 'awaiting_supervisor' as PreRegistrationPhase;
  let startsOn = input.session.startsOn;
  let reschedules = 0;
  let withdrawal: { reason?: string } | undefined;
  let cancelled = false;
  let seatReserved = false;
  let seatOffers = 0;
  let decisionCommunicated = false;
  let finished = false;

  const communicationAt = () => Date.parse(`${startsOn}T00:00:00Z`) - input.decisionNoticeMs;
  const sessionStartAt = () => Date.parse(`${startsOn}T00:00:00Z`);
  const state = (): PreRegistrationState => ({ phase, startsOn, decisionCommunicated, communicationAt: communicationAt() });
  const stopped = () => withdrawal !== undefined || cancelled;
  // A withdrawal or a cancellation also ends the decision that is open at that moment.
  const control: DecisionControl = { withdrawal: () => withdrawal ?? (cancelled ? { reason: 'Session annulée' } : undefined) };

  setHandler(preRegistrationStateQuery, state);
  setHandler(
    withdrawPreRegistrationUpdate,
    async (request) => {
      withdrawal = request;
      await condition(() => finished);
      return state();
    },
    {
      validator: (_request) => {
        if (finished || stopped())
          throw ApplicationFailure.create({ type: ErrorKind.AlreadyDone, message: 'Cette pré-inscription est déjà close.' });
      },
    },
  );
  setHandler(sessionChangedSignal, (change) => {
    if (change.cancelled) cancelled = true;
    if (change.startsOn && change.startsOn !== startsOn) {
      startsOn = change.startsOn;
      reschedules += 1;
    }
  });
  setHandler(seatReservedSignal, () => {
    seatReserved = true;
  });

  const notify = (notice: TrainingNotice, step: string, reason?: string) =>
    training.mailTrainingApplicant({ preRegistrationId, notice, step, reason });
  const enter = async (next: PreRegistrationPhase, details: Record<string, unknown> = {}) => {
    phase = next;
    await training.setPreRegistrationStatus({ preRegistrationId, status: next });
    await track.enter(next, details);
  };
  const decided = (d: DecisionResult) => ({
    decidedBy: d.decidedBy.name,
    ...(d.decidedBy.onBehalfOf ? { onBehalfOf: d.decidedBy.onBehalfOf } : {}),
    outcome: d.outcome,
    ...(d.reason ? { reason: d.reason } : {}),
  });
  const what = { Action: input.session.actionTitle, Session: startsOn, Demandeur: input.applicant.name };

  /** Seats freed by this request go to the next people on the waiting list, through their own lifecycles. */
  const offerFreedSeats = async (status: 'withdrawn' | 'refused') => {
    const reserved = await training.releaseSeat({ preRegistrationId, sessionId: input.session.id, status });
    for (const id of reserved.filter((r) => r !== preRegistrationId)) {
      await getExternalWorkflowHandle(trainingPreRegistrationWorkflowId(id))
        .signal(seatReservedSignal)
        .catch(() => undefined);
    }
  };

  const end = async (final: PreRegistrationPhase) => {
    phase = final;
    finished = true;
    await condition(allHandlersFinished);
    return final;
  };

  /** Withdrawal or cancellation, whatever the step: compensate, then tell the applicant. */
  const stop = async () => {
    if (cancelled) {
      await enter('cancelled', { reason: 'Session annulée' });
      await notify('sessionCancelled', 'cancelled-mail');
      return end('cancelled');
    }
    if (phase === 'accepted' || phase === 'seat_offered') await offerFreedSeats('withdrawn');
    await enter('withdrawn', withdrawal?.reason ? { reason: withdrawal.reason } : {});
    await notify('withdrawn', 'withdrawn-mail');
    return end('withdrawn');
  };

  // 1. « réception dans votre messagerie d'une notification confirmant votre demande d'inscription »
  await track.enter('awaiting_supervisor');
  await notify('received', 'received-mail');

  // 2. « envoi d'une notification à votre supérieur hiérarchique pour qu'il valide ou refuse »
  const supervisor = await requestDecision(
    {
      step: 'superieur',
      kind: 'trainingPreRegistration',
      title: `Pré-inscription de ${input.applicant.name} à « ${input.session.actionTitle} »`,
      details: what,
      requester: input.applicant,
      approvers: [{ email: input.supervisorEmail }],
      outcomes: ['approve', 'refuse'],
      plan: { ...input.plans.supervisor, onDeadline: input.plans.supervisorOnDeadline === 'refuse' ? 'refuse' : 'expire' },
    },
    control,
  );
  if (stopped()) return stop();
  if (supervisor.outcome === 'refuse') {
    // « S'il refuse, le processus se termine et vous ne pouvez pas participer à l'action. »
    await enter('refused', decided(supervisor));
    await notify('supervisorRefused', 'supervisor-refused-mail', supervisor.reason);
    return end('refused');
  }

  // 3. « Le/La chargé(e) de projet va analyser votre demande » (until then: « en attente »).
  await enter(
    'awaiting_project_manager',
    supervisor.outcome === 'approve' ? decided(supervisor) : { handedOver: 'délai du supérieur dépassé' },
  );
  const projectManager = await requestDecision(
    {
      step: 'charge-de-projet',
      kind: 'trainingPreRegistration',
      title: `Candidature de ${input.applicant.name} à « ${input.session.actionTitle} »`,
      details: what,
      requester: input.applicant,
      approvers: [{ role: 'charge_de_projet', scope: input.session.actionCode }],
      outcomes: ['approve', 'refuse', 'wait_list'],
      plan: input.plans.projectManager,
    },
    control,
  );
  if (stopped()) return stop();
  // A validation takes a seat if one is left (capacity is checked under a lock); otherwise, and
  // when no decision came in time, the request waits on the list for a seat.
  const decision =
    projectManager.outcome === 'approve'
      ? await training.claimSeat({ preRegistrationId })
      : projectManager.outcome === 'refuse'
        ? 'refused'
        : 'waitlisted';
  if (decision === 'waitlisted' && projectManager.outcome !== 'approve') await training.placeOnWaitList({ preRegistrationId });
  await enter(decision, {
    ...decided(projectManager),
    ...(projectManager.outcome === 'approve' && decision === 'waitlisted' ? { note: 'session complète' } : {}),
  });

  // 4. « La décision est communiquée environ un mois avant l'action », then the request lives
  //    until the session starts: reschedules re-plan, a wait-listed person may be offered a seat.
  for (;;) {
    const target = decisionCommunicated ? sessionStartAt() : Math.max(Date.now(), communicationAt());
    const seen = reschedules;
    const woke = await condition(
      () => stopped() || reschedules !== seen || (phase === 'waitlisted' && seatReserved),
      Math.max(1, target - Date.now()),
    );
    if (stopped()) return stop();
    if (reschedules !== seen) {
      await notify('sessionRescheduled', `rescheduled-mail-${reschedules}`);
      continue;
    }
    if (woke && seatReserved) {
      // 5. A seat was reserved for this request: the applicant confirms it, or it goes to the next.
      seatReserved = false;
      seatOffers += 1;
      await enter('seat_offered');
      await notify('seatOffered', `seat-offered-mail-${seatOffers}`);
      const answer = await requestDecision(
        {
          step: `offre-de-place-${seatOffers}`,
          kind: 'trainingSeatOffer',
          title: `Une place s’est libérée : confirmez-vous votre participation à « ${input.session.actionTitle} » ?`,
          details: what,
          requester: { key: 'system:waitlist', name: 'Liste d’attente' },
          approvers: [{ email: input.applicantEmail }],
          outcomes: ['approve', 'refuse'],
          plan: input.plans.seatOffer,
        },
        control,
      );
      if (stopped()) return stop();
      if (answer.outcome === 'approve') {
        decisionCommunicated = true;
        await enter('accepted', decided(answer));
        await notify('seatConfirmed', `seat-confirmed-mail-${seatOffers}`);
        continue;
      }
      await offerFreedSeats('withdrawn');
      await enter('withdrawn', { ...decided(answer), note: 'place proposée non confirmée' });
      await notify('seatLapsed', `seat-lapsed-mail-${seatOffers}`);
      return end('withdrawn');
    }
    if (!decisionCommunicated) {
      decisionCommunicated = true;
      const notice = phase === 'accepted' ? 'accepted' : phase === 'refused' ? 'refused' : 'waitlisted';
      await notify(notice, 'decision-mail', phase === 'refused' ? projectManager.reason : undefined);
      await track.enter(`${phase}_communicated`);
      if (phase === 'refused') return end('refused');
      continue;
    }
    break; // the session has started
  }

  if (phase === 'waitlisted') {
    await enter('refused', { reason: 'Aucune place ne s’est libérée avant la session.' });
    await notify('refused', 'no-seat-mail', 'Aucune place ne s’est libérée avant la session.');
    return end('refused');
  }
  await track.enter('completed');
  return end('completed');
}
