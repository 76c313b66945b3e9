/**
 * `npm run bench`: the candidate-account lifecycle through the real platform, against a baseline
 * of the same shape on bare Temporal, on the same Temporal server. See bench/README.md.
 *
 *   npm run bench                              200 lifecycles at 20/s (about 2 minutes on 2 cores)
 *   npm run bench -- --n 500 --rate 50         another load
 *   npm run bench -- --rate max --concurrency 40   capacity: as fast as 40 people in flight allow
 *   npm run bench -- --decisions 200 --decision-rate 10   the decision scenario at another load
 *   npm run bench -- --only scale --scale 10000 --scale-rows 100000   10,000 lifecycles waiting on
 *                                              people, then 100,000 pending tasks: inbox and « mes candidatures »
 *   npm run bench -- --sqlite-pragma synchronous=OFF   the dev server with SQLite pragmas
 *
 * Environment: BENCH_DATABASE_URL, BENCH_TEMPORAL_ADDRESS (+ BENCH_TEMPORAL_NAMESPACE) use a
 * configured PostgreSQL / Temporal instead of embedded ones; configuration variables of
 * lib/config.ts (ARGON2_MEMORY_KIB, DATABASE_POOL_MAX, LOG_LEVEL…) are passed to the worker and API.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { type DriveResult, drive } from '../harness/arrivals.js';
import { type LifecycleTimings, timedCandidateLifecycle } from '../harness/candidates.js';
import { harnessPayloadKeyEnv, type PlatformEnv, platformEnv, stackClient, startApi, startWorker } from '../harness/platform.js';
import { cpuMs, type NodeChild, peakRss, repoRoot, rssSampler, spawnNode, stolenMs, treeCpuMs } from '../harness/processes.js';
import { type Stack, sqliteJournalObserved, startStack } from '../harness/stack.js';
import { limitsNote, staffSession } from '../harness/staff.js';
import { mib, type Summary, summarize, table } from '../harness/stats.js';
import { parseConfig } from '../lib/config.js';
import { candidateAccountWorkflowId } from '../workflows/candidateAccount/contract.js';
import { useLinkUpdate } from './baseline/workflows.js';
import { type Breakdown, historyBreakdown, timeline } from './history.js';
import { type DecisionReport, decisionScenario } from './scenarios/decision.js';
import { type ScaleReport, scaleScenario } from './scenarios/scale.js';

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '250' },
    decisions: { type: 'string', default: '100' },
    'decision-rate': { type: 'string', default: '5' },
    scale: { type: 'string', default: '0' },
    'scale-rows': { type: 'string', default: '0' },
    'scale-rate': { type: 'string', default: '20' },
    'sqlite-pragma': { type: 'string', multiple: true },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(
    'npm run bench -- [--n 200] [--rate 20|max] [--concurrency 50] [--warmup 10] [--think-ms 250]\n' +
      '                 [--decisions 100] [--decision-rate 5] [--scale 0] [--scale-rows 0] [--scale-rate 20]\n' +
      '                 [--sqlite-pragma synchronous=OFF]... [--only baseline|platform|decisions|scale] [--verbose]',
  );
  process.exit(0);
}
const n = positiveInt('n', flags.n!);
const rate = flags.rate === 'max' ? 0 : Number(flags.rate);
if (!Number.isFinite(rate) || rate < 0) throw new Error(`--rate must be a number of arrivals per second or "max"`);
const concurrency = positiveInt('concurrency', flags.concurrency!);
const warmup = Number(flags.warmup);
/** How long a person takes to click the link once the mail is there (both sides alike). */
const thinkMs = Number(flags['think-ms']);
const decisions = Number(flags.decisions);
const decisionRate = Number(flags['decision-rate']);
const scale = Number(flags.scale);
const scaleRows = Number(flags['scale-rows']);
const scaleRate = Number(flags['scale-rate']);
const only = flags.only;
if (only !== undefined && !['baseline', 'platform', 'decisions', 'scale'].includes(only))
  throw new Error('--only: baseline, platform, decisions or scale');
