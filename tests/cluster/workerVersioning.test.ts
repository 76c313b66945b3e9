import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterStack, startClusterStack } from '../../harness/clusterStack.js';
import { waitFor } from '../../infra/processControl.js';
import { workflowsPath } from '../../worker.js';
import { changedWorkflowsEntry, Deployment, DRAINING, executionVersion } from './versioning/deployment.js';
import { type Person, startVersionedPlatform, type VersionedPlatform } from './versioning/versionedPlatform.js';

/**
 * Deploying new workflow code while lifecycles wait (README, « Deploying new workflow code »), on
 * the real cluster, with the real platform worker configured by WORKER_DEPLOYMENT_NAME,
 * WORKER_BUILD_ID and WORKER_VERSIONING_BEHAVIOR, and real « Créer un compte » lifecycles that
 * wait for their validation link while the deployment changes under them.
 *
 * Version 2 adds a first step to the lifecycle (tests/cluster/versioning/candidateAccountV2.ts).
 * PINNED: executions finish on the version they started on, whatever the code deployed since;
 * version 2 may then change the workflow freely. AUTO_UPGRADE: waiting executions move to the
 * current version at their next step, so the change must be behind `patched()`.
 */
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const bundles: Record<'v1' | 'v2' | 'v2patched', string> = { v1: '', v2: '', v2patched: '' };
const steps: string[] = [];
const log = (line: string) => {
  steps.push(line);
  console.log(`[versioning] ${line}`);
};

