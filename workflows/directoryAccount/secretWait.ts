import { ActivityFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { DirectoryAccountActivities as Activities } from '../../activities/directoryAccount.js';
import { defaultActivityOptions, rowVisibilityActivityOptions } from '../kit/activityOptions.js';
import { type SecretOutcome, secretUsedSignal } from './contract.js';

const requests = proxyActivities<Activities>(defaultActivityOptions);
const rows = proxyActivities<Activities>(rowVisibilityActivityOptions);

/**
 * The shape every directory lifecycle shares: the request's row is visible (or the API's
 * transaction never committed), its single-use secret is mailed, then the person uses it before
 * the deadline (the API tells us) or it stops working. The expiry is written under the row's lock
 * after the API's use, so a use that committed just before the deadline is never lost.
 */
export async function mailSecretAndWait({ requestId, windowMs }: { requestId: string; windowMs: number }): Promise<SecretOutcome> {
  let used = false;
  setHandler(secretUsedSignal, () => {
    used = true;
  });
  const stored = await rows.requireDirectoryRequestRow({ requestId }).then(
    () => true,
    (error) => (error instanceof ActivityFailure ? false : Promise.reject(error)),
  );
  if (!stored) return 'abandoned';

  await requests.mailDirectorySecret({ requestId });
  if (await condition(() => used, windowMs)) return 'used';
  const ended = await requests.endDirectoryRequest({ requestId });
  return ended.used ? 'used' : 'expired';
}
