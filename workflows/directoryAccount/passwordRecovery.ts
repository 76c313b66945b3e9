import { proxyActivities } from '@temporalio/workflow';
import type { DirectoryAccountActivities as Activities } from '../../activities/directoryAccount.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';
import type { DirectoryRequestInput } from './contract.js';
import { mailSecretAndWait } from './secretWait.js';

const requests = proxyActivities<Activities>(defaultActivityOptions);

export type PasswordRecoveryOutcome = 'password_set' | 'expired' | 'abandoned';

/**
 * « Mot de passe oublié ? »: a single-use link goes to the personal address the directory holds;
 * with it the person chooses a new password (the directory's policy applies).
 */
export async function passwordRecovery({ requestId, windowMs }: DirectoryRequestInput): Promise<PasswordRecoveryOutcome> {
  const recovery = lifecycle<'started' | 'link_sent' | PasswordRecoveryOutcome>({
    kind: 'passwordRecovery',
    subjectId: requestId,
    initial: 'started',
    projectsStatus: true,
  });

  // 1. The link goes to the personal address.
  await recovery.enter('link_sent');
  const outcome = await mailSecretAndWait({ requestId, windowMs });

  // 2. A new password was chosen: the person is told (in case it was not them).
  if (outcome === 'used') {
    await requests.mailDirectoryOutcome({ requestId, outcome: 'password_set' });
    await recovery.enter('password_set');
    return recovery.end('password_set');
  }
  // 3. The link expired unused: nothing changed.
  await recovery.enter(outcome);
  return recovery.end(outcome);
}
