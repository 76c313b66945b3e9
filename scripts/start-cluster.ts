/**
 * `npm run start:cluster`: the platform on a real Temporal cluster, on one machine, as production
 * runs it (README, « A real Temporal cluster »). `npm start` stays the everyday default.
 *
 *   Temporal server + UI (found or built into .tools/) → PostgreSQL (embedded: the platform's
 *   database and Temporal's two) → Temporal services as separate processes: frontend, history ×2
 *   (16 shards), matching, worker → namespace + search attributes → Temporal UI → MailDev →
 *   migrations + demo data → 2 platform workers + 2 API replicas → a round-robin load balancer
 *
 * State lives in `<DATA_DIR>/cluster` (default `data/cluster`): PostgreSQL, the services' configs
 * and logs (`temporal/logs/<service>.log`), the caught mails, the app secret. A second start
 * resumes where the first stopped; `npm run reset` deletes it with the rest of `data/`.
 *
 * Environment (all optional), the same as `npm start` (run one or the other, or move the ports):
 *   PORT=3000 (load balancer; the API replicas take PORT+1 and PORT+2)   EMBEDDED_PG_PORT=54329
 *   TEMPORAL_PORT=7233 (frontend)   TEMPORAL_UI_PORT=8233   MAIL_SMTP_PORT=1025   MAIL_UI_PORT=1080
 *   TEMPORAL_SERVER_PATH, TEMPORAL_SQL_TOOL_PATH, TEMPORAL_SCHEMA_DIR, TEMPORAL_UI_SERVER_PATH   binaries to use
 *   TEMPORAL_UI=off   no web UI
 *
 * `--build-only` finds or builds the server and the UI, then exits (CI builds them once per run).
 *
 * Ctrl-C stops the load balancer, the API replicas and the workers first, then MailDev, the UI,
 * the Temporal services and PostgreSQL, which run in process groups of their own for that reason.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemoData } from '../db/seeds/demo.js';
import { type LoadBalancer, startLoadBalancer } from '../harness/loadBalancer.js';
import { type PlatformEnv, startApi, startWorker } from '../harness/platform.js';
import type { NodeChild } from '../harness/processes.js';
import { dataDirectory, dataState, otherDataMessage, writeDataFormat } from '../infra/dataDir.js';
import { startDevMail } from '../infra/devMail.js';
import { getFreePort, isAlive, isPortBusy, waitFor } from '../infra/processControl.js';
import { type LocalTemporalCluster, startLocalTemporalCluster } from '../infra/temporalCluster.js';
import { resolveTemporalServer, type TemporalServerTools } from '../infra/temporalServer.js';
import { resolveTemporalUi, startTemporalUi } from '../infra/temporalUi.js';

const clusterDir = path.join(dataDirectory(), 'cluster');
const startedAt = Date.now();
const DATABASE = 'approvals';
const NAMESPACE = 'default';
const REPLICAS = 2;
const withUi = process.env.TEMPORAL_UI !== 'off';

function say(line: string): void {
  console.log(`[cluster] ${line}`);
}

function fail(message: string): never {
  console.error(`\n[cluster] ${message.split('\n').join('\n          ')}\n`);
  process.exit(1);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Ports

function port(variable: string, fallback: number): number {
  const raw = process.env[variable];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`${variable}=${raw} is not a valid port number.`);
  return value;
}

const ports = {
  balancer: port('PORT', 3000),
  postgres: port('EMBEDDED_PG_PORT', 54329),
  temporal: port('TEMPORAL_PORT', 7233),
  temporalUi: port('TEMPORAL_UI_PORT', 8233),
  mailSmtp: port('MAIL_SMTP_PORT', 1025),
  mailUi: port('MAIL_UI_PORT', 1080),
};
const replicaPorts = Array.from({ length: REPLICAS }, (_, i) => ports.balancer + 1 + i);

async function ensurePortsFree(): Promise<void> {
  const wanted: Array<[string, number]> = [
    ...Object.entries(ports).filter(([name]) => withUi || name !== 'temporalUi'),
    ...replicaPorts.map((p, i) => [`API replica ${i + 1} (PORT+${i + 1})`, p] as [string, number]),
  ];
  const busy: string[] = [];
  for (const [name, p] of wanted) if (await isPortBusy(p)) busy.push(`${name}: ${p}`);
  if (busy.length) {
    fail(
      [
        `Ports already in use: ${busy.join(', ')}.`,
        'Is `npm start` or another `npm run start:cluster` running? Stop it, or move the ports (e.g. PORT=3100 TEMPORAL_PORT=7300 …).',
      ].join('\n'),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Leftovers of a killed run: the services run in process groups of their own, so a `kill -9` of
// this script leaves them running. Their pids and command lines are noted in processes.json; the
// next start stops those still running with exactly the same command line.

const processesFile = path.join(clusterDir, 'processes.json');

async function cmdline(pid: number): Promise<string | undefined> {
  return fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
}

async function recordProcesses(pids: Array<number | undefined>): Promise<void> {
  const entries = [];
  for (const pid of pids) {
    const line = pid ? await cmdline(pid) : undefined;
    if (pid && line) entries.push({ pid, cmdline: line });
  }
  await fs.writeFile(processesFile, JSON.stringify({ owner: process.pid, processes: entries }, null, 2));
}

async function stopLeftovers(): Promise<void> {
  const content = await fs.readFile(processesFile, 'utf8').catch(() => undefined);
  if (!content) return;
  const { owner, processes } = JSON.parse(content) as { owner: number; processes: Array<{ pid: number; cmdline: string }> };
  if (owner !== process.pid && isAlive(owner) && (await cmdline(owner))?.includes('start-cluster')) {
    fail(`Another \`npm run start:cluster\` (pid ${owner}) is already running with ${clusterDir}. Stop it first.`);
  }
  const alive = [];
  for (const entry of processes) if ((await cmdline(entry.pid)) === entry.cmdline) alive.push(entry);
  if (alive.length) say(`stopping what a killed earlier start left running: pids ${alive.map((e) => e.pid).join(', ')}`);
  for (const { pid } of alive.reverse()) {
    process.kill(pid, 'SIGTERM');
    await waitFor(async () => !isAlive(pid), { timeoutMs: 20_000, message: 'still running' }).catch(() => process.kill(pid, 'SIGKILL'));
  }
  await fs.rm(processesFile, { force: true });
}

// ---------------------------------------------------------------------------------------------
// Shutdown, in reverse order of start.

const stoppers: Array<{ name: string; stop: () => Promise<void> }> = [];
let stopping: Promise<never> | undefined;

function shutdown(code: number, reason: string, finalMessage?: string): Promise<never> {
  if (stopping) return stopping;
  say(reason);
  stopping = (async () => {
    for (const { name, stop } of [...stoppers].reverse()) {
      await stop().then(
        () => say(`${name} stopped`),
        (error: Error) => say(`${name} did not stop cleanly: ${error.message}`),
      );
    }
    await fs.rm(processesFile, { force: true });
    if (finalMessage) fail(finalMessage);
    process.exit(code);
  })();
  return stopping;
}

function onStop(name: string, stop: () => Promise<void>): void {
  stoppers.push({ name, stop });
}

// ---------------------------------------------------------------------------------------------

async function appSecret(): Promise<string> {
  const file = path.join(clusterDir, 'app-secret');
  const existing = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return existing;
  const secret = randomBytes(32).toString('hex');
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The development payload key of the local cluster, created once and kept (its histories stay readable). */
async function payloadKeys(): Promise<string> {
  const file = path.join(clusterDir, 'payload-keys');
  const existing = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return existing;
  const keys = `dev-cluster:${randomBytes(32).toString('base64')}`;
  await fs.writeFile(file, `${keys}\n`, { mode: 0o600 });
  return keys;
}

