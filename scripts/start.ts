/**
 * `npm start`: the whole platform on one machine, with nothing to install by hand.
 *
 *   Temporal CLI (found or installed into .tools/) → PostgreSQL (embedded) → Temporal dev server
 *   (SQLite file, Web UI) → MailDev → migrations + demo data → worker + API (child processes)
 *
 * Everything keeps its state under DATA_DIR (default `<repo>/data`): `postgres/`,
 * `temporal.sqlite`, `mail/`, `app-secret`, `FORMAT` (and `processes.json` while running), so a
 * second `npm start` picks up where the first stopped (open workflows resume, mails are still
 * there). Data written by an older version of the code (see infra/dataDir.ts) is refused with a
 * message telling how to reset it (`npm run reset`).
 *
 * Environment (all optional):
 *   PORT=3000              API               EMBEDDED_PG_PORT=54329  PostgreSQL
 *   TEMPORAL_PORT=7233     Temporal gRPC     TEMPORAL_UI_PORT=8233   Temporal Web UI
 *   MAIL_SMTP_PORT=1025    MailDev SMTP      MAIL_UI_PORT=1080       MailDev web UI
 *   DATA_DIR=<repo>/data   where the state lives (point it elsewhere for a throwaway run)
 *   TEMPORAL_CLI_PATH      a Temporal CLI binary to use instead of looking for one
 *   VERBOSE=1              also print PostgreSQL's and Temporal's own logs
 *
 * Ctrl-C stops the API and the worker first (they may be finishing a task), then MailDev,
 * Temporal and PostgreSQL. All but MailDev (which runs in this process) are child processes in
 * process groups of their own, so that the terminal's Ctrl-C reaches only this script, which
 * stops them in that order.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemoData } from '../db/seeds/demo.js';
import { startAccessControlReceiver } from '../infra/accessControlReceiver.js';
import { dataDirectory, dataState, otherDataMessage, writeDataFormat } from '../infra/dataDir.js';
import { startDevMail } from '../infra/devMail.js';
import { startEmbeddedPostgres } from '../infra/embeddedPostgres.js';
import { type ExitInfo, exitPromise, isAlive, isPortBusy, terminate, waitFor } from '../infra/processControl.js';
import { resolveTemporalCli, type TemporalCli } from '../infra/temporalCli.js';
import { startTemporalDevServer } from '../infra/temporalDevServer.js';
import { parseConfig } from '../lib/config.js';
import { startDemoDirectory } from './demoDirectory.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataDir = dataDirectory();
const verbose = process.env.VERBOSE === '1' || process.env.VERBOSE === 'true';
const startedAt = Date.now();

const CHILD_STOP_GRACE_MS = 10_000;
const HEALTH_TIMEOUT_MS = 120_000;
const DATABASE = 'approvals';
const NAMESPACE = 'default';
const MAIL_FROM = 'Plateforme universitaire <no-reply@universite.example>';

// ---------------------------------------------------------------------------------------------
// Output

function say(line: string): void {
  console.log(`[start] ${line}`);
}

/** A prefixed logger for a component's own lines, shown only with VERBOSE=1. */
function verboseLog(prefix: string): ((line: string) => void) | undefined {
  return verbose ? (line) => console.log(`[${prefix}] ${line}`) : undefined;
}

function fail(message: string): never {
  console.error(`\n[start] ${message.split('\n').join('\n        ')}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Ports

const PORTS = {
  api: { variable: 'PORT', fallback: 3000 },
  postgres: { variable: 'EMBEDDED_PG_PORT', fallback: 54329 },
  temporal: { variable: 'TEMPORAL_PORT', fallback: 7233 },
  temporalUi: { variable: 'TEMPORAL_UI_PORT', fallback: 8233 },
  mailSmtp: { variable: 'MAIL_SMTP_PORT', fallback: 1025 },
  mailUi: { variable: 'MAIL_UI_PORT', fallback: 1080 },
} as const;
type Ports = Record<keyof typeof PORTS, number>;

function readPorts(): Ports {
  const ports = {} as Ports;
  for (const [name, { variable, fallback }] of Object.entries(PORTS)) {
    const raw = process.env[variable];
    const port = raw ? Number(raw) : fallback;
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${variable}=${raw} is not a valid port number.`);
    ports[name as keyof Ports] = port;
  }
  return ports;
}

