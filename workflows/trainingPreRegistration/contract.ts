import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DecisionPlan, Party } from '../kit/approval/contract.js';
import type { Withdrawal } from '../kit/lifecycle.js';

/** What the API gives a pre-registration lifecycle when the applicant sends it (step 5). */
export interface TrainingPreRegistrationInput {
  preRegistrationId: string;
  applicant: Party;
  /**
   * The applicant's address as an external party (`external_parties` id): a freed seat is offered
   * to it (the applicant confirms through a decision link). Addresses stay in PostgreSQL.
   */
  applicantParty: string;
  /** The supérieur hiérarchique named at step 4: an external approver, no account needed (`external_parties` id). */
  supervisorParty: string;
  /** `actionCode` is the chargé de projet's scope (codes are readable and stable across environments). */
  session: { id: string; actionId: string; actionCode: string; startsOn: string };
  plans: {
    supervisor: DecisionPlan;
    /** Configurable: the supervisor's silence refuses, or hands the request to the chargé de projet. */
    supervisorOnDeadline: 'refuse' | 'hand_over';
    projectManager: DecisionPlan;
    seatOffer: DecisionPlan;
  };
  /** How long before the session the decision is communicated (seed: about a month). */
  decisionNoticeMs: number;
}

export type PreRegistrationPhase =
  | 'awaiting_supervisor'
  | 'awaiting_project_manager'
  | 'accepted'
  | 'waitlisted'
  | 'seat_offered'
  | 'refused'
  | 'withdrawn'
  | 'cancelled'
  | 'completed';

export interface PreRegistrationState {
  phase: PreRegistrationPhase;
  startsOn: string;
  decisionCommunicated: boolean;
  communicationAt?: number;
}

export const withdrawPreRegistrationUpdate = defineUpdate<PreRegistrationState, [Withdrawal]>('preRegistration.withdraw');

/** The session moved (new start date) or was cancelled: sent by the API to every active request. */
export const sessionChangedSignal = defineSignal<[{ startsOn?: string; cancelled?: boolean }]>('preRegistration.sessionChanged');

/** A seat was reserved for this wait-listed request: offer it to the applicant. */
export const seatReservedSignal = defineSignal('preRegistration.seatReserved');

export const preRegistrationStateQuery = defineQuery<PreRegistrationState>('preRegistration.state');

export const trainingPreRegistrationWorkflowId = (preRegistrationId: string) => `training-pre-registration-${preRegistrationId}`;
