import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { JobOfferActivities as Activities } from '../../activities/jobOffer.js';
import { ErrorKind } from '../../lib/errors.js';
import type { OfferNotice } from '../../mail/templates/jobOffer/offerNotice.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import type { DecisionResult } from '../kit/approval/contract.js';
import { type DecisionControl, requestDecision } from '../kit/approval/requestDecision.js';
import { trackLifecycle } from '../kit/lifecycle.js';
import {
  type JobOfferInput,
  type JobOfferState,
  jobOfferStateQuery,
  type OfferStatus,
  reviseOfferUpdate,
  withdrawOfferUpdate,
} from './contract.js';

const offers = proxyActivities<Activities>(defaultActivityOptions);

/**
 * Seed 002, « Comment déposer une offre d'emploi ou un stage ? »: « Toute offre est soumise à
 * validation d'un webmaster avant publication ». The webmaster publishes, refuses (with a reason)
 * or sends the offer back « à modifier »; the author resubmits and it goes back to moderation.
 * A published offer stays visible until its expiry (a durable timer), then it is archived and the
 * author told. The author may withdraw it before moderation or close it early; editing a published
 * offer unpublishes it until the webmaster validates the new version (the API hides it at once).
 */
export async function jobOffer(input: JobOfferInput): Promise<OfferStatus> {
  const { offerId } = input;
  const track = trackLifecycle('jobOffer', offerId);
  let status = 'pending_review' as OfferStatus;
  let round = 0;
  let revisions = 0;
  let expiresAt: number | undefined;
  let withdrawal: { reason?: string } | undefined;
  let finished = false;

  const state = (): JobOfferState => ({ status, round, ...(expiresAt ? { expiresAt } : {}) });
  const control: DecisionControl = { withdrawal: () => withdrawal };

  setHandler(jobOfferStateQuery, state);
  setHandler(
    withdrawOfferUpdate,
    async (request) => {
      withdrawal = request;
      await condition(() => finished);
      return state();
    },
    {
      validator: (_request) => {
        if (finished || withdrawal)
          throw ApplicationFailure.create({ type: ErrorKind.AlreadyDone, message: `Cette offre est déjà close (${status}).` });
      },
    },
  );
  setHandler(
    reviseOfferUpdate,
    (_revision) => {
      revisions += 1;
      return state();
    },
    {
      validator: (_revision) => {
        if (finished || withdrawal || (status !== 'changes_requested' && status !== 'published')) {
          throw ApplicationFailure.create({
            type: ErrorKind.Conflict,
            message: 'Cette offre ne peut être modifiée que lorsqu’elle est « à modifier » ou « publiée ».',
          });
        }
      },
    },
  );

  const notify = (notice: OfferNotice, step: string, reason?: string) =>
    offers.mailOfferAuthor({ offerId, notice, step, ...(reason ? { reason } : {}) });
  const enter = async (next: OfferStatus, details: Record<string, unknown> = {}) => {
    status = next;
    await offers.setOfferStatus({ offerId, status: next });
    await track.enter(next, details);
  };
  const decided = (d: DecisionResult) => ({
    decidedBy: d.decidedBy.name,
    outcome: d.outcome,
    ...(d.reason ? { reason: d.reason } : {}),
    ...(d.comment ? { comment: d.comment } : {}),
  });
  const end = async (final: OfferStatus) => {
    status = final;
    finished = true;
    await condition(allHandlersFinished);
    return final;
  };
  /** Withdrawal or early close: the status change is what unpublishes it (browsing reads it). */
  const stop = async () => {
    await enter('withdrawn', withdrawal?.reason ? { reason: withdrawal.reason } : {});
    await notify('withdrawn', 'withdrawn-mail');
    return end('withdrawn');
  };
  /**
   * Waits for a version newer than `seen` or a withdrawal; false when `timeoutMs` passed first.
   * `seen` is taken before the status is announced: the author may resubmit as soon as the
   * projection says « à modifier », while the mail activity is still running.
   */
  const revisedOrWithdrawn = (seen: number, timeoutMs: number) =>
    condition(() => withdrawal !== undefined || revisions !== seen, Math.max(1, timeoutMs));

  // 1. « Remplir tous les champs pour déposer votre offre, puis enregistrez » (the API did).
  await track.enter('pending_review');
  await notify('received', 'received-mail');

  for (;;) {
    // 2. « Toute offre est soumise à validation d'un webmaster avant publication. »
    round += 1;
    const offer = await offers.offerForModeration({ offerId });
    const decision = await requestDecision(
      {
        step: `moderation-${round}`,
        kind: 'jobOffer',
        title: `Offre « ${offer.title} » (${offer.kindLabel}) chez ${offer.company}`,
        details: offer.details,
        requester: input.author,
        approvers: [{ role: 'webmaster' }],
        outcomes: ['approve', 'refuse', 'request_changes'],
        plan: input.moderationPlan,
      },
      control,
    );
    if (withdrawal) return stop();
    if (decision.outcome === 'refuse') {
      await enter('refused', decided(decision));
      await notify('refused', `refused-mail-${round}`, decision.reason);
      return end('refused');
    }
    if (decision.outcome === 'expired') {
      const reason = 'Aucune décision du webmaster dans le délai.';
      await enter('expired', { reason });
      await notify('expired', `unmoderated-mail-${round}`, reason);
      return end('expired');
    }
    if (decision.outcome === 'request_changes') {
      // 3. « à modifier »: the author edits and resubmits, or lets the window pass.
      const seen = revisions;
      await enter('changes_requested', decided(decision));
      await notify('changesRequested', `changes-requested-mail-${round}`, decision.comment);
      if (!(await revisedOrWithdrawn(seen, input.changesWindowMs))) {
        const reason = 'L’offre n’a pas été modifiée dans le délai demandé.';
        await enter('expired', { reason });
        await notify('expired', `changes-lapsed-mail-${round}`, reason);
        return end('expired');
      }
      if (withdrawal) return stop();
      await enter('pending_review', { revision: true });
      continue;
    }

    // 4. Published until expiry. The period starts at the first publication: re-validating an
    //    edited offer does not extend it (else editing would keep an offer up for ever).
    const seen = revisions;
    status = 'published'; // editable from now on: the projection turns « publiée » in the next activity
    expiresAt = await offers.publishOffer({ offerId });
    await enter('published', { ...decided(decision), expiresAt: new Date(expiresAt).toISOString() });
    await notify('published', `published-mail-${round}`);
    if (await revisedOrWithdrawn(seen, expiresAt - Date.now())) {
      if (withdrawal) return stop();
      await enter('pending_review', { revision: true, note: 'modifiée après publication' });
      continue;
    }
    await enter('expired');
    await notify('expired', 'expired-mail');
    return end('expired');
  }
}
