import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { table } from '../../harness/stats.js';
import {
  everyPromiseKept,
  nothingLostNothingTwice,
  printReport,
  runScenario,
  type ScenarioOptions,
  type ScenarioReport,
  sleep,
} from '../faults/support/faultRun.js';
import { type ClusterWorld, startClusterWorld } from './support/clusterWorld.js';
import { recoveryOf } from './support/recovery.js';

/**
 * What a real cluster must survive, with a few hundred candidate-account lifecycles in flight
 * (created, mailed, validated from the mail's link, logged in) while one part of it breaks.
 * The cluster is started once; the scenarios run one after the other on it, each repairing what
 * it broke. After each: every person done, no lost 2xx, no workflow failed or stuck, no row written
 * twice, no mail sent twice unless as an identical copy (same Message-ID, counted and printed), no
 * 500, and every 503 with Retry-After.
 */
let world: ClusterWorld;
beforeAll(async () => {
  world = await startClusterWorld();
}, 600_000);
afterAll(() => world?.stop());

const summaries: Array<[string, string]> = [];

async function scenario(options: ScenarioOptions, extra: () => Promise<Record<string, number | string>> = async () => ({})) {
  const balancerBefore = world.balancer.stats();
  let faultAt = 0;
  let repairedAt = 0;
  const report = await runScenario(world, {
    ...options,
    fault: async (w) => {
      faultAt = Date.now();
      await options.fault(w);
      repairedAt = Date.now();
    },
  });
  printReport(report, world);
  const balancer = world.balancer.stats();
  const recovery = recoveryOf(report.answers, faultAt, repairedAt);
  const details: Record<string, number | string> = {
    '503 answers without Retry-After': report.answers.filter((a) => a.status === 503 && !a.retryAfter).length,
    'fault in place (s)': Math.round((repairedAt - faultAt) / 100) / 10,
    'steps begun during the fault: time to final answer': recovery.duringFault,
    'steps begun otherwise: time to final answer': recovery.otherwise,
    'transient answers (5xx, 429, none), retried': recovery.transientAnswers,
    'last transient answer, seconds after the repair': recovery.lastTransientAfterRepairS,
    'load balancer: failovers to the other replica': balancer.failovers - balancerBefore.failovers,
    'load balancer: 502 (a replica died holding the request)': balancer.badGateway - balancerBefore.badGateway,
    ...(await extra()),
  };
  console.log(table([['more counts', 'value'], ...Object.entries(details).map(([key, value]) => [key, String(value)])]));
  summaries.push([options.name, summaryOf(report, details)]);
  return { report, details };
}

function summaryOf(report: ScenarioReport, details: Record<string, number | string>): string {
  const c = report.counts;
  const http = Object.entries(c)
    .filter(([key, value]) => /^HTTP .* (5\d\d|no answer)$/.test(key) && value > 0)
    .map(([key, value]) => `${key.replace('HTTP ', '')}: ${value}`);
  return [
    `${c['people done (validated, logged in, welcome mail)']}/${report.people} done`,
    `${c['workflows COMPLETED']} completed`,
    `${c['lost 2xx (201 without its workflow, rows or mails)']} lost`,
    `${c['accounts with a row written twice']} rows twice`,
    `${c['mails received twice (same recipient+subject)']} identical mail copies`,
    `${c['activity attempts failed (retried by Temporal)']} activity retries`,
    ...http,
    `${report.durationS} s`,
    `fault ${details['fault in place (s)']} s, steps begun during it: ${details['steps begun during the fault: time to final answer']}`,
    `otherwise: ${details['steps begun otherwise: time to final answer']}`,
    `last transient answer +${details['last transient answer, seconds after the repair']} s after the repair`,
    ...Object.entries(details)
      .filter(([key]) => key.startsWith('shards') || key.startsWith('load balancer'))
      .map(([key, value]) => `${key}: ${value}`),
  ].join(' · ');
}

