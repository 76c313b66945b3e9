import { ActivityFailure, allHandlersFinished, condition, patched, proxyActivities } from '@temporalio/workflow';
import type { CandidateAccountActivities as Activities } from '../../activities/candidateAccount.js';
import { defaultActivityOptions, rowVisibilityActivityOptions } from '../kit/activityOptions.js';
import { trackLifecycle } from '../kit/lifecycle.js';
import { waitForLinkUse } from '../kit/oneTimeLink.js';
import type { CandidateAccountInput, CandidateAccountOutcome } from './contract.js';

const accounts = proxyActivities<Activities>(defaultActivityOptions);
const rows = proxyActivities<Activities>(rowVisibilityActivityOptions);

/**
 * eCandidat, « Créer un compte » (seed 001). The API has already stored the account (with its
 * argon2id hash) as waiting for validation; this lifecycle takes it from there.
 */
export async function candidateAccount({ accountId, validationWindowMs }: CandidateAccountInput): Promise<CandidateAccountOutcome> {
  const track = trackLifecycle('candidateAccount', accountId);
  const deadline = Date.now() + validationWindowMs;

  // 0. The API stores the account and starts this lifecycle in one transaction; if that commit
  //    failed (database outage), nobody was told « compte créé »: end quietly instead of failing.
  if (patched('wait-for-account-row')) {
    const stored = await rows.requireCandidateRow({ accountId }).then(
      () => true,
      (error) => (error instanceof ActivityFailure ? false : Promise.reject(error)),
    );
    if (!stored) {
      await track.enter('abandoned');
      return 'abandoned';
    }
  }

  // 1. « Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider »:
  //    a validation link is mailed; « Renvoyer le lien » replaces it, until the deadline.
  await track.enter('awaiting_validation');
  const validation = await waitForLinkUse({
    deadline,
    maxResends: 5,
    issue: (attempt, tokenId) =>
      accounts.issueCandidateLink({
        accountId,
        tokenId,
        purpose: 'account_validation',
        step: `validation-link-${attempt}`,
        expiresAt: deadline,
      }),
    use: (tokenId) => accounts.activateCandidateAccount({ accountId, tokenId }),
  });

  if (validation.used) {
    // 2. Validated: the candidate receives the numéro de dossier, their login.
    await accounts.mailCandidate({ accountId, template: 'accountValidated', step: 'validated-mail' });
    await track.enter('active');
  } else {
    // 3. Not validated in time: the account is purged and the address is free again.
    await accounts.purgeUnvalidatedCandidate({ accountId });
    await track.enter('purged');
  }
  await condition(allHandlersFinished);
  return validation.used ? 'validated' : 'purged';
}
