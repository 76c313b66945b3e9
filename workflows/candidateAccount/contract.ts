/** What the API needs to start and address a candidate-account lifecycle (no activity imports). */
export interface CandidateAccountInput {
  accountId: string;
  validationWindowMs: number;
}

/** `abandoned`: the API's transaction that stored the account never committed (it answered 503). */
export type CandidateAccountOutcome = 'validated' | 'purged' | 'abandoned';

export const candidateAccountWorkflowId = (accountId: string) => `candidate-account-${accountId}`;

export interface CredentialRecoveryInput {
  accountId: string;
  linkValidityMs: number;
}

export type CredentialRecoveryOutcome = 'password_changed' | 'expired';

export const credentialRecoveryWorkflowId = (accountId: string) => `credential-recovery-${accountId}`;

export interface CandidateEmailChangeInput {
  accountId: string;
  validationWindowMs: number;
}

export type CandidateEmailChangeOutcome = 'applied' | 'expired' | 'taken';

export const candidateEmailChangeWorkflowId = (accountId: string) => `candidate-email-change-${accountId}`;
