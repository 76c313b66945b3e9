import type { Party } from '../kit/approval/contract.js';

/** What the API gives a recruiter-registration lifecycle (no activity imports: the API imports this). */
export interface RecruiterRegistrationInput {
  accountId: string;
  /** `recruiter:<account id>`: the requester of the decision (the company and contact are read from PostgreSQL). */
  applicant: Party;
  emailValidationMs: number;
  /** ISO 8601 durations from the opening of the decision. */
  plan: { deadline: string; remindAfter?: string; remindEvery?: string };
}

export type RecruiterRegistrationPhase = 'awaiting_email' | 'awaiting_approval' | 'active' | 'refused' | 'expired';

export const recruiterRegistrationWorkflowId = (accountId: string) => `recruiter-registration-${accountId}`;
