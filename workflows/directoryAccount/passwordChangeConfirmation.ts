import { proxyActivities } from '@temporalio/workflow';
import type { DirectoryAccountActivities as Activities } from '../../activities/directoryAccount.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';

const requests = proxyActivities<Activities>(defaultActivityOptions);

/**
 * « Connexion et sécurité »: the person changed their password with the current one (the API did
 * it in the directory, synchronously). The confirmation is mailed durably, once, even through an
 * SMTP outage.
 */
export async function passwordChangeConfirmation({ requestId }: { requestId: string }): Promise<'confirmed'> {
  const confirmation = lifecycle<'started' | 'confirmed'>({
    kind: 'passwordChangeConfirmation',
    subjectId: requestId,
    initial: 'started',
    projectsStatus: true,
  });
  await requests.mailDirectoryOutcome({ requestId, outcome: 'password_changed' });
  await confirmation.enter('confirmed');
  return confirmation.end('confirmed');
}
