import type { DecisionResult } from '../kit/approval/contract.js';
import { decidedBy, type Stop } from '../kit/lifecycle.js';
import type { PreRegistrationPhase, TrainingPreRegistrationInput } from './contract.js';
import { followPreRegistration, offerFreedSeats, type PreRegistration, training, untilDate } from './request.js';

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
  const request = followPreRegistration(input);
  return request.life.run(
    async () => {
      await confirmReceipt(request);
      const supervisor = await askSupervisor(request);
      if (supervisor.outcome === 'refuse') return refusedBySupervisor(request, supervisor);
      const decision = await askProjectManager(request, supervisor);
      if ((await communicateDecision(request, decision)) === 'seat') return offerFreedSeat(request);
      if (request.life.phase === 'refused') return request.life.end('refused');
      if ((await untilDate(request, request.sessionStartAt)) === 'seat') return offerFreedSeat(request);
      return sessionStarts(request);
    },
    (stop) => stopRequest(request, stop),
  );
}

/** 1. « réception dans votre messagerie d'une notification confirmant votre demande d'inscription » */
async function confirmReceipt(request: PreRegistration): Promise<void> {
  await request.life.enter('awaiting_supervisor');
  await request.notify('received', 'received-mail');
}

/** 2. « envoi d'une notification à votre supérieur hiérarchique pour qu'il valide ou refuse » */
async function askSupervisor({ input, life }: PreRegistration): Promise<DecisionResult> {
  return life.decide({
    step: 'superieur',
    kind: 'trainingPreRegistration',
    subject: input.preRegistrationId,
    requester: input.applicant,
    approvers: [{ party: input.supervisorParty }],
    outcomes: ['approve', 'refuse'],
    // Configurable: the supervisor's silence refuses, or hands the request to the chargé de projet.
    plan: { ...input.plans.supervisor, onDeadline: input.plans.supervisorOnDeadline === 'refuse' ? 'refuse' : 'expire' },
  });
}

/** « S'il refuse, le processus se termine et vous ne pouvez pas participer à l'action. » */
async function refusedBySupervisor(request: PreRegistration, supervisor: DecisionResult): Promise<PreRegistrationPhase> {
  await request.life.enter('refused', decidedBy(supervisor));
  await request.notify('supervisorRefused', 'supervisor-refused-mail', { reasonId: supervisor.reasonId });
  return request.life.end('refused');
}

/**
 * 3. « Le/La chargé(e) de projet va analyser votre demande » (until then: « en attente »). A
 * validation takes a seat if one is left (capacity is checked under a lock); otherwise, and when no
 * decision came in time, the request waits on the list for a seat.
 */
async function askProjectManager({ input, life }: PreRegistration, supervisor: DecisionResult): Promise<DecisionResult> {
  await life.enter(
    'awaiting_project_manager',
    supervisor.outcome === 'approve' ? decidedBy(supervisor) : { handedOver: 'délai du supérieur dépassé' },
  );
  const decision = await life.decide({
    step: 'charge-de-projet',
    kind: 'trainingPreRegistration',
    subject: input.preRegistrationId,
    requester: input.applicant,
    approvers: [{ role: 'charge_de_projet', scope: input.session.actionCode }],
    outcomes: ['approve', 'refuse', 'wait_list'],
    plan: input.plans.projectManager,
  });
  const approved = decision.outcome === 'approve';
  const phase = approved
    ? await training.claimSeat({ preRegistrationId: input.preRegistrationId })
    : decision.outcome === 'refuse'
      ? 'refused'
      : 'waitlisted';
  await life.enter(phase, { ...decidedBy(decision), ...(approved && phase === 'waitlisted' ? { note: 'session complète' } : {}) });
  return decision;
}

/**
 * 4. « La décision est communiquée environ un mois avant l'action » (re-planned when the session
 * moves). A seat freed before that date goes to a wait-listed request at once: 'seat'.
 */
async function communicateDecision(request: PreRegistration, decision: DecisionResult): Promise<'communicated' | 'seat'> {
  if ((await untilDate(request, request.communicationAt)) === 'seat') return 'seat';
  const phase = request.life.phase as 'accepted' | 'refused' | 'waitlisted';
  request.decisionCommunicated = true;
  await request.notify(phase, 'decision-mail', phase === 'refused' ? { reasonId: decision.reasonId } : {});
  await request.life.note(`${phase}_communicated`);
  return 'communicated';
}

/**
 * 5. A seat freed on the session is offered to this wait-listed request: the applicant confirms it
 * by link (the confirmation is then the communicated decision), or lets it go to the next person.
 */
async function offerFreedSeat(request: PreRegistration): Promise<PreRegistrationPhase> {
  const { input, life } = request;
  request.seatReserved = false;
  await life.enter('seat_offered');
  await request.notify('seatOffered', 'seat-offered-mail-1');
  const answer = await life.decide({
    step: 'offre-de-place-1',
    kind: 'trainingSeatOffer',
    subject: input.preRegistrationId,
    requester: { key: 'system:waitlist' },
    approvers: [{ party: input.applicantParty }],
    outcomes: ['approve', 'refuse'],
    plan: input.plans.seatOffer,
  });
  if (answer.outcome !== 'approve') {
    await offerFreedSeats(request);
    await life.enter('withdrawn', { ...decidedBy(answer), note: 'place proposée non confirmée' });
    await request.notify('seatLapsed', 'seat-lapsed-mail-1');
    return life.end('withdrawn');
  }
  request.decisionCommunicated = true;
  await life.enter('accepted', decidedBy(answer));
  await request.notify('seatConfirmed', 'seat-confirmed-mail-1');
  await untilDate(request, request.sessionStartAt);
  return sessionStarts(request);
}

/** The session starts: a request still on the waiting list is refused, the others are complete. */
async function sessionStarts({ life, notify }: PreRegistration): Promise<PreRegistrationPhase> {
  if (life.phase === 'waitlisted') {
    const reason = 'Aucune place ne s’est libérée avant la session.';
    await life.enter('refused', { reason });
    await notify('refused', 'no-seat-mail', { reason });
    return life.end('refused');
  }
  await life.enter('completed');
  return life.end('completed');
}

/** Withdrawal or cancellation, at any step: compensate, then tell the applicant. */
async function stopRequest(request: PreRegistration, stop: Stop): Promise<PreRegistrationPhase> {
  const { life } = request;
  if (stop.cause === 'cancellation') {
    await life.enter('cancelled', { reason: stop.reason });
    await request.notify('sessionCancelled', 'cancelled-mail');
    return life.end('cancelled');
  }
  if (life.phase === 'accepted' || life.phase === 'seat_offered') await offerFreedSeats(request);
  await life.enter('withdrawn', stop.reasonId ? { reasonId: stop.reasonId } : {});
  await request.notify('withdrawn', 'withdrawn-mail');
  return life.end('withdrawn');
}
