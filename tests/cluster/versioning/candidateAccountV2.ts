import { upsertMemo } from '@temporalio/workflow';
import { candidateAccount as version1 } from '../../../workflows/candidateAccount/candidateAccount.js';
import type { CandidateAccountInput, CandidateAccountOutcome } from '../../../workflows/candidateAccount/contract.js';

/**
 * Version 2 of « Créer un compte », as the versioning test deploys it: a new first step records
 * which welcome flow the lifecycle follows (a memo the Temporal UI shows), then the lifecycle goes
 * on as before. Written without `patched()`: an execution of version 1 replayed on this code
 * would fail (its history has no such step), so it may only be deployed with PINNED executions.
 */
export async function candidateAccount(input: CandidateAccountInput): Promise<CandidateAccountOutcome> {
  upsertMemo({ welcomeFlow: 'v2' });
  return version1(input);
}
