import { ApplicationFailure, proxyActivities, setHandler } from '@temporalio/workflow';
import type { JobOfferActivities as Activities } from '../../activities/jobOffer.js';
import { ErrorKind } from '../../lib/errors.js';
import type { OfferNotice } from '../../mail/templates/jobOffer/offerNotice.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle, type ReasonRef } from '../kit/lifecycle.js';
import {
  type JobOfferInput,
  type JobOfferState,
  jobOfferStateQuery,
  type OfferStatus,
  reviseOfferUpdate,
  withdrawOfferUpdate,
} from './contract.js';

export const offers = proxyActivities<Activities>(defaultActivityOptions);

/**
 * One offer as its lifecycle follows it: its status (the lifecycle kit), the moderation round,
 * the versions the author saved (`reviseOfferUpdate`, sent by the API in the transaction that
 * stores the version) and the publication's expiry.
 */
export function followOffer(input: JobOfferInput) {
  const life = lifecycle<OfferStatus>({
    kind: 'jobOffer',
    subjectId: input.offerId,
    initial: 'pending_review',
    projectsStatus: true,
    // A status is about one version: once the author saved a newer one, an older phase's write
    // (late or retried) must not publish the unmoderated text again.
    version: (): number => offer.revision,
  });
  const offer = {
    input,
    life,
    round: 0,
    /** `job_offers.revision` of the newest version the lifecycle was told of. */
    revision: 1,
    /** Versions saved since the start. */
    revisions: 0,
    expiresAt: undefined as number | undefined,
    notify: (notice: OfferNotice, step: string, reason: ReasonRef = {}) =>
      offers.mailOfferAuthor({ offerId: input.offerId, notice, step, ...reason }),
    /**
     * Waits for a version newer than `seen`; false when `timeoutMs` passed first. Take `seen` before
     * the status that allows editing is announced: the author may save as soon as it is visible.
     */
    revisedSince: (seen: number, timeoutMs: number) => life.waitUntil(() => offer.revisions !== seen, timeoutMs),
  };
  const state = (): JobOfferState => ({
    status: life.phase,
    round: offer.round,
    ...(offer.expiresAt ? { expiresAt: offer.expiresAt } : {}),
  });

  setHandler(jobOfferStateQuery, state);
  life.acceptWithdrawal(withdrawOfferUpdate, state, () => `Cette offre est déjà close (${life.phase}).`);
  setHandler(
    reviseOfferUpdate,
    ({ revision }) => {
      offer.revisions += 1;
      offer.revision = Math.max(offer.revision, revision);
      return state();
    },
    {
      validator: (_revision) => {
        if (life.finished || life.stop || (life.phase !== 'changes_requested' && life.phase !== 'published')) {
          throw ApplicationFailure.create({
            type: ErrorKind.Conflict,
            message: 'Cette offre ne peut être modifiée que lorsqu’elle est « à modifier » ou « publiée ».',
          });
        }
      },
    },
  );
  return offer;
}

export type Offer = ReturnType<typeof followOffer>;
