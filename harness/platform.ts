/**
 * The platform as it runs in production: `worker.ts` and `server.ts`, each in its own process,
 * configured only through the environment (lib/config.ts), pointed at a stack. From the sources
 * (tsx) by default; `code: 'dist'` runs the compiled build (`node dist/worker.js`) instead.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { getFreePort, waitFor } from '../infra/processControl.js';
import { clientDataConverter } from '../lib/codec/dataConverter.js';
import { newPayloadKeyEnv, parsePayloadKeys } from '../lib/codec/payloadKeys.js';
import { type NodeChild, repoRoot, spawnNode } from './processes.js';
import type { Stack } from './stack.js';

/**
 * Settings the benchmark and the fault suite choose unless the caller's environment sets them
 * (e.g. `ARGON2_MEMORY_KIB=4096 npm run bench`). Everything else keeps the production default.
 */
const tunableDefaults: Record<string, string> = {
  // One pino line per request would measure the log pipe, not the platform.
  LOG_LEVEL: 'warn',
  // The security limits stay on (login throttle, per-address mail quotas, per-IP limits); the
  // harness drives everything from loopback, allow-listed as a campus NAT would be (issue 12).
  RATE_LIMIT_ALLOW_LIST: '127.0.0.1/32,::1/128',
  // The decision scenarios submit every request as one member of staff.
  MAIL_LIMIT_PER_USER: '1000000',
  // …through the demonstration lifecycle, which only exists outside production (issue 12).
  NODE_ENV: 'development',
};

/** Configuration variables (lib/config.ts) passed through from the caller's environment. */
const passedThrough = [
  'DATABASE_POOL_MAX',
  'WORKER_MAX_CACHED_WORKFLOWS',
  'ARGON2_MEMORY_KIB',
  'ARGON2_TIME_COST',
  'LOG_LEVEL',
  'ACCOUNT_VALIDATION_WINDOW',
  'LOGIN_MAX_FAILURES',
  'LOGIN_FAILURE_WINDOW',
  'RATE_LIMIT_ALLOW_LIST',
  'RATE_LIMIT_LOGIN_PER_IP',
  'RATE_LIMIT_MAIL_PER_IP',
  'MAIL_LIMIT_PER_RECIPIENT',
  'MAIL_LIMIT_PER_USER',
  'MAIL_FROM',
  'TEMPORAL_API_KEY',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CERT_PATH',
  'TEMPORAL_TLS_KEY_PATH',
  'TEMPORAL_TLS_CA_PATH',
  'TEMPORAL_TLS_SERVER_NAME',
  'UV_THREADPOOL_SIZE',
  'NODE_OPTIONS',
];

/**
 * The payload keys of every platform this process starts (PAYLOAD_KEYS from the caller's
 * environment, or one fresh key): the worker and API children and this process's clients
 * (`stackClient`) seal and open payloads alike, as in production (lib/codec/).
 */
export const harnessPayloadKeyEnv = process.env.PAYLOAD_KEYS
  ? {
      PAYLOAD_KEYS: process.env.PAYLOAD_KEYS,
      ...(process.env.PAYLOAD_KEY_CURRENT ? { PAYLOAD_KEY_CURRENT: process.env.PAYLOAD_KEY_CURRENT } : {}),
    }
  : newPayloadKeyEnv('harness');

/** A Temporal client on the stack with the platform's data converter (the payload codec). */
export async function stackClient(stack: Pick<Stack, 'temporalAddress' | 'namespace'>): Promise<Client> {
  return new Client({
    connection: await Connection.connect({ address: stack.temporalAddress }),
    namespace: stack.namespace,
    dataConverter: clientDataConverter(parsePayloadKeys(harnessPayloadKeyEnv.PAYLOAD_KEYS, harnessPayloadKeyEnv.PAYLOAD_KEY_CURRENT)),
  });
}

export interface PlatformEnv {
  env: NodeJS.ProcessEnv;
  baseUrl: string;
  /** The worker's Prometheus endpoint (WORKER_METRICS_ADDRESS: a free port, so parallel stacks never collide). */
  workerMetricsUrl: string;
  taskQueue: string;
  /** The settings that differ from production defaults, for the report. */
  settings: Record<string, string>;
}

export async function platformEnv(stack: Stack, overrides: Record<string, string> = {}): Promise<PlatformEnv> {
  const port = await getFreePort();
  const workerMetricsAddress = `127.0.0.1:${await getFreePort()}`;
  const taskQueue = `bench-${randomBytes(3).toString('hex')}`;
  const chosen: Record<string, string> = { ...tunableDefaults };
  for (const name of passedThrough) if (process.env[name] !== undefined) chosen[name] = process.env[name]!;
  Object.assign(chosen, overrides);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_URL: stack.inbox.url,
    APP_SECRET: randomBytes(32).toString('hex'),
    ...harnessPayloadKeyEnv,
    WORKER_METRICS_ADDRESS: workerMetricsAddress,
    ...chosen,
  };
  return {
    env,
    baseUrl: `http://127.0.0.1:${port}`,
    workerMetricsUrl: `http://${env.WORKER_METRICS_ADDRESS}/metrics`,
    taskQueue,
    settings: chosen,
  };
}

/** Which code a child runs: the TypeScript sources, or the JavaScript that `npm run build` wrote. */
export type Code = 'sources' | 'dist';

const entry = (name: 'worker' | 'server', code: Code) =>
  code === 'dist' ? path.join(repoRoot, 'dist', `${name}.js`) : path.join(repoRoot, `${name}.ts`);

export async function startWorker(platform: PlatformEnv, log?: (line: string) => void, code: Code = 'sources'): Promise<NodeChild> {
  const worker = spawnNode('worker', entry('worker', code), platform.env, { log });
  try {
    // Printed once Worker.create has bundled the workflows and registered with the server.
    await worker.waitForLine(/worker polling task queue/, 180_000);
  } catch (error) {
    worker.kill('SIGKILL');
    throw error;
  }
  return worker;
}

export async function startApi(platform: PlatformEnv, log?: (line: string) => void, code: Code = 'sources'): Promise<NodeChild> {
  const api = spawnNode('api', entry('server', code), platform.env, { log });
  try {
    await Promise.race([
      waitFor(async () => (await fetch(`${platform.baseUrl}/health`)).ok, {
        timeoutMs: 120_000,
        intervalMs: 200,
        message: 'the API did not answer /health within 120 s',
      }),
      api.exited.then(({ code, signal }) => {
        throw new Error(`the API exited (${signal ?? `code ${code}`}) while starting`);
      }),
    ]);
  } catch (error) {
    api.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${api.output()}`);
  }
  return api;
}

/**
 * Multi-replica: the same platform (task queue, secret, public URL) with its API listening on
 * another port. Put a load balancer on the public URL (harness/loadBalancer.ts) in front of them.
 */
export async function apiReplica(platform: PlatformEnv, port?: number): Promise<PlatformEnv> {
  const replicaPort = port ?? (await getFreePort());
  return { ...platform, env: { ...platform.env, PORT: String(replicaPort) }, baseUrl: `http://127.0.0.1:${replicaPort}` };
}
