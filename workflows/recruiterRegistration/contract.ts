import type { Party } from '../kit/approval/contract.js';

/** What the API gives a recruiter-registration lifecycle (no activity imports: the API imports this). */
export interface RecruiterRegistrationInput {
  accountId: string;
  /** `recruiter:<account id>` and the contact person's name: the requester of the decision. */
  applicant: Party;
  /** The company and contact person, shown to the administrateur. */
  details: Record<string, string>;
  emailValidationMs: number;
  /** ISO 8601 durations from the opening of the decision. */
  plan: { deadline: string; remindAfter?: string; remindEvery?: string };
}

export type RecruiterRegistrationPhase = 'awaiting_email' | 'awaiting_approval' | 'active' | 'refused' | 'expired';

export const recruiterRegistrationWorkflowId = (accountId: string) => `recruiter-registration-${accountId}`;
