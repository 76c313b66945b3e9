import { ApplicationFailure, condition, ParentClosePolicy, proxyActivities, setHandler, sleep, startChild } from '@temporalio/workflow';
import type { StudentCardActivities as Activities } from '../../activities/studentCard.js';
import { ErrorKind, refusalOptions } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import type { DecisionResult } from '../kit/approval/contract.js';
import { requestDecision } from '../kit/approval/requestDecision.js';
import { decidedBy, lifecycle } from '../kit/lifecycle.js';
import { LifecycleKind, LifecycleStatus, SubjectId } from '../kit/searchAttributes.js';
import {
  type AdvanceInput,
  advanceUpdate,
  type CardPhase,
  type CardState,
  cardStateQuery,
  type OppositionInput,
  type OppositionMotive,
  opposeUpdate,
  orderReplacementUpdate,
  type ProductionStep,
  photoUploadedSignal,
  reactivateUpdate,
  type StudentCardInput,
  stepBefore,
  studentCardWorkflowId,
} from './contract.js';

const cards = proxyActivities<Activities>(defaultActivityOptions);

/**
 * « Déposer sa photo … pour l'édition de sa carte Etudiant » and « Badge et accès » (seed 003), on
 * ESUP-SGC's card life. The API has stored the request (student_cards row):
 *   1. the photo: the student uploads it, the card office accepts it or refuses it with a reason
 *      (the student is mailed and uploads again; a new upload withdraws the pending one);
 *   2. production: in print → printed → encoded → ready for collection (the card office marks
 *      each step; a card not collected is reminded);
 *   3. in use until it expires; an opposition (lost, theft, out of order) disables it at once and
 *      tells the access-control system; the card office may reactivate a card found again, or the
 *      student orders a replacement (a new card lifecycle, reusing the photo while it is valid).
 * Every step is mailed to the student.
 */
