import { proxyActivities } from '@temporalio/workflow';
import type { DirectoryAccountActivities as Activities } from '../../activities/directoryAccount.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';
import type { DirectoryRequestInput } from './contract.js';
import { mailSecretAndWait } from './secretWait.js';

const requests = proxyActivities<Activities>(defaultActivityOptions);

export type AccountActivationOutcome = 'activated' | 'expired' | 'abandoned';

/**
 * « Première connexion ? »: the person gave their student number and birth date, the directory
 * knows them with a personal address and no password yet. A code goes to that address; with it
 * they choose their password (the API sets it in the directory with the service account).
 */
export async function accountActivation({ requestId, windowMs }: DirectoryRequestInput): Promise<AccountActivationOutcome> {
  const activation = lifecycle<'started' | 'code_sent' | AccountActivationOutcome>({
    kind: 'accountActivation',
    subjectId: requestId,
    initial: 'started',
    projectsStatus: true,
  });

  // 1. A single-use code goes to the personal address.
  await activation.enter('code_sent');
  const outcome = await mailSecretAndWait({ requestId, windowMs });

  // 2. The password was chosen: the person is told their account is active.
  if (outcome === 'used') {
    await requests.mailDirectoryOutcome({ requestId, outcome: 'activated' });
    await activation.enter('activated');
    return activation.end('activated');
  }
  // 3. The code expired unused (or the request was never stored): nothing changed in the directory.
  await activation.enter(outcome);
  return activation.end(outcome);
}
