import { proxyActivities } from '@temporalio/workflow';
import type { DirectoryAccountActivities as Activities } from '../../activities/directoryAccount.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';
import type { DirectoryRequestInput } from './contract.js';
import { mailSecretAndWait } from './secretWait.js';

const requests = proxyActivities<Activities>(defaultActivityOptions);

export type PersonalEmailChangeOutcome = 'applied' | 'expired' | 'abandoned';

/**
 * A new personal address in « Mes informations personnelles »: it counts only once validated by
 * the link mailed to it (the API then writes it in the directory); until then the old one stays.
 */
export async function personalEmailChange({ requestId, windowMs }: DirectoryRequestInput): Promise<PersonalEmailChangeOutcome> {
  const change = lifecycle<'started' | 'awaiting_validation' | PersonalEmailChangeOutcome>({
    kind: 'personalEmailChange',
    subjectId: requestId,
    initial: 'started',
    projectsStatus: true,
  });

  // 1. A validation link goes to the new address.
  await change.enter('awaiting_validation');
  const outcome = await mailSecretAndWait({ requestId, windowMs });

  // 2. Validated: the new address replaced the old one in the directory. Expired: the old one stays.
  if (outcome === 'used') {
    await requests.mailDirectoryOutcome({ requestId, outcome: 'mail_applied' });
    await change.enter('applied');
    return change.end('applied');
  }
  await change.enter(outcome);
  return change.end(outcome);
}