/** Checked before starting anything, so a busy port costs nothing to fix. */
async function ensurePortsFree(ports: Ports): Promise<void> {
  const seen = new Map<number, string>();
  const problems: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    const { variable } = PORTS[name as keyof Ports];
    if (seen.has(port)) problems.push(`${variable} and ${seen.get(port)} are both ${port}.`);
    else if (await isPortBusy(port))
      problems.push(`Port ${port} (${variable}) is already in use: free it or choose another, e.g. ${variable}=${port + 1} npm start`);
    seen.set(port, variable);
  }
  if (problems.length > 0) {
    fail(
      [
        ...problems,
        'If an earlier `npm start` was killed, its PostgreSQL or Temporal may still be running',
        '(look for them with: ps aux | grep -E "postgres|temporal").',
      ].join('\n'),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Data directory

/** 32 random bytes, created on the first start and kept: sessions and tokens survive restarts. */
async function appSecret(): Promise<string> {
  const file = path.join(dataDir, 'app-secret');
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) {
    await fs.chmod(file, 0o600);
    return existing.trim();
  }
  const secret = randomBytes(32).toString('hex');
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  say(`generated APP_SECRET in ${path.relative(process.cwd(), file) || file}`);
  return secret;
}

/**
 * The development payload key (lib/codec/): created on the first start and kept, so the histories
 * of data/temporal.sqlite stay readable across restarts. Never committed (data/ is ignored).
 */
async function payloadKeys(): Promise<string> {
  const file = path.join(dataDir, 'payload-keys');
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) {
    await fs.chmod(file, 0o600);
    return existing.trim();
  }
  const keys = `dev-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}`;
  await fs.writeFile(file, `${keys}\n`, { mode: 0o600 });
  say(`generated PAYLOAD_KEYS in ${path.relative(process.cwd(), file) || file}`);
  return keys;
}

/** Data of another version of the code is refused before anything starts on it. */
async function checkDataFormat(): Promise<void> {
  const state = await dataState(dataDir);
  if (state.kind === 'other') fail(otherDataMessage(dataDir, state.found));
  if (state.kind === 'empty') await writeDataFormat(dataDir);
}

// ---------------------------------------------------------------------------------------------
// Leftovers of a killed run
//
// PostgreSQL, Temporal, the worker and the API run in process groups of their own, so a
// `kill -9` of this script (nothing else escapes our shutdown) leaves them running, holding the
// ports. We note their pids and command lines in DATA_DIR/processes.json; the next start stops
// those that are still there with exactly the same command line, then carries on.

type Recorded = { name: string; pid: number; cmdline: string };
const recorded: Recorded[] = [];
const processesFile = path.join(dataDir, 'processes.json');
let recordWrites: Promise<void> = Promise.resolve();

async function cmdline(pid: number): Promise<string | undefined> {
  return fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
}

async function recordProcess(name: string, pid: number | undefined): Promise<void> {
  const line = pid ? await cmdline(pid) : undefined;
  if (!pid || !line) return; // not Linux, or already gone: nothing we could match later
  recorded.push({ name, pid, cmdline: line });
  const content = JSON.stringify({ owner: process.pid, processes: recorded }, null, 2);
  // One write at a time (the worker and the API are recorded concurrently).
  recordWrites = recordWrites.then(() => fs.writeFile(processesFile, content)).catch(() => undefined);
  await recordWrites;
}

async function stopLeftovers(): Promise<void> {
  const content = await fs.readFile(processesFile, 'utf8').catch(() => undefined);
  if (!content) return;
  const { owner, processes } = JSON.parse(content) as { owner: number; processes: Recorded[] };
  if (owner !== process.pid && isAlive(owner) && (await cmdline(owner))?.includes('start')) {
    fail(`Another \`npm start\` (pid ${owner}) is already running with ${dataDir}. Stop it first (Ctrl-C in its terminal).`);
  }
  const alive: Recorded[] = [];
  for (const entry of processes) if ((await cmdline(entry.pid)) === entry.cmdline) alive.push(entry);
  if (alive.length > 0) {
    say(`stopping what a killed earlier start left running: ${alive.map(({ name, pid }) => `${name} (pid ${pid})`).join(', ')}`);
    // Same order as a normal shutdown: the last started first, PostgreSQL last.
    for (const { name, pid } of alive.reverse()) {
      process.kill(pid, name === 'PostgreSQL' ? 'SIGINT' : 'SIGTERM');
      await waitFor(async () => !isAlive(pid), { timeoutMs: 15_000, message: 'still running' }).catch(() => process.kill(pid, 'SIGKILL'));
    }
  }
  await fs.rm(processesFile, { force: true });
}

// ---------------------------------------------------------------------------------------------
// Shutdown: children first, then services in reverse start order

type Stoppable = { name: string; stop: () => Promise<void> };
const services: Stoppable[] = [];
const children: Array<{ name: string; child: ChildProcess; exited: Promise<ExitInfo> }> = [];
let stopping: Promise<never> | undefined;
let stoppingSince = 0;

