/**
 * The baseline: the candidate-account lifecycle's shape with nothing of the platform in it. Same
 * number of activities on the happy path (6, as workflows/candidateAccount/candidateAccount.ts: the row check,
 * projection, mail a link, activate inside the Update, mail the outcome, projection), the same wait for an Update
 * with a validator and a deadline, the same retry policy, and the same kind for each: the two
 * projection writes are local activities, as the platform's lifecycle kit writes them
 * (workflows/kit/lifecycle.ts, `enter`). Activities do nothing (no database, no mail); the "mail"
 * tells the benchmark process over IPC, as our SMTP receiver would.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import type { BaselineActivities } from './activities.js';

const step = proxyActivities<BaselineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const projection = proxyLocalActivities<BaselineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
  localRetryThreshold: '10 seconds',
});

export const useLinkUpdate = defineUpdate<{ fileNumber: string }, [{ tokenId: string }]>('useLink');

export async function baselineLifecycle({ validationWindowMs }: { validationWindowMs: number }): Promise<'validated' | 'purged'> {
  let tokenId: string | undefined;
  let inFlight = false;
  let used = false;
  setHandler(
    useLinkUpdate,
    async (input) => {
      inFlight = true;
      try {
        const result = await step.activate(input.tokenId); // 3
        used = true;
        return result;
      } finally {
        inFlight = false;
      }
    },
    {
      validator: (input) => {
        if (used || inFlight) throw ApplicationFailure.create({ type: 'AlreadyDone', message: 'already used' });
        if (input.tokenId !== tokenId) throw ApplicationFailure.create({ type: 'Superseded', message: 'not the current link' });
      },
    },
  );

  await step.record('stored'); // 0: as the platform's check that the API's row is visible
  await projection.record('awaiting_validation'); // 1
  // As workflows/oneTimeLink.ts: the workflow mints the token id before the "mail" leaves.
  tokenId = uuid4();
  await step.issueLink(tokenId); // 2
  const validated = await condition(() => used, validationWindowMs);
  if (!validated) {
    await projection.record('purged');
    return 'purged';
  }
  await step.mailOutcome(); // 4
  await projection.record('active'); // 5
  await condition(allHandlersFinished);
  return 'validated';
}
