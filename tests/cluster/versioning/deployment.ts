/**
 * What an operator does with Worker Versioning, through the frontend's API (the same calls as
 * `temporal worker deployment set-current-version / set-ramping-version / delete-version`), and
 * what a test reads back: which version an execution runs on, which build completed each of its
 * workflow tasks, its memo.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { waitFor } from '../../../infra/processControl.js';
import { workflowEntryPath } from '../../../lib/lifecycleModules.js';

export const DRAINING = 1; // VERSION_DRAINAGE_STATUS_DRAINING
export const DRAINED = 2; // VERSION_DRAINAGE_STATUS_DRAINED

const FAILED_PRECONDITION = 9;
const NOT_FOUND = 5;
const grpcCode = (error: unknown) => (error as { code?: number }).code;

export class Deployment {
  constructor(
    private readonly client: Client,
    readonly name: string,
  ) {}

  private get service() {
    return this.client.workflowService;
  }

  private get namespace() {
    return this.client.options.namespace;
  }

  /**
   * New executions start on `buildId` (and the ramp, if any, ends). A version exists once one of
   * its workers has polled, so a freshly started worker may need a moment: retried meanwhile.
   */
  async setCurrent(buildId: string): Promise<void> {
    await this.retryWhileUnknown(() =>
      this.service.setWorkerDeploymentCurrentVersion({
        namespace: this.namespace,
        deploymentName: this.name,
        buildId,
        identity: 'versioning test',
      }),
    );
  }

  /** `percentage` % of new executions start on `buildId`, the others on the current version. */
  async setRamping(buildId: string, percentage: number): Promise<void> {
    await this.retryWhileUnknown(() =>
      this.service.setWorkerDeploymentRampingVersion({
        namespace: this.namespace,
        deploymentName: this.name,
        buildId,
        percentage,
        identity: 'versioning test',
      }),
    );
  }

  async drainageStatus(buildId: string): Promise<number> {
    const { workerDeploymentVersionInfo } = await this.service.describeWorkerDeploymentVersion({
      namespace: this.namespace,
      deploymentVersion: { deploymentName: this.name, buildId },
    });
    return workerDeploymentVersionInfo?.drainageInfo?.status ?? 0;
  }

  /** Waits until no open execution is pinned to `buildId` any more (the server checks visibility periodically). */
  async waitUntilDrained(buildId: string, timeoutMs = 120_000): Promise<void> {
    await waitFor(async () => (await this.drainageStatus(buildId)) === DRAINED, {
      timeoutMs,
      intervalMs: 1_000,
      message: `version ${buildId} of ${this.name} not drained after ${timeoutMs / 1000} s`,
    });
  }

  /** Deletes a drained version whose workers are gone (refused while it still has pollers: retried). */
  async retire(buildId: string, timeoutMs = 120_000): Promise<{ refusedWhilePolled: number }> {
    let refusedWhilePolled = 0;
    await waitFor(
      async () => {
        try {
          await this.service.deleteWorkerDeploymentVersion({
            namespace: this.namespace,
            deploymentVersion: { deploymentName: this.name, buildId },
            identity: 'versioning test',
          });
          return true;
        } catch (error) {
          if (grpcCode(error) !== FAILED_PRECONDITION) throw error;
          refusedWhilePolled += 1;
          return false;
        }
      },
      { timeoutMs, intervalMs: 2_000, message: `version ${buildId} of ${this.name} could not be deleted within ${timeoutMs / 1000} s` },
    );
    return { refusedWhilePolled };
  }

  async versions(): Promise<string[]> {
    const { workerDeploymentInfo } = await this.service.describeWorkerDeployment({ namespace: this.namespace, deploymentName: this.name });
    return (workerDeploymentInfo?.versionSummaries ?? []).map((summary) => summary.deploymentVersion?.buildId ?? '').sort();
  }

  private async retryWhileUnknown(call: () => Promise<unknown>): Promise<void> {
    await waitFor(
      async () => {
        try {
          await call();
          return true;
        } catch (error) {
          // The version or the deployment is not known yet (no poller seen yet).
          if (grpcCode(error) === NOT_FOUND || grpcCode(error) === FAILED_PRECONDITION) return false;
          throw error;
        }
      },
      { timeoutMs: 60_000, intervalMs: 500, message: `deployment ${this.name}: the version was not registered within 60 s` },
    );
  }
}

export interface ExecutionVersion {
  /** The version the execution is on now (PINNED: the one it started on). */
  buildId: string | undefined;
  behavior: 'PINNED' | 'AUTO_UPGRADE' | 'UNSPECIFIED';
  /** The build of the worker that completed each of its workflow tasks, in order, repeats collapsed. */
  completedBy: string[];
  /** The memo version 2 of the workflow writes. */
  welcomeFlow: string | undefined;
}

export async function executionVersion(client: Client, workflowId: string): Promise<ExecutionVersion> {
  const handle = client.workflow.getHandle(workflowId);
  const [description, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
  const info = description.raw.workflowExecutionInfo?.versioningInfo;
  const completedBy: string[] = [];
  for (const event of history.events ?? []) {
    const buildId = event.workflowTaskCompletedEventAttributes?.deploymentVersion?.buildId;
    if (buildId && completedBy.at(-1) !== buildId) completedBy.push(buildId);
  }
  const behaviors = { 1: 'PINNED', 2: 'AUTO_UPGRADE' } as const;
  return {
    buildId: info?.deploymentVersion?.buildId ?? undefined,
    behavior: behaviors[(info?.behavior ?? 0) as 1 | 2] ?? 'UNSPECIFIED',
    completedBy,
    welcomeFlow: description.memo?.welcomeFlow as string | undefined,
  };
}

/**
 * The bundler's entry for a changed build: every lifecycle's workflows, as the platform worker
 * bundles them (lib/lifecycleModules.ts), with `candidateAccount` replaced by `module`'s.
 */
export function changedWorkflowsEntry(module: string): string {
  const source = [
    '// Generated by tests/cluster/versioning/deployment.ts: the platform with one workflow changed.',
    `export * from ${JSON.stringify(workflowEntryPath())};`,
    `export { candidateAccount } from ${JSON.stringify(module)};`,
    '',
  ].join('\n');
  const dir = join(workflowEntryPath(), '..', '..', `changed-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'index.ts');
  writeFileSync(entry, source);
  return entry;
}
