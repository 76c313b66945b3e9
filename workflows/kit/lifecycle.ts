import {
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { LifecycleActivities as Activities } from '../../activities/kit/lifecycle.js';
import { localProjectionActivityOptions, projectionActivityOptions } from './activityOptions.js';
import { LifecycleStatus } from './searchAttributes.js';

const scheduled = proxyActivities<Activities>(projectionActivityOptions);
const inWorker = proxyLocalActivities<Activities>(localProjectionActivityOptions);
/** Since this patch the event row is written by a local activity (older executions replay as they ran). */
const recordLifecycleEvent: Activities['recordLifecycleEvent'] = (event) =>
  (patched('lifecycle-local-projection') ? inWorker : scheduled).recordLifecycleEvent(event);

/**
 * Makes each step of a lifecycle visible twice: to operators (the `LifecycleStatus` search
 * attribute and the current details line in the Temporal UI) and to users (an idempotent row in
 * `lifecycle_events`, read by the API as the request's history).
 */
export function trackLifecycle(kind: string, subjectId: string) {
  let step = 0;
  return {
    async enter(status: string, details: Record<string, unknown> = {}): Promise<void> {
      upsertSearchAttributes([{ key: LifecycleStatus, value: status }]);
      setCurrentDetails(`**${kind}** · ${status}`);
      step += 1;
      await recordLifecycleEvent({
        workflowId: workflowInfo().workflowId,
        kind,
        subjectId,
        step: `${String(step).padStart(3, '0')}-${status}`,
        status,
        details,
      });
    },
  };
}