const runs = (part: 'baseline' | 'platform' | 'decisions' | 'scale') => only === undefined || only === part;
const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const log = flags.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function positiveInt(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Accounting: CPU per process over a phase, peak memory.

interface Pids {
  temporal?: number;
  postgres?: number;
  worker?: number;
  api?: number;
}

function cpuSnapshot(pids: Pids): Record<string, number | undefined> {
  const own = process.cpuUsage();
  return {
    temporal: pids.temporal ? cpuMs(pids.temporal) : undefined,
    postgres: pids.postgres ? treeCpuMs(pids.postgres) : undefined,
    worker: pids.worker ? cpuMs(pids.worker) : undefined,
    api: pids.api ? cpuMs(pids.api) : undefined,
    driver: (own.user + own.system) / 1000,
    // Not ours: CPU the host gave to other guests during the phase (excluded from the total).
    'stolen by the host': stolenMs(),
  };
}

function cpuPerLifecycle(before: Record<string, number | undefined>, after: Record<string, number | undefined>, completed: number) {
  const result: Record<string, number> = {};
  for (const key of Object.keys(after)) {
    const a = after[key];
    const b = before[key];
    if (a !== undefined && b !== undefined) result[key] = Math.round(((a - b) / Math.max(1, completed)) * 10) / 10;
  }
  return result;
}

interface PhaseReport {
  completed: number;
  failed: number;
  failures: { index: number; error: string }[];
  /** Failures counted by the start of their message. */
  failureKinds: Record<string, number>;
  offeredRatePerS: number | 'max';
  makespanS: number;
  throughputPerS: number;
  maxArrivalLagMs: number;
  latencyMs: Record<string, Summary>;
  memory: Record<string, { peakVmHWM?: number; peakRssUnderLoad?: number }>;
  cpuMsPerLifecycle: Record<string, number>;
  /** Lifecycles whose first link click was refused as « superseded » (clicked before the workflow recorded its link), and clicks refused. */
  earlyClickRefusals: { lifecycles: number; clicks: number };
  /** From up to 30 workflow histories spread over the run. */
  historyBreakdown?: Breakdown;
}

/** Up to `count` items spread evenly over the list. */
function spread<T>(items: T[], count = 30): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

function phaseReport(
  result: DriveResult<Omit<LifecycleTimings, 'accountId'> & { accountId?: string }>,
  memory: PhaseReport['memory'],
  cpu: Record<string, number>,
): PhaseReport {
  const pick = (key: keyof LifecycleTimings) => summarize(result.results.map((r) => r[key] as number));
  const latencyMs: Record<string, Summary> = {
    start: pick('startMs'),
    createdToMail: pick('createdToMailMs'),
    validationToActive: pick('validationToActiveMs'),
    total: pick('totalMs'),
  };
  if (result.results.some((r) => r.loginMs > 0)) latencyMs.login = pick('loginMs');
  return {
    completed: result.results.length,
    failed: result.failures.length,
    failures: result.failures.slice(0, 5),
    failureKinds: result.failures.reduce<Record<string, number>>((kinds, f) => {
      const kind = f.error.slice(0, 80);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      return kinds;
    }, {}),
    offeredRatePerS: rate || 'max',
    makespanS: Math.round(result.makespanMs) / 1000,
    throughputPerS: Math.round((result.results.length / (result.makespanMs / 1000)) * 100) / 100,
    maxArrivalLagMs: Math.round(result.maxArrivalLagMs),
    latencyMs,
    memory,
    cpuMsPerLifecycle: cpu,
    earlyClickRefusals: {
      lifecycles: result.results.filter((r) => r.supersededRetries > 0).length,
      clicks: result.results.reduce((sum, r) => sum + r.supersededRetries, 0),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Baseline: bare Temporal client, baseline worker in its own process.

async function baselinePhase(stack: Stack, client: Client): Promise<PhaseReport> {
  const taskQueue = `bench-baseline-${runId}`;
  const worker = spawnNode(
    'baseline-worker',
    path.join(repoRoot, 'bench/baseline/worker.ts'),
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_NAMESPACE: stack.namespace,
      BASELINE_TASK_QUEUE: taskQueue,
      ...(process.env.WORKER_MAX_CACHED_WORKFLOWS ? { WORKER_MAX_CACHED_WORKFLOWS: process.env.WORKER_MAX_CACHED_WORKFLOWS } : {}),
    },
    { ipc: true, log },
  );
  children.add(worker);
  try {
    await worker.waitForLine(/baseline worker polling/, 180_000);
    // "Mails" arrive over IPC; a waiter may register after its mail (fast paths), hence both maps.
    const arrived = new Map<string, { tokenId: string; at: number }>();
    const waiting = new Map<string, (mail: { tokenId: string; at: number }) => void>();
    worker.child.on('message', (message: { kind: string; workflowId: string; tokenId: string }) => {
      if (message.kind !== 'mailed') return;
      const mail = { tokenId: message.tokenId, at: Date.now() };
      const waiter = waiting.get(message.workflowId);
      if (waiter) {
        waiting.delete(message.workflowId);
        waiter(mail);
      } else arrived.set(message.workflowId, mail);
    });
    const mailFor = (workflowId: string) =>
      new Promise<{ tokenId: string; at: number }>((resolve) => {
        const mail = arrived.get(workflowId);
        if (mail) {
          arrived.delete(workflowId);
          resolve(mail);
        } else waiting.set(workflowId, resolve);
      });

    const lifecycle = async (label: string, index: number) => {
      const workflowId = `bench-baseline-${runId}-${label}-${index}`;
      const t0 = performance.now();
      const handle = await client.workflow.start('baselineLifecycle', {
        taskQueue,
        workflowId,
        args: [{ validationWindowMs: 5 * 24 * 3600_000 }],
      });
      const startMs = performance.now() - t0;
      const createdAt = Date.now();
      const mail = await mailFor(workflowId);
      const createdToMailMs = Math.max(0, mail.at - createdAt);
      await new Promise((resolve) => setTimeout(resolve, thinkMs));
      const t2 = performance.now();
      // Same policy as the platform's driver: a link refused as "superseded" because the workflow
      // has not yet recorded the link it "mailed" is clicked again after 25 ms.
      let supersededRetries = 0;
      for (;;) {
        try {
          await handle.executeUpdate(useLinkUpdate, { args: [{ tokenId: mail.tokenId }] });
          break;
        } catch (error) {
          const superseded =
            error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === 'Superseded';
          if (!superseded || supersededRetries >= 80) throw error;
          supersededRetries += 1;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
      const validationToActiveMs = performance.now() - t2;
      await handle.result();
      return { startMs, createdToMailMs, validationToActiveMs, loginMs: 0, totalMs: performance.now() - t0, supersededRetries, workflowId };
    };

    if (warmup > 0) await drive({ label: 'warm-up', n: warmup, rate: rate || 10, run: (i) => lifecycle('warmup', i), quiet: true });
    const pids = { temporal: stack.temporalPid(), postgres: stack.postgresPid(), worker: worker.pid };
    const sampler = rssSampler(() => worker.pid);
    const before = cpuSnapshot(pids);
    const result = await drive({ label: 'baseline', n, rate, concurrency, run: (i) => lifecycle('run', i) });
    const after = cpuSnapshot(pids);
    sampler.stop();
    const report = phaseReport(
      result,
      { worker: { peakVmHWM: peakRss(worker.pid), peakRssUnderLoad: sampler.peak() } },
      cpuPerLifecycle(before, after, result.results.length),
    );
    report.historyBreakdown = await historyBreakdown(client, spread(result.results.map((r) => r.workflowId)));
    return report;
  } finally {
    await worker.stop();
    children.delete(worker);
  }
}

// ---------------------------------------------------------------------------------------------
// Platform: the real API and worker, driven over HTTP, mails read from SMTP.

async function platformPhase(stack: Stack, client: Client, platform: PlatformEnv, worker: NodeChild, api: NodeChild): Promise<PhaseReport> {
  const workflowClosed = (accountId: string) => client.workflow.getHandle(candidateAccountWorkflowId(accountId)).result();
  const lifecycle = (label: string, index: number) =>
    timedCandidateLifecycle({ baseUrl: platform.baseUrl, inbox: stack.inbox, runId: `${runId}-${label}`, index, workflowClosed, thinkMs });

  if (warmup > 0) await drive({ label: 'warm-up', n: warmup, rate: rate || 10, run: (i) => lifecycle('warmup', i), quiet: true });
  const pids = { temporal: stack.temporalPid(), postgres: stack.postgresPid(), worker: worker.pid, api: api.pid };
  const workerSampler = rssSampler(() => worker.pid);
  const apiSampler = rssSampler(() => api.pid);
  const before = cpuSnapshot(pids);
  const result = await drive({ label: 'platform', n, rate, concurrency, run: (i) => lifecycle('run', i) });
  const after = cpuSnapshot(pids);
  workerSampler.stop();
  apiSampler.stop();
  const report = phaseReport(
    result,
    {
      worker: { peakVmHWM: peakRss(worker.pid), peakRssUnderLoad: workerSampler.peak() },
      api: { peakVmHWM: peakRss(api.pid), peakRssUnderLoad: apiSampler.peak() },
    },
    cpuPerLifecycle(before, after, result.results.length),
  );
  report.historyBreakdown = await historyBreakdown(client, spread(result.results.map((r) => candidateAccountWorkflowId(r.accountId))));
  return report;
}

// ---------------------------------------------------------------------------------------------
// Where the time goes: the one cost we can measure in isolation.

async function argon2Cost(env: NodeJS.ProcessEnv) {
  const memoryCost = Number(env.ARGON2_MEMORY_KIB ?? 19456);
  const timeCost = Number(env.ARGON2_TIME_COST ?? 2);
  const params = { algorithm: 2, memoryCost, timeCost, parallelism: 1 };
  await hash('warm up', params);
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) await hash(`password ${i}`, params);
  return {
    memoryKiB: memoryCost,
    timeCost,
    msPerHash: Math.round(((performance.now() - t0) / 10) * 10) / 10,
    perLifecycle: 2,
    note: 'one hash at creation, one verify at login (same cost)',
  };
}

// ---------------------------------------------------------------------------------------------

const children = new Set<NodeChild>();
const apiProblems: Record<string, number> = {};
let stack: Stack | undefined;
let stopping = false;
async function cleanUp() {
  await Promise.all([...children].map((child) => child.stop(5_000).catch(() => undefined)));
  await stack?.stop();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The demonstration request is submitted by a member of staff (issue 12: staff only, outside production). */
async function requesterSession(stackNow: Stack, platform: PlatformEnv): Promise<string> {
  return staffSession(platform.baseUrl, stackNow.databaseUrl, `${runId}-requester`);
}

const pcts = (s?: Summary) => (s?.count ? `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.p99.toFixed(0)}` : '–');

function renderDecisions(d: DecisionReport): string {
  const labels: Record<string, string> = {
    start: 'submit (POST /api/approvals/demo-requests)',
    createdToFirstMail: 'submitted → first « Décision attendue » mail',
    decisionPage: 'decision page (GET, changes nothing)',
    decisionPost: 'decision form POST → its 200',
    decisionToNextMail: 'decision → next mail received (goal p95 < 500)',
    lastDecisionToClosed: 'last decision → workflow closed',
    total: 'whole request (two decisions, think time included)',
  };
  const rows = [['decision scenario', 'p50 / p95 / p99 (ms)']];
  for (const [key, label] of Object.entries(labels)) rows.push([label, pcts(d.latencyMs[key])]);
  const breakdown = [['decision workflows: from 30 sampled histories', 'mean / p95 ms']];
  for (const [key, entry] of Object.entries(d.historyBreakdown ?? {}))
    breakdown.push([key, `${entry.meanMs.toFixed(0)} / ${entry.p95Ms.toFixed(0)}`]);
  return [
    '',
    `Decisions: ${d.completed}/${d.completed + d.failed} two-step requests completed at ${d.offeredRatePerS}/s offered (${d.throughputPerS}/s achieved)` +
      (d.hostCpuStolenPct !== undefined ? `; CPU stolen by the host meanwhile: ${d.hostCpuStolenPct} %` : ''),
    table(rows),
    ...d.failures.map((f) => `  failed #${f.index}: ${f.error}`),
    ...(breakdown.length > 1 ? ['', table(breakdown)] : []),
    ...(d.medianTimeline?.length
      ? ['', 'The median request, from its first decision (Update accepted) on:', ...d.medianTimeline.map((line) => `  ${line}`)]
      : []),
  ].join('\n');
}

function renderScale(r: ScaleReport): string {
  const names = Object.keys(r.checkpoints[0]?.reads ?? {});
  const header = ['read (500 requests in sequence): p50 / p95 / p99 ms', ...r.checkpoints.map((c) => c.label)];
  const rows = [header];
  rows.push([
    'pending tasks in total / typical inbox / busiest inbox',
    ...r.checkpoints.map((c) => `${c.pendingTasks} / ${c.typicalInbox} / ${c.busyInbox}`),
  ]);
  for (const name of names)
    rows.push([
      name,
      ...r.checkpoints.map((c) => `${pcts(c.reads[name])}${c.reads[name]?.errors ? ` (${c.reads[name]!.errors} errors)` : ''}`),
    ]);
  rows.push(['worker RSS at the checkpoint', ...r.checkpoints.map((c) => mib(c.workerRss))]);
  const lines = ['', 'Scale', table(rows)];
  if (r.lifecycles) {
    lines.push(
      `lifecycles: ${r.lifecycles.waitingOnTheirDecision}/${r.lifecycles.started} waiting on their decision (${r.lifecycles.failedToStart} failed to start), started at ${r.lifecycles.startRatePerS}/s, all waiting after ${r.lifecycles.seconds} s (${r.lifecycles.reachedWaitingPerS}/s); running trainingPreRegistration workflows: ${r.runningPreRegistrationWorkflows ?? '?'}`,
      `worker RSS before the fill ${mib(r.workerRss.beforeFill)}, peak during ${mib(r.workerRss.peakDuringFill)}, after ${mib(r.workerRss.afterFill)} (VmHWM ${mib(r.workerRss.peakVmHWM)})`,
    );
  }
  if (r.rows)
    lines.push(
      `projection rows added by SQL (no workflow behind them): ${r.rows.rowsAdded} pending tasks with their requests, pre-registrations and applicants`,
    );
  return lines.join('\n');
}

async function main() {
  const startedAt = new Date();
  say(
    `run ${runId}: N=${n} at ${rate || `max (concurrency ${concurrency})`}/s, think time ${thinkMs} ms, warm-up ${warmup}` +
      `${runs('decisions') && decisions ? `; ${decisions} decision requests at ${decisionRate}/s` : ''}` +
      `${runs('scale') && (scale || scaleRows) ? `; then ${scale} lifecycles waiting (${scaleRate} starts/s), ${scaleRows} pending tasks` : ''}`,
  );
  const t0 = Date.now();
  stack = await startStack({
    name: 'approvals-bench',
    log,
    sqlitePragmas: flags['sqlite-pragma'],
    external: {
      databaseUrl: process.env.BENCH_DATABASE_URL,
      temporalAddress: process.env.BENCH_TEMPORAL_ADDRESS,
      namespace: process.env.BENCH_TEMPORAL_NAMESPACE,
    },
  });
  say(`stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (Temporal ${stack.temporalAddress}, SMTP ${stack.inbox.url})`);
  const client = await stackClient(stack);
  // Issue 13: the figures are those of the real shape, every payload sealed (lib/codec/).
  const payloadCodec = `AES-256-GCM payload codec on (worker, API and this client; key id ${harnessPayloadKeyEnv.PAYLOAD_KEY_CURRENT ?? 'from PAYLOAD_KEYS'}), failures encoded`;
  say(`payload codec: ${payloadCodec}`);

  const report: Record<string, unknown> = {
    runId,
    startedAt: startedAt.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageAtStart: os.loadavg(),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    options: {
      n,
      rate: rate || 'max',
      concurrency: rate ? undefined : concurrency,
      warmup,
      thinkMs,
      decisions,
      decisionRate,
      scale,
      scaleRows,
      scaleRate: scale ? scaleRate : undefined,
      only,
    },
  };

  let baseline: PhaseReport | undefined;
  if (runs('baseline')) {
    say('baseline: bare Temporal client, 5 no-op activities, one Update');
    baseline = await baselinePhase(stack, client);
  }

  const platform = await platformEnv(stack);
  say(limitsNote(platform.settings));
  let result: PhaseReport | undefined;
  let decisionResult: DecisionReport | undefined;
  let scaleReport: ScaleReport | undefined;
  const wantsDecisions = runs('decisions') && decisions > 0;
  const wantsScale = runs('scale') && (scale > 0 || scaleRows > 0);
  if (runs('platform') || wantsDecisions || wantsScale) {
    say(`platform: worker.ts and server.ts in child processes (task queue ${platform.taskQueue})`);
    // The API's warnings and errors (e.g. why it answered 503), counted by message.
    const apiLog = (line: string) => {
      log?.(line);
      const match = /"level":(40|50|60).*?"msg":"([^"]*)"/.exec(line);
      if (!match) return;
      const type = /"type":"([^"]+)"/.exec(line)?.[1];
      const key = `${match[2]}${type ? ` (${type})` : ''}`;
      apiProblems[key] = (apiProblems[key] ?? 0) + 1;
    };
    const [worker, api] = await Promise.all([startWorker(platform, log), startApi(platform, apiLog)]);
    children.add(worker).add(api);
    try {
      if (runs('platform')) result = await platformPhase(stack, client, platform, worker, api);
      if (wantsDecisions) {
        say(`decisions: ${decisions} two-step requests at ${decisionRate}/s, each step decided through its mail's link`);
        const stolenBefore = stolenMs();
        const decidedFrom = Date.now();
        const decided = await decisionScenario({
          baseUrl: platform.baseUrl,
          inbox: stack.inbox,
          client,
          session: await requesterSession(stack, platform),
          runId,
          n: decisions,
          rate: decisionRate,
          warmup: Math.min(warmup, 10),
          thinkMs,
        });
        decisionResult = decided.report;
        const stolen = stolenMs();
        if (stolen !== undefined && stolenBefore !== undefined) {
          decisionResult.hostCpuStolenPct =
            Math.round(((stolen - stolenBefore) / ((Date.now() - decidedFrom) * os.cpus().length)) * 1000) / 10;
        }
        const ids = decided.result.results.map((r) => r.workflowId);
        decisionResult.historyBreakdown = await historyBreakdown(client, spread(ids));
        // The request whose « decision → next mail » was the median: its history from the first decision on.
        const byLatency = [...decided.result.results].sort((a, b) => a.decisionToNextMailMs - b.decisionToNextMailMs);
        const median = byLatency[Math.floor(byLatency.length / 2)];
        if (median) decisionResult.medianTimeline = await timeline(client, median.workflowId, /UPDATE_ACCEPTED/);
      }
      if (wantsScale) {
        scaleReport = await scaleScenario({
          databaseUrl: stack.databaseUrl,
          baseUrl: platform.baseUrl,
          client,
          config: parseConfig(platform.env),
          taskQueue: platform.taskQueue,
          workerPid: worker.pid,
          runId,
          lifecycles: scale,
          rows: scaleRows,
          fillRate: scaleRate,
          say,
        });
      }
    } finally {
      await Promise.all([api.stop(), worker.stop()]);
      children.delete(api);
      children.delete(worker);
    }
  }

  report.temporal = { ...stack.temporalSettings, sqliteJournalObserved: sqliteJournalObserved(stack) };
  report.payloadCodec = payloadCodec;
  report.platformSettings = {
    fromBench: platform.settings,
    productionDefaults: 'everything else (lib/config.ts): DATABASE_POOL_MAX=10, ARGON2 19456 KiB t=2 unless set above',
    worker: `worker.ts createPlatformWorker: maxCachedWorkflows ${parseConfig(platform.env).temporal.maxCachedWorkflows} (WORKER_MAX_CACHED_WORKFLOWS), SDK defaults for task slots and pollers`,
  };
  report.baseline = baseline;
  report.platform = result;
  report.ratio = baseline && result ? Math.round((result.throughputPerS / baseline.throughputPerS) * 100) / 100 : undefined;
  report.argon2 = await argon2Cost(platform.env);
  report.decisions = decisionResult;
  report.scale = scaleReport;
  report.apiWarningsAndErrors = apiProblems;

  const file = path.join(repoRoot, 'results', `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);

  console.log(render(report, baseline, result));
  if (decisionResult) console.log(renderDecisions(decisionResult));
  if (scaleReport) console.log(renderScale(scaleReport));
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
}

function render(report: Record<string, unknown>, baseline?: PhaseReport, platform?: PhaseReport): string {
  const cell = (phase: PhaseReport | undefined, f: (p: PhaseReport) => string) => (phase ? f(phase) : '–');
  // Below 90 % of the offered rate the system was saturated: latencies then include queueing.
  const keptUp = (p: PhaseReport) =>
    rate === 0 ? 'closed loop' : p.throughputPerS >= 0.9 * rate ? 'yes' : 'no: saturated, latencies include queueing';
  const rows: string[][] = [
    ['', 'baseline (bare Temporal)', 'platform (HTTP+DB+SMTP)'],
    ['completed / N', cell(baseline, (p) => `${p.completed}/${n}`), cell(platform, (p) => `${p.completed}/${n}`)],
    ['offered arrival rate (/s)', String(rate || 'max'), String(rate || 'max')],
    ['completed lifecycles/s', cell(baseline, (p) => p.throughputPerS.toFixed(2)), cell(platform, (p) => p.throughputPerS.toFixed(2))],
    ['ratio platform / baseline', '', report.ratio === undefined ? '–' : `${report.ratio}×`],
    ['kept up with the arrivals?', cell(baseline, keptUp), cell(platform, keptUp)],
    ['start call p50/p95/p99 (ms)', cell(baseline, (p) => pcts(p.latencyMs.start)), cell(platform, (p) => pcts(p.latencyMs.start))],
    [
      'created → mail p50/p95/p99 (ms)',
      cell(baseline, (p) => pcts(p.latencyMs.createdToMail)),
      cell(platform, (p) => pcts(p.latencyMs.createdToMail)),
    ],
    [
      'validation → active p50/p95/p99 (ms)',
      cell(baseline, (p) => pcts(p.latencyMs.validationToActive)),
      cell(platform, (p) => pcts(p.latencyMs.validationToActive)),
    ],
    ['login p50/p95/p99 (ms)', '–', cell(platform, (p) => pcts(p.latencyMs.login))],
    ['whole lifecycle p50/p95/p99 (ms)', cell(baseline, (p) => pcts(p.latencyMs.total)), cell(platform, (p) => pcts(p.latencyMs.total))],
    [
      'worker peak RSS: VmHWM / under load',
      cell(baseline, (p) => `${mib(p.memory.worker?.peakVmHWM)} / ${mib(p.memory.worker?.peakRssUnderLoad)}`),
      cell(platform, (p) => `${mib(p.memory.worker?.peakVmHWM)} / ${mib(p.memory.worker?.peakRssUnderLoad)}`),
    ],
    [
      'first click refused « remplacé » (lifecycles / clicks)',
      cell(baseline, (p) => `${p.earlyClickRefusals.lifecycles} / ${p.earlyClickRefusals.clicks}`),
      cell(platform, (p) => `${p.earlyClickRefusals.lifecycles} / ${p.earlyClickRefusals.clicks}`),
    ],
    [
      'API peak RSS: VmHWM / under load',
      '–',
      cell(platform, (p) => `${mib(p.memory.api?.peakVmHWM)} / ${mib(p.memory.api?.peakRssUnderLoad)}`),
    ],
  ];
  const cpuKeys = [...new Set([...Object.keys(baseline?.cpuMsPerLifecycle ?? {}), ...Object.keys(platform?.cpuMsPerLifecycle ?? {})])];
  for (const key of cpuKeys) {
    rows.push([
      `CPU ms per lifecycle: ${key}`,
      cell(baseline, (p) => p.cpuMsPerLifecycle[key]?.toFixed(1) ?? '–'),
      cell(platform, (p) => p.cpuMsPerLifecycle[key]?.toFixed(1) ?? '–'),
    ]);
  }
  const sum = (p: PhaseReport) =>
    Object.entries(p.cpuMsPerLifecycle)
      .filter(([key]) => key !== 'stolen by the host')
      .reduce((a, [, b]) => a + b, 0)
      .toFixed(1);
  rows.push(['CPU ms per lifecycle: total', cell(baseline, sum), cell(platform, sum)]);
  const breakdownKeys = [...new Set([...Object.keys(baseline?.historyBreakdown ?? {}), ...Object.keys(platform?.historyBreakdown ?? {})])];
  const breakdownRows = [['from workflow histories (30 sampled), mean / p95 ms', 'baseline', 'platform']];
  const timing = (p: PhaseReport | undefined, key: string) => {
    const entry = p?.historyBreakdown?.[key];
    return entry ? `${entry.meanMs.toFixed(0)} / ${entry.p95Ms.toFixed(0)}` : '–';
  };
  for (const key of breakdownKeys) breakdownRows.push([key, timing(baseline, key), timing(platform, key)]);
  const failures = [baseline, platform]
    .flatMap((p) => Object.entries(p?.failureKinds ?? {}))
    .map(([kind, count]) => `  ${count} × ${kind}`);
  const argon = report.argon2 as { memoryKiB: number; timeCost: number; msPerHash: number };
  if (!baseline && !platform) return '';
  const lines = [
    '',
    table(rows),
    '',
    ...(breakdownKeys.length ? [table(breakdownRows), ''] : []),
    'CPU: from /proc/<pid>/stat over the measured phase (PostgreSQL: postmaster + backends; driver: this process, incl. the SMTP receiver).',
    `Temporal: ${JSON.stringify(report.temporal)}`,
    `Platform settings set by the bench: ${JSON.stringify((report.platformSettings as { fromBench: unknown }).fromBench)}; argon2id ${argon.memoryKiB} KiB t=${argon.timeCost}: ${argon.msPerHash} ms per hash here (×2 per lifecycle)`,
    `Machine: ${JSON.stringify(report.machine)}`,
    ...(failures.length ? ['Failures:', ...failures] : []),
    ...(Object.keys(apiProblems).length ? [`API warnings/errors: ${JSON.stringify(apiProblems)}`] : []),
  ];
  return lines.join('\n');
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (!stopping) await cleanUp();
    // Temporal's native connection keeps the event loop alive: leave explicitly.
    process.exit(process.exitCode ?? 0);
  });
