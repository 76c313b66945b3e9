import { patched, upsertMemo } from '@temporalio/workflow';
import { candidateAccount as version1 } from '../../../workflows/candidateAccount/candidateAccount.js';
import type { CandidateAccountInput, CandidateAccountOutcome } from '../../../workflows/candidateAccount/contract.js';

/**
 * The same change as candidateAccountV2.ts, written for AUTO_UPGRADE: behind `patched()`, an
 * execution started on version 1 and moved to this code replays without the new step (its history
 * has no patch marker there) and goes on; a new execution takes it. Once no execution of version 1
 * remains, the next version replaces `patched` by `deprecatePatch`, and the one after drops both.
 */
export async function candidateAccount(input: CandidateAccountInput): Promise<CandidateAccountOutcome> {
  if (patched('welcome-flow-memo')) upsertMemo({ welcomeFlow: 'v2' });
  return version1(input);
}