/** Runs one start step; what it started is registered for shutdown as soon as it exists. */
let pendingStep: Promise<unknown> | undefined;
async function startStep<T extends { stop(): Promise<void>; pid?: number }>(name: string, start: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const step = start().then(async (service) => {
    services.push({ name, stop: () => service.stop() });
    await recordProcess(name, service.pid);
    return service;
  });
  pendingStep = step;
  const service = await step;
  await haltIfStopping();
  say(`${name} ready in ${seconds(Date.now() - t0)}`);
  return service;
}

/** Once shutdown has begun, the start sequence must not go on. */
async function haltIfStopping(): Promise<void> {
  if (stopping) await stopping;
}

/** `finalMessage` (an error) is printed last, after everything has stopped, so it is not lost. */
function shutdown(code: number, reason: string, finalMessage?: string): Promise<never> {
  if (stopping) {
    // npm/npx forward the terminal's SIGINT that we also got directly: stay quiet for that one.
    if (Date.now() - stoppingSince > 1000) say('already stopping, please wait…');
    return stopping;
  }
  stoppingSince = Date.now();
  say(reason);
  stopping = (async () => {
    // A service half-way through its start gets registered when it is up; wait a little for it.
    await Promise.race([pendingStep?.catch(() => undefined), delay(15_000)]);
    await Promise.all(
      children.map(async ({ name, child, exited }) => {
        await terminate(child, exited, CHILD_STOP_GRACE_MS, 'SIGTERM');
        say(`${name} stopped`);
      }),
    );
    for (const service of [...services].reverse()) {
      await service.stop().then(
        () => say(`${service.name} stopped`),
        (error: Error) => say(`${service.name} did not stop cleanly: ${error.message}`),
      );
    }
    await recordWrites;
    await fs.rm(processesFile, { force: true });
    if (finalMessage) fail(finalMessage);
    process.exit(code);
  })();
  return stopping;
}

function handleSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0, `${signal} received: stopping…`));
  }
  // After SIGHUP (terminal closed) writes fail with EIO/EPIPE; that must not abort the shutdown.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
}

// ---------------------------------------------------------------------------------------------
// Child processes (worker, API)

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, script)], {
    cwd: repoRoot,
    env,
    // Own process group: Ctrl-C reaches this script only, which then stops the child itself.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(child.stdout!, `[${name}] `, process.stdout);
  prefixLines(child.stderr!, `[${name}] `, process.stderr);
  const exited = exitPromise(child);
  children.push({ name, child, exited });
  void recordProcess(name, child.pid);
  // Our last resort if this script dies without its shutdown (an uncaught error).
  process.on('exit', () => child.kill('SIGKILL'));
  void exited.then(({ code, signal }) => {
    if (!stopping) void shutdown(1, `the ${name} exited unexpectedly (${signal ?? `code ${code}`}): stopping everything`);
  });
}

/**
 * The API can answer before the worker has bundled the workflows and started polling; the banner
 * should mean "usable now", so we also wait for a workflow poller on the worker's task queue.
 * Only a warning if it does not come: the API works, lifecycles just wait for the worker.
 */