let stack: ClusterStack;
beforeAll(async () => {
  // The SDK's own lines (worker state changes) would drown the steps; warnings and errors stay.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  stack = await startClusterStack({ name: 'approvals-versioning', log: (line) => console.log(line) });
  const quiet = { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never;
  // One after the other: each bundle takes both cores for a few seconds.
  bundles.v1 = (await bundleWorkflowCode({ workflowsPath, logger: quiet })).code;
  bundles.v2 = (
    await bundleWorkflowCode({ workflowsPath: changedWorkflowsEntry(here('versioning/candidateAccountV2.ts')), logger: quiet })
  ).code;
  bundles.v2patched = (
    await bundleWorkflowCode({ workflowsPath: changedWorkflowsEntry(here('versioning/candidateAccountV2Patched.ts')), logger: quiet })
  ).code;
}, 600_000);
afterAll(async () => {
  console.log(`\n== worker versioning, step by step\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  await stack?.stop();
});

const all = <T>(items: T[], fn: (item: T) => Promise<unknown>) => Promise.all(items.map(fn));
const signUps = (platform: VersionedPlatform, tag: string, n: number) => Promise.all(Array.from({ length: n }, () => platform.signUp(tag)));

describe('worker versioning: PINNED lifecycles across a deployment', () => {
  let platform: VersionedPlatform;
  let deployment: Deployment;
  const waiting: Record<string, Person[]> = {};
  const stopV1: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    platform = await startVersionedPlatform(stack, 'pinned');
    deployment = new Deployment(platform.client, platform.deploymentName);
  });
  afterAll(() => platform?.stop());

  it('when version 1 is current, then new lifecycles start on it, pinned', async () => {
    const v1 = await platform.startVersion('v1', 'PINNED', bundles.v1);
    stopV1.push(() => v1.stop());
    await deployment.setCurrent('v1');
    waiting.first = await signUps(platform, 'first', 6);
    const versions = await all(waiting.first, async (p) =>
      expect(await executionVersion(platform.client, p.workflowId)).toMatchObject({ buildId: 'v1', behavior: 'PINNED' }),
    );
    log(`v1 current: ${versions.length} lifecycles started, all pinned to v1, waiting for their link`);
  });

  it('when version 2 (a changed workflow) is deployed and ramped to 50 %, then new lifecycles split between the versions and the waiting ones stay on version 1', async () => {
    await platform.startVersion('v2', 'PINNED', bundles.v2);
    await deployment.setRamping('v2', 50);
    waiting.ramped = await signUps(platform, 'ramped', 16);
    const versions = await Promise.all(waiting.ramped.map((p) => executionVersion(platform.client, p.workflowId)));
    const onV2 = versions.filter((v) => v.buildId === 'v2');
    const onV1 = versions.filter((v) => v.buildId === 'v1');
    expect(onV1.length + onV2.length).toBe(16);
    expect(onV2.length).toBeGreaterThan(0);
    expect(onV1.length).toBeGreaterThan(0);
    // Version 2's code is what runs them: only they carry its memo.
    expect(onV2.every((v) => v.welcomeFlow === 'v2')).toBe(true);
    expect(onV1.every((v) => v.welcomeFlow === undefined)).toBe(true);
    for (const p of waiting.first!) expect((await executionVersion(platform.client, p.workflowId)).buildId).toBe('v1');
    log(
      `v2 deployed (new first step, no patch) and ramped to 50 %: of 16 new lifecycles ${onV1.length} on v1, ${onV2.length} on v2; the 6 waiting ones still on v1`,
    );
  });

  it('when version 2 becomes current and is then rolled back and forward, then new lifecycles follow the current version', async () => {
    await deployment.setCurrent('v2');
    waiting.current = await signUps(platform, 'current', 6);
    for (const p of waiting.current)
      expect(await executionVersion(platform.client, p.workflowId)).toMatchObject({ buildId: 'v2', welcomeFlow: 'v2' });
    // Roll back: version 1's workers are still up, so new lifecycles go there again at once.
    await deployment.setCurrent('v1');
    waiting.rolledBack = await signUps(platform, 'rollback', 3);
    for (const p of waiting.rolledBack) expect(await executionVersion(platform.client, p.workflowId)).toMatchObject({ buildId: 'v1' });
    await deployment.setCurrent('v2');
    log('v2 current: 6 new lifecycles on v2; rolled back to v1: 3 new ones on v1; v2 current again');
  });

  it('when the pinned lifecycles are validated, then each finishes on the version it started on, with that version’s code', async () => {
    // No longer current but still holding open executions: version 1 is draining, not drained.
    await waitFor(async () => (await deployment.drainageStatus('v1')) === DRAINING, {
      timeoutMs: 30_000,
      message: 'version 1 never reported as draining while its lifecycles were open',
    });
    const everyone = Object.values(waiting).flat();
    const outcomes = await Promise.all(everyone.map((p) => platform.validate(p)));
    expect(outcomes.every((o) => o === 'validated')).toBe(true);
    const versions = await Promise.all(everyone.map((p) => executionVersion(platform.client, p.workflowId)));
    // PINNED: every workflow task of an execution was completed by one build, start to end.
    for (const v of versions) expect(v.completedBy).toEqual([v.buildId]);
    const finishedOnV1 = versions.filter((v) => v.buildId === 'v1').length;
    log(
      `${everyone.length} lifecycles validated: ${finishedOnV1} finished on v1 (started before v2 or while ramping / rolled back), ${everyone.length - finishedOnV1} on v2; none changed version`,
    );
  });

  it('when version 1 has no open lifecycle left, then it drains, and once its worker stops it is retired', async () => {
    const drainStarted = Date.now();
    await deployment.waitUntilDrained('v1');
    const drainedAfter = Date.now() - drainStarted;
    for (const stop of stopV1) await stop();
    const { refusedWhilePolled } = await deployment.retire('v1');
    expect(await deployment.versions()).toEqual(['v2']);
    log(
      `v1 draining while its lifecycles were open, drained ${(drainedAfter / 1000).toFixed(0)} s after the last one closed; its worker stopped; deleted after ${refusedWhilePolled} refusal(s) while its pollers were still remembered; the deployment now has only v2`,
    );
  });
});

describe('worker versioning: AUTO_UPGRADE lifecycles and patched()', () => {
  let platform: VersionedPlatform;
  let deployment: Deployment;
  const movedToV2: string[] = [];

  beforeAll(async () => {
    platform = await startVersionedPlatform(stack, 'auto');
    deployment = new Deployment(platform.client, platform.deploymentName);
  });
  afterAll(() => platform?.stop());

  it('when version 2 (the change behind patched()) becomes current, then waiting lifecycles move to it at their next step, replay, and finish without the new step', async () => {
    await platform.startVersion('v1', 'AUTO_UPGRADE', bundles.v1);
    await deployment.setCurrent('v1');
    const started = await signUps(platform, 'before', 6);
    for (const p of started)
      expect(await executionVersion(platform.client, p.workflowId)).toMatchObject({ buildId: 'v1', behavior: 'AUTO_UPGRADE' });

    await platform.startVersion('v2', 'AUTO_UPGRADE', bundles.v2patched);
    await deployment.setCurrent('v2');
    const after = await signUps(platform, 'after', 4);
    const outcomes = await Promise.all([...started, ...after].map((p) => platform.validate(p)));
    expect(outcomes.every((o) => o === 'validated')).toBe(true);

    const moved = await Promise.all(started.map((p) => executionVersion(platform.client, p.workflowId)));
    for (const v of moved) {
      // Started by v1, finished by v2 (the link's Update was its first task after the switch)…
      expect(v.completedBy).toEqual(['v1', 'v2']);
      // … which replayed its v1 history: patched() was false there, so no new step.
      expect(v.welcomeFlow).toBeUndefined();
    }
    movedToV2.push(...started.map((p) => p.workflowId));
    for (const p of after)
      expect(await executionVersion(platform.client, p.workflowId)).toMatchObject({ completedBy: ['v2'], welcomeFlow: 'v2' });
    log(
      'AUTO_UPGRADE: 6 lifecycles started on v1 moved to v2 at their link, replayed their history on the patched code and finished (no new step); 4 started on v2 took it',
    );
  });

  it('when the same change is not behind patched(), then a moved lifecycle’s history no longer replays: the reason AUTO_UPGRADE needs patched()', async () => {
    expect(movedToV2.length).toBeGreaterThan(0);
    const history = await platform.client.workflow.getHandle(movedToV2[0]!).fetchHistory();
    const dataConverter = platform.replayDataConverter;
    await expect(Worker.runReplayHistory({ workflowBundle: { code: bundles.v2patched }, dataConverter }, history)).resolves.toBeUndefined();
    await expect(Worker.runReplayHistory({ workflowBundle: { code: bundles.v2 }, dataConverter }, history)).rejects.toThrow(
      /nondeterminism/i,
    );
    log('replayed on the patched v2 code: OK; on the unpatched v2 code: nondeterminism error (the execution would be stuck)');
  });
});
