import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type * as lifecycles from '../workflows/index.js';
import { LifecycleKind, LifecycleStatus, SubjectId } from '../workflows/kit/searchAttributes.js';

type LifecycleName = keyof typeof lifecycles;

export interface LifecycleStart<N extends LifecycleName> {
  workflowType: N;
  workflowId: string;
  input: Parameters<(typeof lifecycles)[N]>[0];
  kind: string;
  subjectId: string;
  /** Shown in the Temporal UI's list, so it reads like a work queue. No personal data. */
  summary: string;
}

/**
 * Starts a lifecycle with its typed search attributes set from the first instant, so operators can
 * filter « all signups waiting for validation » without opening histories.
 */
export async function startLifecycle<N extends LifecycleName>(client: Client, taskQueue: string, start: LifecycleStart<N>) {
  return client.workflow.start(start.workflowType, {
    taskQueue,
    workflowId: start.workflowId,
    args: [start.input],
    workflowIdConflictPolicy: 'FAIL',
    staticSummary: start.summary,
    typedSearchAttributes: [
      { key: LifecycleKind, value: start.kind },
      { key: LifecycleStatus, value: 'started' },
      { key: SubjectId, value: start.subjectId },
    ],
  });
}

/** Starts the lifecycle, or tells the running one (same id) with `whenRunning`. */
export async function startOrNudge<N extends LifecycleName>(
  client: Client,
  taskQueue: string,
  start: LifecycleStart<N>,
  whenRunning: () => Promise<void>,
) {
  try {
    await startLifecycle(client, taskQueue, start);
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    await whenRunning();
  }
}
