import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { CandidateAccountActivities as Activities } from '../../activities/candidateAccount.js';
import { defaultActivityOptions, rowVisibilityActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';
import { waitForLinkUse } from '../kit/oneTimeLink.js';
import type { CandidateAccountInput, CandidateAccountOutcome } from './contract.js';

const accounts = proxyActivities<Activities>(defaultActivityOptions);
const rows = proxyActivities<Activities>(rowVisibilityActivityOptions);

/**
 * eCandidat, « Créer un compte » (seed 001). The API has already stored the account (with its
 * argon2id hash) as waiting for validation; this lifecycle takes it from there.
 */
export async function candidateAccount({ accountId, validationWindowMs }: CandidateAccountInput): Promise<CandidateAccountOutcome> {
  const account = lifecycle<'started' | 'abandoned' | 'awaiting_validation' | 'active' | 'purged'>({
    kind: 'candidateAccount',
    subjectId: accountId,
    initial: 'started',
  });
  const deadline = Date.now() + validationWindowMs;

  // 0. The API stores the account and starts this lifecycle in one transaction; if that commit
  //    failed (database outage), nobody was told « compte créé »: end quietly instead of failing.
  const stored = await rows.requireCandidateRow({ accountId }).then(
    () => true,
    (error) => (error instanceof ActivityFailure ? false : Promise.reject(error)),
  );
  if (!stored) {
    await account.enter('abandoned');
    return account.end('abandoned');
  }

  // 1. « Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider »:
  //    a validation link is mailed; « Renvoyer le lien » replaces it, until the deadline.
  await account.enter('awaiting_validation');
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
    use: (tokenId) => accounts.activateCandidateAccount({ accountId, tokenId, at: Date.now() }),
  });

  if (validation.used) {
    // 2. Validated: the candidate receives the numéro de dossier, their login.
    await accounts.mailCandidate({ accountId, template: 'accountValidated', step: 'validated-mail' });
    await account.enter('active');
    return account.end('validated');
  }
  // 3. Not validated in time: the account is purged and the address is free again.
  await accounts.purgeUnvalidatedCandidate({ accountId });
  await account.enter('purged');
  return account.end('purged');
}