export async function studentCard(input: StudentCardInput): Promise<CardPhase> {
  const { cardId, timers } = input;
  const card = lifecycle<CardPhase>({
    kind: 'studentCard',
    subjectId: cardId,
    initial: input.photoAlreadyAccepted ? 'request_checked' : 'awaiting_photo',
    projectsStatus: true,
  });
  const mail = (notice: Parameters<Activities['mailHolder']>[0]['notice'], step: string) => cards.mailHolder({ cardId, notice, step });
  const state: CardState = { phase: card.phase, reviewRounds: 0 };
  const snapshot = (): CardState => ({ ...state, phase: card.phase });
  /** Refused photos are deleted after their keeping time, by timers the lifecycle waits for before it ends. */
  const purges: Promise<void>[] = [];

  let pendingPhotoId: string | undefined;
  let requestedStep: { to: ProductionStep; by: string } | undefined;
  // Access-control events are numbered: the activity derives each event id from the workflow id and this key.
  let events = 0;
  let opposition: { motive: OppositionMotive; at: number; eventKey: string } | undefined;
  let reactivation: { by: string; eventKey: string } | undefined;
  let replacementOrdered = false;

  setHandler(cardStateQuery, snapshot);
  setHandler(photoUploadedSignal, ({ photoId }) => {
    pendingPhotoId = photoId;
  });
  setHandler(
    advanceUpdate,
    async (step) => {
      requestedStep = step;
      await condition(() => card.phase === step.to || card.finished);
      return snapshot();
    },
    {
      validator: ({ to }: AdvanceInput) => {
        const expected = stepBefore[to];
        if (card.phase !== expected || requestedStep)
          throw ApplicationFailure.create({
            type: ErrorKind.Conflict,
            ...refusalOptions(msg('studentCard.wrongStep', { from: card.phase, to })),
          });
      },
    },
  );
  setHandler(
    opposeUpdate,
    async ({ motive }) => {
      // Takes effect at once: the card is disabled in the database before the student has the answer.
      events += 1;
      opposition = { motive, at: Date.now(), eventKey: `disabled-${events}` };
      Object.assign(state, { disabledAt: opposition.at, motive });
      await card.enter('disabled', { motive, at: opposition.at });
      return snapshot();
    },
    {
      validator: (_opposition: OppositionInput) => {
        if (card.phase === 'disabled' && state.disabledAt)
          throw ApplicationFailure.create({
            type: ErrorKind.AlreadyDone,
            ...refusalOptions(msg('studentCard.alreadyOpposed', { at: state.disabledAt })),
          });
        if (card.phase !== 'enabled')
          throw ApplicationFailure.create({
            type: ErrorKind.Conflict,
            ...refusalOptions(msg('studentCard.notOpposable', { status: card.phase })),
          });
      },
    },
  );
  setHandler(
    reactivateUpdate,
    async ({ by }) => {
      events += 1;
      reactivation = { by, eventKey: `enabled-${events}` };
      await condition(() => card.phase === 'enabled' || card.finished);
      return snapshot();
    },
    {
      validator: (_reactivation: { by: string }) => {
        if (card.phase !== 'disabled' || replacementOrdered || reactivation)
          throw ApplicationFailure.create({ type: ErrorKind.Conflict, ...refusalOptions(msg('studentCard.notReactivable')) });
      },
    },
  );
  setHandler(
    orderReplacementUpdate,
    async () => {
      replacementOrdered = true;
      await condition(() => state.replacementCardId !== undefined);
      return snapshot();
    },
    {
      validator: () => {
        if (replacementOrdered)
          throw ApplicationFailure.create({ type: ErrorKind.AlreadyDone, ...refusalOptions(msg('studentCard.replacementAlreadyOrdered')) });
        if (card.phase !== 'disabled' || reactivation)
          throw ApplicationFailure.create({ type: ErrorKind.Conflict, ...refusalOptions(msg('studentCard.notReplaceable')) });
      },
    },
  );

  const finish = async (phase: CardPhase, details: Record<string, unknown> = {}) => {
    await card.enter(phase, details);
    await Promise.all(purges);
    return card.end(phase);
  };

  // 1. The photo, until the card office accepts one.
  async function obtainAcceptedPhoto(): Promise<boolean> {
    const requestExpiresAt = Date.now() + timers.requestExpiryMs;
    let reminded = false;
    for (;;) {
      if (!pendingPhotoId) {
        const remindAt = reminded ? requestExpiresAt : Math.min(requestExpiresAt, Date.now() + timers.photoReminderMs);
        if (!(await card.waitUntil(() => pendingPhotoId !== undefined, remindAt - Date.now()))) {
          if (reminded || Date.now() >= requestExpiresAt) return false;
          reminded = true;
          await mail('photoReminder', 'photo-reminder');
          continue;
        }
      }
      const photoId = pendingPhotoId!;
      const decision = await reviewPhoto(photoId);
      if (decision.outcome === 'withdrawn' || decision.outcome === 'expired') continue; // a newer photo, or ask again
      const accepted = decision.outcome === 'approve';
      await cards.settlePhoto({
        cardId,
        photoId,
        outcome: accepted ? 'accepted' : 'refused',
        decidedBy: decision.decidedBy.key,
        ...(decision.reasonId ? { reasonId: decision.reasonId } : {}),
        at: decision.at,
        purgeAfter: decision.at + timers.refusedPhotoRetentionMs,
      });
      if (pendingPhotoId === photoId) pendingPhotoId = undefined;
      if (accepted) {
        await card.enter('request_checked', { ...decidedBy(decision), photoId });
        await mail('photoAccepted', `photo-accepted-${state.reviewRounds}`);
        return true;
      }
      purges.push(sleep(timers.refusedPhotoRetentionMs).then(() => cards.purgeRefusedPhoto({ photoId })));
      await card.enter('photo_refused', { ...decidedBy(decision), photoId });
      await mail('photoRefused', `photo-refused-${state.reviewRounds}`);
    }
  }

  /** One review round by the card office; a new upload withdraws it (`withdrawal`). */
  async function reviewPhoto(photoId: string): Promise<DecisionResult> {
    state.reviewRounds += 1;
    await card.enter('photo_pending', { photoId, round: state.reviewRounds });
    return requestDecision(
      {
        step: `photo-${state.reviewRounds}`,
        kind: 'studentCard',
        subject: photoId,
        facts: { Carte: cardId, Photo: photoId },
        requester: { key: `ent:${input.holderId}` },
        approvers: [{ role: 'service_carte' }],
        outcomes: ['approve', 'refuse'],
        plan: { ...input.review, onDeadline: 'expire' },
      },
      // A newer photo withdraws this round (no reason: the card's history says a new photo came).
      { withdrawal: () => (pendingPhotoId !== photoId ? {} : undefined) },
    );
  }

  // 2. Production, each step marked by the card office, until the student collects the card.
  async function produce(): Promise<void> {
    let reminders = 0;
    for (;;) {
      // A card ready and not collected is reminded twice; then it waits at the desk.
      const stepAsked = () => requestedStep !== undefined;
      const remind = card.phase === 'ready' && reminders < 2;
      // `condition` without a timeout resolves to nothing: only the timed wait can say « not came ».
      if (remind && !(await condition(stepAsked, timers.collectionReminderMs))) {
        reminders += 1;
        await mail('collectionReminder', `collection-reminder-${reminders}`);
        continue;
      }
      if (!remind) await condition(stepAsked);
      const { to, by } = requestedStep!;
      // Collected: the card is valid from now on (recorded before the « active » mail says until when).
      if (to === 'enabled') await cards.recordCardValidity({ cardId, validUntil: Date.now() + timers.validityMs });
      await card.enter(to, { by });
      requestedStep = undefined;
      await mail(to, `step-${to}`);
      if (to === 'enabled') return;
    }
  }

  // 3. In use: until it expires, with oppositions and reactivations; or replaced.
  async function inUse(): Promise<CardPhase> {
    const validUntil = Date.now() + timers.validityMs;
    for (;;) {
      if (!(await condition(() => opposition !== undefined, Math.max(1, validUntil - Date.now())))) {
        await mail('expired', 'expired');
        return finish('expired');
      }
      const { motive, eventKey, at } = opposition!;
      await cards.notifyAccessControl({ cardId, eventKey, type: 'card.disabled', motive, at });
      await mail('opposed', `opposed-${eventKey}`);
      const moved = await condition(() => replacementOrdered || reactivation !== undefined, Math.max(1, validUntil - Date.now()));
      if (!moved) {
        await mail('expired', 'expired');
        return finish('expired');
      }
      if (reactivation) {
        const { by, eventKey: enabledEvent } = reactivation;
        // Cleared before the card is active again: a new opposition from then on is the next one, never lost.
        opposition = undefined;
        state.disabledAt = undefined;
        await card.enter('enabled', { by, reactivated: true });
        reactivation = undefined;
        await cards.notifyAccessControl({ cardId, eventKey: enabledEvent, type: 'card.enabled', at: Date.now() });
        await mail('reactivated', `reactivated-${enabledEvent}`);
        continue;
      }
      return replace();
    }
  }

  /** The old card leaves the live ones first (one live card per student), then the new one starts its own life. */
  async function replace(): Promise<CardPhase> {
    await card.enter('replaced');
    // The new card's id comes from the activity (recorded in the history; a retry finds the row it wrote).
    const { newCardId, photoAlreadyAccepted } = await cards.createReplacementCard({ oldCardId: cardId });
    await startChild<typeof studentCard>('studentCard', {
      workflowId: studentCardWorkflowId(newCardId),
      args: [{ ...input, cardId: newCardId, photoAlreadyAccepted }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      staticSummary: 'Carte étudiante (remplacement)',
      typedSearchAttributes: [
        { key: LifecycleKind, value: 'studentCard' },
        { key: LifecycleStatus, value: 'started' },
        { key: SubjectId, value: newCardId },
      ],
    });
    state.replacementCardId = newCardId;
    await mail('replacementOrdered', 'replacement-ordered');
    await Promise.all(purges);
    return card.end('replaced');
  }

  if (input.photoAlreadyAccepted) {
    await card.enter('request_checked', { photoReused: true });
    await mail('photoAccepted', 'photo-reused');
  } else if (!(await obtainAcceptedPhoto())) {
    await mail('cancelled', 'cancelled');
    return finish('cancelled');
  }
  await produce();
  return inUse();
}
