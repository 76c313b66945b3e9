import { type Client, WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { LifecycleKind, LifecycleStatus, SubjectId } from '../workflows/kit/searchAttributes.js';

/**
 * How the API starts a lifecycle. `W` is the workflow function's type (a type-only import from
 * `workflows/<lifecycle>/`), so the input is checked without loading workflow code in the API.
 */
export interface LifecycleStart<W extends Workflow> {
  workflowType: string;
  workflowId: string;
  input: Parameters<W>[0];
  kind: string;
  subjectId: string;
  /** Shown in the Temporal UI's list, so it reads like a work queue. No personal data. */
  summary: string;
}

/**
 * Starts a lifecycle with its typed search attributes set from the first instant, so operators can
 * filter « all signups waiting for validation » without opening histories.
 */
export async function startLifecycle<W extends Workflow>(client: Client, taskQueue: string, start: LifecycleStart<W>) {
  // The options type of `start` is conditional on W: spelt out for one argument, it is what it checks.
  const options = {
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
  } as unknown as WorkflowStartOptions<W>;
  return client.workflow.start<W>(start.workflowType, options);
}

/** Starts the lifecycle, or tells the running one (same id) with `whenRunning`. */
export async function startOrNudge<W extends Workflow>(
  client: Client,
  taskQueue: string,
  start: LifecycleStart<W>,
  whenRunning: () => Promise<void>,
) {
  try {
    await startLifecycle(client, taskQueue, start);
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    await whenRunning();
  }
}
