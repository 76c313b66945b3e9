import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '../../worker.js';
import type { World } from './world.js';

/**
 * Replays a finished lifecycle against the current workflow code (determinism); with
 * `RECORD_HISTORIES=1` it also refreshes tests/histories/<name>.json, which replay.test.ts keeps replaying.
 */
export async function replayFinished(world: World, workflowId: string, name: string): Promise<void> {
  const handle = world.temporal.workflow.getHandle(workflowId);
  await handle.result();
  const history = await handle.fetchHistory();
  if (process.env.RECORD_HISTORIES) writeFileSync(join(import.meta.dirname, '..', 'histories', `${name}.json`), historyToJSON(history));
  await Worker.runReplayHistory({ workflowsPath }, history, workflowId);
}
