import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { housekeepingScheduleId } from './contract.js';
import type { housekeeping } from './housekeeping.js';

/**
 * Creates the housekeeping Schedule if it does not exist yet (client code, not workflow code: the
 * API calls it at start, so every replica may, and the first one wins). It shows in the Temporal
 * UI under Schedules, where operators pause it, trigger it or read its runs. A changed interval
 * is applied by deleting the Schedule there: the next API start creates it again.
 */
export async function ensureHousekeepingSchedule(
  client: Client,
  options: { taskQueue: string; everyMs: number; retentionMs: number },
): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId: housekeepingScheduleId(options.taskQueue),
      spec: { intervals: [{ every: options.everyMs }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'housekeeping' as unknown as typeof housekeeping,
        taskQueue: options.taskQueue,
        args: [{ retentionMs: options.retentionMs }],
        workflowExecutionTimeout: '1 hour',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
      state: { note: 'Sessions, délais de connexion, quotas, liens utilisés ou expirés (issue 12)' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
