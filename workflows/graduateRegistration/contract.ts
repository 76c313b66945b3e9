import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Party } from '../kit/approval/contract.js';

/** What the API gives a graduate-registration lifecycle (no activity imports: the API imports this). */
export interface GraduateRegistrationInput {
  accountId: string;
  /** `graduate:<account id>`: the requester of the decision (four eyes); the identity stays in PostgreSQL. */
  applicant: Party;
  /** What the registry lookup said when the person registered (db/registryLookup.ts). */
  registryMatch: 'present' | 'ambiguous' | 'absent';
  /** Absent from the registry, the complete form was already given with the identity (API clients). */
  formCompleted: boolean;
  emailValidationMs: number;
  diplomaChoiceMs: number;
  plan: GraduateDecisionPlan;
}

/** ISO 8601 durations from the opening of the decision (tests use seconds). */
export interface GraduateDecisionPlan {
  deadline: string;
  remindAfter?: string;
  remindEvery?: string;
  /** Responsable VET silent this long → the responsable composante is asked too. */
  escalateToComposante: string;
  /** … and this long → the administrateur. */
  escalateToAdmin: string;
}

/**
 * The graduate's answer to « choisissez votre diplôme ». The API has checked the diploma belongs to
 * a registry graduate the person matched; `sharedByHomonyms` says that several of the people they
 * matched hold this very diploma (same VET, same year), so the choice did not tell them apart.
 */
export type DiplomaChoice =
  | {
      kind: 'found';
      registryGraduateId: string;
      vetCode: string;
      vetLabel: string;
      composanteCode: string;
      year: number;
      sharedByHomonyms: boolean;
    }
  | {
      kind: 'not_found';
      composanteCode: string /** The title as typed, in PostgreSQL (free_texts): free text stays out of the history. */;
      titleId?: string;
      year?: number;
    };

export type GraduateRegistrationPhase =
  | 'awaiting_email'
  | 'awaiting_diploma'
  | 'awaiting_form'
  | 'awaiting_approval'
  | 'active'
  | 'refused'
  | 'expired'
  | 'duplicate';

export interface GraduateRegistrationState {
  phase: GraduateRegistrationPhase;
  choice?: DiplomaChoice;
}

export type GraduateGroup = { kind: 'composante' | 'vet'; code: string };

export const chooseDiplomaUpdate = defineUpdate<GraduateRegistrationState, [DiplomaChoice]>('graduate.chooseDiploma');
/** « Formulaire complet » sent (the API stored it: nothing personal travels in the Update). */
export const completeFormUpdate = defineUpdate<GraduateRegistrationState, []>('graduate.completeForm');
export const graduateRegistrationStateQuery = defineQuery<GraduateRegistrationState>('graduate.state');

export const graduateRegistrationWorkflowId = (accountId: string) => `graduate-registration-${accountId}`;