async function buildTools(): Promise<{ server: TemporalServerTools; ui: string | undefined }> {
  const t0 = Date.now();
  const server = await resolveTemporalServer({ log: say });
  let ui: string | undefined;
  if (withUi) {
    try {
      ui = await resolveTemporalUi({ log: say });
    } catch (error) {
      say(`warning: no web UI (${(error as Error).message.split('\n')[0]}); the cluster runs without it`);
    }
  }
  say(`Temporal server${ui ? ' and UI' : ''} ready in ${seconds(Date.now() - t0)}`);
  return { server, ui };
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void shutdown(0, `${signal} received: stopping…`));
  process.stdout.on('error', () => undefined);

  if (process.argv.includes('--build-only')) {
    await buildTools();
    return;
  }

  await fs.mkdir(clusterDir, { recursive: true });
  await stopLeftovers();
  const state = await dataState(clusterDir);
  if (state.kind === 'other') fail(otherDataMessage(clusterDir, state.found));
  if (state.kind === 'empty') await writeDataFormat(clusterDir);
  await ensurePortsFree();
  const tools = await buildTools();

  let t0 = Date.now();
  const local: LocalTemporalCluster = await startLocalTemporalCluster({
    dir: clusterDir,
    persistent: true,
    postgresPort: ports.postgres,
    frontendPort: ports.temporal,
    appDatabase: DATABASE,
    namespace: NAMESPACE,
    tools: tools.server,
    ownProcessGroup: true,
    log: say,
  });
  onStop('Temporal cluster and PostgreSQL', () => local.stop());
  const servicePids = [local.postgresPid(), ...local.cluster.services.map((s) => s.pid())];
  await recordProcesses(servicePids);
  say(`PostgreSQL and the Temporal cluster ready in ${seconds(Date.now() - t0)}`);

  let uiUrl: string | undefined;
  if (tools.ui) {
    const ui = await startTemporalUi({
      binary: tools.ui,
      temporalAddress: local.address,
      namespace: NAMESPACE,
      dir: path.join(clusterDir, 'ui'),
      port: ports.temporalUi,
      ownProcessGroup: true,
    });
    onStop('Temporal UI', () => ui.stop());
    uiUrl = ui.url;
    await recordProcesses([...servicePids, ui.pid]);
  }
  const mail = await startDevMail({ smtpPort: ports.mailSmtp, webPort: ports.mailUi, mailDir: path.join(clusterDir, 'mail') });
  onStop('MailDev', () => mail.stop());

  t0 = Date.now();
  const databaseUrl = local.postgresUrl(DATABASE);
  await migrateToLatest(databaseUrl);
  await seedDemoData(databaseUrl);
  say(`migrations and demo data applied in ${seconds(Date.now() - t0)}`);

  const publicUrl = `http://localhost:${ports.balancer}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    // Four platform processes share PostgreSQL with the five Temporal services.
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '8',
    TEMPORAL_ADDRESS: local.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    SMTP_URL: mail.smtpUrl,
    PUBLIC_BASE_URL: publicUrl,
    HOST: '127.0.0.1',
    APP_SECRET: await appSecret(),
    // Issue 13: payloads are sealed (lib/codec/); the key is kept beside the secret, never committed.
    PAYLOAD_KEYS: process.env.PAYLOAD_KEYS ?? (await payloadKeys()),
  };
  const print = (line: string) => console.log(line);
  // Each process its own metrics port (WORKER_METRICS_ADDRESS): two workers on one machine would collide on the default.
  const platform = async (p: number): Promise<PlatformEnv> => {
    const metrics = `127.0.0.1:${await getFreePort()}`;
    return {
      env: { ...env, PORT: String(p), WORKER_METRICS_ADDRESS: metrics },
      baseUrl: `http://127.0.0.1:${p}`,
      workerMetricsUrl: `http://${metrics}/metrics`,
      taskQueue: '',
      settings: {},
    };
  };
  t0 = Date.now();
  const children: NodeChild[] = [];
  onStop('workers and API replicas', async () => {
    await Promise.all(children.map((child) => child.stop(15_000)));
  });
  // One after the other: each worker bundles the workflow code, which takes both cores.
  for (let i = 0; i < REPLICAS; i++) {
    children.push(await startWorker(await platform(ports.balancer), (line) => print(line.replace(/^\[worker\]/, `[worker-${i + 1}]`))));
  }
  await Promise.all(
    replicaPorts.map(async (p, i) => {
      children.push(await startApi(await platform(p), (line) => print(line.replace(/^\[api\]/, `[api-${i + 1}]`))));
    }),
  );
  for (const child of children) {
    void child.exited.then(({ code, signal }) => {
      if (!stopping)
        void shutdown(1, `${child.name} (pid ${child.pid}) exited unexpectedly (${signal ?? `code ${code}`}): stopping everything`);
    });
  }
  const balancer: LoadBalancer = await startLoadBalancer({
    upstreams: replicaPorts.map((p) => `http://127.0.0.1:${p}`),
    port: ports.balancer,
  });
  onStop('load balancer', () => balancer.close());
  say(`2 workers and 2 API replicas ready in ${seconds(Date.now() - t0)}`);

  printReady(local, publicUrl, uiUrl, mail.webUrl, children);
}

