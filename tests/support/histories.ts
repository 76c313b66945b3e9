import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { type ReplayWorkerOptions, Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { workerDataConverter } from '../../lib/codec/dataConverter.js';
import { parsePayloadKeys } from '../../lib/codec/payloadKeys.js';
import { workflowSpanSinks } from '../../lib/telemetry/temporal.js';
import type { World } from './world.js';
import './provided.js';

/** Where the recorded histories live (replayed by tests/platform/replay.test.ts). */
export const historiesDir = join(import.meta.dirname, '..', 'histories');

/** The run's workflow bundle (built once by the global setup): a replay worker does not bundle again. */
export const replayOptions = (): ReplayWorkerOptions => ({
  workflowBundle: { codePath: inject('workflowBundlePath') },
  // The bundle's tracing interceptors export through this sink (lib/telemetry/temporal.ts).
  sinks: workflowSpanSinks(),
  // The run's keys, which include the recorded histories' fixture key (tests/support/payloadKeys.ts).
  dataConverter: workerDataConverter(testPayloadKeys()),
});

export function testPayloadKeys() {
  const env = inject('payloadKeyEnv');
  return parsePayloadKeys(env.PAYLOAD_KEYS, env.PAYLOAD_KEY_CURRENT);
}

/**
 * Replays a finished lifecycle against the current workflow code (determinism); with
 * `RECORD_HISTORIES=1` it also refreshes tests/histories/<name>.json, which replay.test.ts keeps replaying.
 */
export async function replayFinished(world: World, workflowId: string, name: string): Promise<void> {
  const handle = world.temporal.workflow.getHandle(workflowId);
  await handle.result();
  const history = await handle.fetchHistory();
  if (process.env.RECORD_HISTORIES) writeFileSync(join(historiesDir, `${name}.json`), historyToJSON(history));
  await Worker.runReplayHistory(replayOptions(), history, workflowId);
}