async function waitForWorker(address: string, env: NodeJS.ProcessEnv): Promise<void> {
  let connection: Connection | undefined;
  try {
    const { taskQueue } = parseConfig(env).temporal;
    connection = await Connection.connect({ address });
    const service = connection.workflowService;
    await waitFor(
      async () => {
        const { pollers } = await service.describeTaskQueue({
          namespace: NAMESPACE,
          taskQueue: { name: taskQueue },
          taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW (@temporalio/proto is not a direct dependency)
        });
        return (pollers?.length ?? 0) > 0;
      },
      { timeoutMs: HEALTH_TIMEOUT_MS, intervalMs: 500, message: `no worker polls the task queue "${taskQueue}" yet` },
    );
  } catch (error) {
    if (!stopping) say(`warning: ${(error as Error).message}; lifecycles will wait for the worker`);
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

function prefixLines(stream: NodeJS.ReadableStream, prefix: string, out: NodeJS.WritableStream): void {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${prefix}${line}\n`));
}

async function waitForHealth(port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/health`;
  await waitFor(
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      return response.status === 200;
    },
    { timeoutMs: HEALTH_TIMEOUT_MS, intervalMs: 500, message: `the API did not answer 200 on ${url} within ${HEALTH_TIMEOUT_MS / 1000} s` },
  );
}

// ---------------------------------------------------------------------------------------------
// The banner

function printReady(ports: Ports, temporalUiUrl: string, mailUrl: string): void {
  const api = `http://localhost:${ports.api}`;
  const waiting = `${temporalUiUrl}/namespaces/${NAMESPACE}/workflows?query=${encodeURIComponent('LifecycleStatus="awaiting_validation"')}`;
  const rows: Array<[string, string]> = [
    ['API', api],
    ['OpenAPI docs', `${api}/docs`],
    ['Temporal UI', temporalUiUrl],
    ['  awaiting validation', waiting],
    ['Mail (MailDev)', mailUrl],
    ['Data', dataDir],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `University approvals platform ready in ${seconds(Date.now() - startedAt)}`,
    '',
    ...rows.map(([label, value]) => `${label.padEnd(labelWidth)}  ${value}`),
    '',
    'Ctrl-C stops everything; the next `npm start` resumes where this one stopped.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = '─'.repeat(width + 2);
  console.log(['', `┌${border}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${border}┘`, ''].join('\n'));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  handleSignals();
  const ports = readPorts();
  await fs.mkdir(dataDir, { recursive: true });
  await stopLeftovers();
  await checkDataFormat();
  await ensurePortsFree(ports);
  const secret = await appSecret();

  // The CLI first: the one step that may need installing, and the one most likely to fail.
  let cli: TemporalCli;
  try {
    cli = await resolveTemporalCli({ log: say });
  } catch (error) {
    fail((error as Error).message);
  }
  await haltIfStopping();

  const postgres = await startStep('PostgreSQL', () =>
    startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: ports.postgres,
      database: DATABASE,
      persistent: true,
      ownProcessGroup: true,
      log: verboseLog('postgres'),
    }),
  );
  const temporal = await startStep('Temporal dev server', () =>
    startTemporalDevServer({
      cli,
      dbFilename: path.join(dataDir, 'temporal.sqlite'),
      port: ports.temporal,
      ui: true,
      uiPort: ports.temporalUi,
      // The UI decodes payloads through the API's codec endpoint (api/codec/, README « Reading a history »).
      uiCodecEndpoint: `http://localhost:${ports.api}/codec`,
      namespace: NAMESPACE,
      ownProcessGroup: true,
      log: verboseLog('temporal'),
    }),
  );
  const mail = await startStep('MailDev', () =>
    startDevMail({
      smtpPort: ports.mailSmtp,
      webPort: ports.mailUi,
      mailDir: path.join(dataDir, 'mail'),
      log: (line) => console.log(`[mail] ${line}`),
    }),
  );

  const t0 = Date.now();
  const applied: unknown = await migrateToLatest(postgres.url);
  await seedDemoData(postgres.url);
  await haltIfStopping();
  const count = Array.isArray(applied) ? `${applied.length} new migration(s)` : 'migrations';
  say(`${count} and demo data applied in ${seconds(Date.now() - t0)}`);

  // The student card's access-control system, simulated: it verifies the signed notifications (issue 21).
  const accessControlSecret = randomBytes(32).toString('hex');
  const accessControl = await startStep('access-control receiver', async () => {
    const receiver = await startAccessControlReceiver({
      secret: accessControlSecret,
      log: (line) => console.log(`[access-control] ${line}`),
    });
    return { stop: receiver.close, url: receiver.url };
  });
  say(`access-control receiver at ${accessControl.url} (GET it to list what it received)`);

  const env: NodeJS.ProcessEnv = {
    ACCESS_CONTROL_WEBHOOK_URL: accessControl.url,
    ACCESS_CONTROL_WEBHOOK_SECRET: accessControlSecret,
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    SMTP_URL: mail.smtpUrl,
    MAIL_FROM,
    PUBLIC_BASE_URL: `http://localhost:${ports.api}`,
    HOST: '127.0.0.1',
    PORT: String(ports.api),
    APP_SECRET: secret,
    PAYLOAD_KEYS: process.env.PAYLOAD_KEYS ?? (await payloadKeys()),
    TEMPORAL_UI_ORIGIN: `http://localhost:${ports.temporalUi}`,
  };
  // « Mon compte » (issue 22): the institution's directory (slapd) and its CAS server, unless an ENT is configured.
  if (!process.env.ENT_PROTOCOL) {
    const demoDirectory = await startStep('slapd and the CAS server', () =>
      startDemoDirectory({
        dataDir,
        secret,
        slapdPort: Number(process.env.SLAPD_PORT ?? 3389),
        casPort: Number(process.env.CAS_PORT ?? 3390),
        log: say,
      }),
    ).catch((error: Error) => {
      say(`no directory: ${error.message.split('\n')[0]} (« Connexion et sécurité » will say it is not configured)`);
      return undefined;
    });
    Object.assign(env, demoDirectory?.env ?? {});
  }
  startChild('worker', 'worker.ts', env);
  startChild('api', 'server.ts', env);
  await Promise.all([waitForHealth(ports.api), waitForWorker(temporal.address, env)]);
  await haltIfStopping();
  printReady(ports, temporal.uiUrl ?? `http://localhost:${ports.temporalUi}`, mail.webUrl);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

main().catch((error: Error) => {
  void shutdown(1, 'start failed: stopping what was started…', error.message);
});
