/**
 * The baseline's worker, in its own process (its memory is measured like the platform's) and on
 * its own task queue. Same worker options as createPlatformWorker in worker.ts.
 * Env: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, BASELINE_TASK_QUEUE.
 */
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createBaselineActivities } from './activities.js';

const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const taskQueue = process.env.BASELINE_TASK_QUEUE ?? 'bench-baseline';

const connection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection,
  namespace,
  taskQueue,
  workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)),
  activities: createBaselineActivities((workflowId, tokenId) => process.send?.({ kind: 'mailed', workflowId, tokenId })),
  // As the platform's worker (WORKER_MAX_CACHED_WORKFLOWS, default 500).
  maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 500),
  shutdownGraceTime: '10 seconds',
});
console.log(`baseline worker polling task queue "${taskQueue}" on ${address}`);
await worker.run();
await connection.close();
