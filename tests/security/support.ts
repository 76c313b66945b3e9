import { Client, type ClientOptions } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../api/app.js';
import { createDb, type Db } from '../../db/connection.js';
import { clientDataConverter } from '../../lib/codec/dataConverter.js';
import { type Config, parseConfig } from '../../lib/config.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import type { World } from '../support/world.js';

/**
 * Security tests run with the per-IP limits on and nothing allow-listed, and the API trusts the
 * test's own loopback as a proxy: each test names the client it plays with `X-Forwarded-For`,
 * as a reverse proxy in front of the platform would.
 */
export const securityEnv = { RATE_LIMIT_ALLOW_LIST: '', TRUSTED_PROXIES: '127.0.0.1/32,::1/128' };

let counter = 0;
/** A client address of the documentation ranges, different for each call. */
export function clientIp(): string {
  counter += 1;
  return `203.0.113.${(counter % 250) + 1}`;
}

export const from = (ip: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...headers });

/** Starts `n` copies of a request at once and collects their statuses. */
export async function inParallel(n: number, request: (i: number) => Promise<{ status: number }>): Promise<number[]> {
  return (await Promise.all(Array.from({ length: n }, (_, i) => request(i)))).map((a) => a.status);
}

export const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

/**
 * A second API on the world's database and Temporal, with configuration overrides (production,
 * https…), its own knex pool (so a test sees only this API's queries) and optionally a Temporal
 * client with interceptors. Answers through `inject` (no port).
 */
export async function secondApi(
  world: World,
  overrides: Record<string, string> = {},
  options: {
    interceptors?: ClientOptions['interceptors'];
    logStream?: { write(line: string): void };
  } = {},
): Promise<{ app: FastifyInstance; db: Db; config: Config; stop(): Promise<void> }> {
  const env: Record<string, string> = {
    NODE_ENV: world.config.env,
    PUBLIC_BASE_URL: world.config.http.publicBaseUrl,
    DATABASE_URL: world.config.database.url,
    TEMPORAL_ADDRESS: world.config.temporal.address,
    TEMPORAL_TASK_QUEUE: world.config.temporal.taskQueue,
    SMTP_URL: world.config.mail.smtpUrl,
    APP_SECRET: world.config.secret,
    ...inject('payloadKeyEnv'),
    ARGON2_MEMORY_KIB: String(world.config.argon2.memoryCost),
    ARGON2_TIME_COST: String(world.config.argon2.timeCost),
    LOG_LEVEL: options.logStream ? 'info' : 'silent',
    ...overrides,
  };
  const config = parseConfig(env);
  const db = createDb(config.database.url, 4);
  const temporal = options.interceptors
    ? new Client({
        connection: world.temporal.connection,
        namespace: config.temporal.namespace,
        interceptors: options.interceptors,
        dataConverter: clientDataConverter(config.temporal.payloadKeys),
      })
    : world.temporal;
  const app = await buildApp(
    { db, temporal, config, hasher: createPasswordHasher(config.argon2) },
    options.logStream ? { logStream: options.logStream } : { logger: false },
  );
  await app.ready();
  return {
    app,
    db,
    config,
    async stop() {
      await app.close();
      await db.destroy();
    },
  };
}