/** The promises of every scenario, plus the cluster's own: no 503 without Retry-After. */
function expectEveryPromiseKept(report: ScenarioReport, details: Record<string, number | string>) {
  expect(nothingLostNothingTwice(report)).toEqual(everyPromiseKept);
  expect(details['503 answers without Retry-After']).toBe(0);
}

/** Distinct shards a history process acquired since `since` (its « Acquired shard » log lines). */
async function shardsAcquired(name: string, since: number): Promise<number> {
  const lines = await world.cluster.service(name).logLines(/"msg":"Acquired shard"/, since);
  return new Set(lines.map((line) => /"shard-id":(\d+)/.exec(line)?.[1])).size;
}

describe('cluster faults', () => {
  it('when one history process is killed, then the other takes its shards over, and when it comes back every lifecycle has completed, nothing twice', async () => {
    let killedAt = 0;
    let restartedAt = 0;
    const { report, details } = await scenario(
      {
        name: 'history process SIGKILL',
        faultAtMs: 10_000,
        fault: async () => {
          killedAt = Date.now();
          await world.cluster.service('history-1').kill();
          await sleep(20_000);
          restartedAt = Date.now();
          await world.cluster.service('history-1').start();
        },
      },
      async () => ({
        'shards acquired by history-2 after the kill': await shardsAcquired('history-2', killedAt),
        'shards acquired by history-1 once back': await shardsAcquired('history-1', restartedAt),
      }),
    );
    expectEveryPromiseKept(report, details);
    // The survivor took over the dead process's shards, and the process back took its share again.
    expect(details['shards acquired by history-2 after the kill']).toBeGreaterThan(0);
    expect(details['shards acquired by history-1 once back']).toBeGreaterThan(0);
  });

  it('when matching is killed and started again 15 s later, then tasks wait and every lifecycle completes, nothing twice', async () => {
    const { report, details } = await scenario({
      name: 'matching SIGKILL',
      faultAtMs: 10_000,
      fault: async () => {
        await world.cluster.service('matching').kill();
        await sleep(15_000);
        await world.cluster.service('matching').start();
      },
    });
    expectEveryPromiseKept(report, details);
  });

  it('when the frontend restarts, then workers and API replicas reconnect and every lifecycle completes, nothing twice', async () => {
    const { report, details } = await scenario({
      name: 'frontend restart',
      faultAtMs: 10_000,
      fault: async () => {
        await world.cluster.service('frontend').stop();
        await world.cluster.service('frontend').start();
      },
    });
    expectEveryPromiseKept(report, details);
  });

  it('when one of the two platform workers is killed, then the other runs every lifecycle to its end, nothing twice', async () => {
    const { report, details } = await scenario({
      name: 'platform worker SIGKILL',
      faultAtMs: 10_000,
      fault: async () => {
        await world.killWorker(1);
        // The survivor alone for a while (the sticky queue of the dead one times out), then back to two.
        await sleep(20_000);
        await world.startWorkerAt(1);
      },
    });
    expectEveryPromiseKept(report, details);
  });

  it('when one API replica is killed in the middle of requests, then the load balancer and the people retry on the other one, nothing lost, nothing twice', async () => {
    const { report, details } = await scenario({
      name: 'API replica SIGKILL',
      faultAtMs: 10_000,
      fault: async () => {
        await world.killApi(0);
        await sleep(20_000);
        await world.startApiAt(0);
      },
    });
    expectEveryPromiseKept(report, details);
  });

  it('when PostgreSQL restarts (Temporal and the platform lose it), then every lifecycle completes, nothing twice, 503 with Retry-After meanwhile', async () => {
    const { report, details } = await scenario({
      name: 'PostgreSQL restart',
      faultAtMs: 10_000,
      fault: async () => {
        await world.stack.stopPostgres();
        await sleep(5_000);
        await world.stack.startPostgres();
      },
    });
    expectEveryPromiseKept(report, details);
  });

  afterAll(() => {
    if (summaries.length) console.log(`\n== cluster fault scenarios\n${summaries.map(([name, line]) => `${name}: ${line}`).join('\n')}`);
  });
});
