import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { buildApp } from '../../api/app.js';
import { createDb, type Db } from '../../db/connection.js';
import { getFreePort } from '../../infra/processControl.js';
import { clientDataConverter } from '../../lib/codec/dataConverter.js';
import { type Config, parseConfig } from '../../lib/config.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { createSmtpMailer } from '../../mail/mailer.js';
import { createPlatformWorker } from '../../worker.js';
import { type Mailbox, startMailbox } from './mailbox.js';
import './provided.js';

export interface World {
  config: Config;
  db: Db;
  mailbox: Mailbox;
  temporal: Client;
  baseUrl: string;
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

/**
 * One isolated platform per test file, on the shared real PostgreSQL and Temporal server: a fresh
 * database cloned from the migrated template, its own task queue, a real SMTP receiver, the real
 * worker and the real HTTP API listening on a port. `env` overrides configuration (short windows).
 */
export async function startWorld(env: Record<string, string> = {}): Promise<World> {
  const suffix = randomBytes(4).toString('hex');
  const templateUrl = new URL(inject('templateDatabaseUrl'));
  const databaseName = `test_${suffix}`;
  const admin = createDb(Object.assign(new URL(templateUrl), { pathname: '/postgres' }).toString(), 1);
  await admin.raw(`CREATE DATABASE ${databaseName} TEMPLATE ${templateUrl.pathname.slice(1)}`);
  await admin.destroy();

  const mailbox = await startMailbox();
  const port = await getFreePort();
  const config = parseConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: Object.assign(new URL(templateUrl), { pathname: `/${databaseName}` }).toString(),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `test-${suffix}`,
    SMTP_URL: mailbox.url,
    APP_SECRET: randomBytes(32).toString('hex'),
    // Cheaper hashing keeps tests fast; production keeps OWASP's profile.
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    LOG_LEVEL: process.env.TEST_API_LOGS === '1' ? 'warn' : 'silent',
    // The per-IP limits are on, and the tests' loopback address is allow-listed, as a campus NAT
    // would be (tests/security/ takes it off to test the limits themselves); a test's staff member
    // submits many requests. The login throttle and the per-address mail quota stay as configured.
    RATE_LIMIT_ALLOW_LIST: '127.0.0.1/32,::1/128',
    MAIL_LIMIT_PER_USER: '1000',
    // The run's payload keys (global setup): every payload of every test is encrypted.
    ...inject('payloadKeyEnv'),
    ...env,
  });

  const db = createDb(config.database.url, 10);
  const mailer = createSmtpMailer(config.mail);
  const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
  const worker: Worker = await createPlatformWorker({
    config,
    connection: workerConnection,
    deps: { db, mailer, config },
    workflowBundle: { codePath: inject('workflowBundlePath') },
  });
  const workerRun = worker.run();
  const temporal = new Client({
    connection: await Connection.connect({ address: config.temporal.address }),
    namespace: config.temporal.namespace,
    dataConverter: clientDataConverter(config.temporal.payloadKeys),
  });
  const app = await buildApp(
    { db, temporal, config, hasher: createPasswordHasher(config.argon2) },
    { logger: process.env.TEST_API_LOGS === '1' },
  );
  await app.listen({ host: '127.0.0.1', port });
  const baseUrl = config.http.publicBaseUrl;

  return {
    config,
    db,
    mailbox,
    temporal,
    baseUrl,
    async api(method, path, body, headers = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* HTML pages stay text */
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async stop() {
      await app.close();
      worker.shutdown();
      await workerRun;
      await workerConnection.close();
      await temporal.connection.close();
      mailer.close();
      await mailbox.close();
      await db.destroy();
    },
  };
}
