import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * The student card's lifecycle, as the API addresses it (no activity import here). Ids only: the
 * card's and the holder's internal ids; names, photos and addresses stay in PostgreSQL.
 */
export type CardPhase =
  | 'awaiting_photo'
  | 'photo_pending'
  | 'photo_refused'
  | 'request_checked'
  | 'in_print'
  | 'printed'
  | 'encoded'
  | 'ready'
  | 'enabled'
  | 'disabled'
  | 'expired'
  | 'replaced'
  | 'cancelled';

export type OppositionMotive = 'lost' | 'theft' | 'out_of_order';

/** The card office's steps, in order: each can only follow the one before. */
export const productionSteps = ['in_print', 'printed', 'encoded', 'ready', 'enabled'] as const;
export type ProductionStep = (typeof productionSteps)[number];
export const stepBefore: Record<ProductionStep, CardPhase> = {
  in_print: 'request_checked',
  printed: 'in_print',
  encoded: 'printed',
  ready: 'encoded',
  enabled: 'ready',
};

export interface StudentCardInput {
  cardId: string;
  /** The holder's ENT account id (the requester of the photo review: `ent:<id>`). */
  holderId: string;
  /** A replacement whose accepted photo is still valid: straight to « demande validée ». */
  photoAlreadyAccepted: boolean;
  timers: {
    /** No photo this long after the request → one reminder mail. */
    photoReminderMs: number;
    /** No accepted photo this long after the request → the request is cancelled. */
    requestExpiryMs: number;
    /** A card ready this long and not collected → a reminder (repeated once). */
    collectionReminderMs: number;
    /** How long an enabled card is valid. */
    validityMs: number;
    /** How long a refused photo is kept before its bytes are deleted. */
    refusedPhotoRetentionMs: number;
  };
  /** The card office's review, ISO 8601 durations (a silent round is asked again). */
  review: { deadline: string; remindAfter?: string };
}

export interface AdvanceInput {
  to: ProductionStep;
  /** `staff:<id>`, checked by the API (role service_carte). */
  by: string;
}

export interface OppositionInput {
  motive: OppositionMotive;
}

export interface CardState {
  phase: CardPhase;
  reviewRounds: number;
  disabledAt?: number;
  motive?: OppositionMotive;
  replacementCardId?: string;
}

export const photoUploadedSignal = defineSignal<[{ photoId: string }]>('studentCard.photoUploaded');
export const advanceUpdate = defineUpdate<CardState, [AdvanceInput]>('studentCard.advance');
export const opposeUpdate = defineUpdate<CardState, [OppositionInput]>('studentCard.oppose');
export const reactivateUpdate = defineUpdate<CardState, [{ by: string }]>('studentCard.reactivate');
export const orderReplacementUpdate = defineUpdate<CardState, []>('studentCard.orderReplacement');
export const cardStateQuery = defineQuery<CardState>('studentCard.state');

export const studentCardWorkflowId = (cardId: string) => `student-card-${cardId}`;
