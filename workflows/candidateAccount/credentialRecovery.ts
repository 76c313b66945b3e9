import { proxyActivities } from '@temporalio/workflow';
import type { CandidateAccountActivities as Activities } from '../../activities/candidateAccount.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';
import { waitForLinkUse } from '../kit/oneTimeLink.js';
import type { CredentialRecoveryInput, CredentialRecoveryOutcome } from './contract.js';

const accounts = proxyActivities<Activities>(defaultActivityOptions);

/**
 * « J'ai oublié mes identifiants » (seed 001). Where eCandidat mails a new password, we mail the
 * login and a single-use link to choose one: a password never travels by mail.
 */
export async function credentialRecovery({ accountId, linkValidityMs }: CredentialRecoveryInput): Promise<CredentialRecoveryOutcome> {
  const recovery = lifecycle<'started' | 'link_sent' | CredentialRecoveryOutcome>({
    kind: 'credentialRecovery',
    subjectId: accountId,
    initial: 'started',
  });
  const deadline = Date.now() + linkValidityMs;

  // 1. The login and the link to choose a new password are mailed.
  await recovery.enter('link_sent');
  const reset = await waitForLinkUse({
    deadline,
    maxResends: 3,
    issue: (attempt, tokenId) =>
      accounts.issueCandidateLink({ accountId, tokenId, purpose: 'password_reset', step: `recovery-link-${attempt}`, expiresAt: deadline }),
    // The API stored the new hash beside the token; the activity swaps it in and ends sessions.
    use: (tokenId) => accounts.applyPasswordReset({ accountId, tokenId, at: Date.now() }),
  });

  if (reset.used) {
    // 2. The password was changed: the candidate is told (in case it was not them).
    await accounts.mailCandidate({ accountId, template: 'passwordChanged', step: 'password-changed-mail' });
    await recovery.enter('password_changed');
    return recovery.end('password_changed');
  }
  // 3. The link expired unused: nothing changed.
  await recovery.enter('expired');
  return recovery.end('expired');
}