function printReady(
  local: LocalTemporalCluster,
  publicUrl: string,
  uiUrl: string | undefined,
  mailUrl: string,
  children: NodeChild[],
): void {
  const services = local.cluster.services.map((s) => `${s.name} :${s.ports.grpc}`).join(' · ');
  const rows: Array<[string, string]> = [
    ['API (load balancer)', `${publicUrl}  →  ${replicaPorts.map((p) => `:${p}`).join(', ')}`],
    ['OpenAPI docs', `${publicUrl}/docs`],
    ['Temporal UI', uiUrl ?? 'off'],
    ['Temporal frontend', local.address],
    ['Temporal services', services],
    ['Platform processes', children.map((c, i) => `${c.name}-${(i % REPLICAS) + 1} (pid ${c.pid})`).join(', ')],
    ['Mail (MailDev)', mailUrl],
    ['PostgreSQL', local.postgresUrl(DATABASE).replace(/:[^:@]+@/, ':***@')],
    ['Data and logs', clusterDir],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `University approvals platform on a Temporal cluster, ready in ${seconds(Date.now() - startedAt)}`,
    '',
    ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    '',
    'Ctrl-C stops everything; the next `npm run start:cluster` resumes where this one stopped.',
  ];
  const w = Math.max(...lines.map((line) => line.length));
  console.log(['', `┌${'─'.repeat(w + 2)}┐`, ...lines.map((line) => `│ ${line.padEnd(w)} │`), `└${'─'.repeat(w + 2)}┘`, ''].join('\n'));
}

main().catch((error: Error) => {
  void shutdown(1, 'start failed: stopping what was started…', error.message);
});
