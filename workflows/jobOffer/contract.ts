import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DecisionPlan, Party } from '../kit/approval/contract.js';
import type { Withdrawal } from '../kit/lifecycle.js';

/** Stable status codes of an offer (stored), with the French labels « Mes offres d’emploi » shows. */
export const offerStatuses = ['pending_review', 'changes_requested', 'published', 'refused', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

export const offerStatusLabels: Record<OfferStatus, string> = {
  pending_review: 'en attente de validation',
  changes_requested: 'à modifier',
  published: 'publiée',
  refused: 'refusée',
  expired: 'expirée',
  withdrawn: 'retirée',
};

export const offerKinds = ['emploi', 'stage', 'alternance', 'volontariat', 'these'] as const;
export type OfferKind = (typeof offerKinds)[number];

export const offerKindLabels: Record<OfferKind, string> = {
  emploi: 'Emploi',
  stage: 'Stage',
  alternance: 'Alternance',
  volontariat: 'Volontariat (VIE, service civique)',
  these: 'Thèse',
};

/** What the API gives an offer's lifecycle. The offer's text stays in PostgreSQL (read each round). */
export interface JobOfferInput {
  offerId: string;
  /** `graduate:<uuid>` or `recruiter:<uuid>`: the four-eyes rule keeps them from moderating it. */
  author: Party;
  moderationPlan: DecisionPlan;
  /** Time to resubmit after « à modifier », after which the offer expires. */
  changesWindowMs: number;
}

export interface JobOfferState {
  status: OfferStatus;
  round: number;
  expiresAt?: number;
}

/** The author closes the offer: before moderation (withdrawal) or while published (early close). */
export const withdrawOfferUpdate = defineUpdate<JobOfferState, [Withdrawal]>('jobOffer.withdraw');

/**
 * The author saved a new version (the API wrote it in the same transaction): the offer goes back
 * to moderation. Accepted only while « à modifier » or « publiée ».
 */
export const reviseOfferUpdate = defineUpdate<JobOfferState, [{ revision: number }]>('jobOffer.revise');

export const jobOfferStateQuery = defineQuery<JobOfferState>('jobOffer.state');

export const jobOfferWorkflowId = (offerId: string) => `job-offer-${offerId}`;
export const offerApplicationWorkflowId = (applicationId: string) => `job-offer-application-${applicationId}`;
