import { proxyActivities } from '@temporalio/workflow';
import type { CandidateAccountActivities as Activities } from '../../activities/candidateAccount.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';
import { waitForLinkUse } from '../kit/oneTimeLink.js';
import type { CandidateEmailChangeInput, CandidateEmailChangeOutcome } from './contract.js';

const accounts = proxyActivities<Activities>(defaultActivityOptions);

/**
 * Changing the e-mail address (seed 001: « lorsque vous aurez modifié votre compte, vous serez
 * déconnecté. Vous devrez consulter vos courriels pour valider votre adresse, puis vous pourrez
 * vous reconnecter »). The API recorded the new address as pending and closed the sessions.
 */
export async function candidateEmailChange({
  accountId,
  validationWindowMs,
}: CandidateEmailChangeInput): Promise<CandidateEmailChangeOutcome> {
  const change = lifecycle<'started' | 'awaiting_validation' | CandidateEmailChangeOutcome>({
    kind: 'candidateEmailChange',
    subjectId: accountId,
    initial: 'started',
  });
  const deadline = Date.now() + validationWindowMs;

  // 1. A validation link goes to the new address; login is refused meanwhile.
  await change.enter('awaiting_validation');
  const validation = await waitForLinkUse({
    deadline,
    maxResends: 5,
    issue: (attempt, tokenId) =>
      accounts.issueCandidateLink({
        accountId,
        tokenId,
        purpose: 'email_change',
        step: `email-change-link-${attempt}`,
        expiresAt: deadline,
      }),
    use: (tokenId) => accounts.applyCandidateEmailChange({ accountId, tokenId, at: Date.now() }),
  });

  // 2. Validated → the new address replaces the old one. Expired → the old one is kept, so the
  //    candidate is never locked out of their account by an unfinished change.
  const outcome = validation.used ? validation.result : await accounts.abandonCandidateEmailChange({ accountId });
  await accounts.mailCandidate({ accountId, template: 'emailChangeOutcome', outcome, step: 'outcome-mail' });
  await change.enter(outcome);
  return change.end(outcome);
}
