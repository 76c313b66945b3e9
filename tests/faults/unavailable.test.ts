import { randomBytes } from 'node:crypto';
import { Client, Connection, ServiceError } from '@temporalio/client';
import { NamespaceNotFoundError } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { toHttpError } from '../../api/errors.js';
import { createDb, type Db } from '../../db/connection.js';
import { getFreePort } from '../../infra/processControl.js';
import { parseConfig } from '../../lib/config.js';
import { createPasswordHasher } from '../../lib/passwords.js';

/** Without any engine running: the API must say 503 (retry later), never 500 (a bug), when a dependency is down. */
describe('fault: a dependency is unreachable', () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    const deadPort = await getFreePort();
    const config = parseConfig({
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${deadPort}/approvals`,
      TEMPORAL_ADDRESS: `127.0.0.1:${deadPort}`,
      SMTP_URL: `smtp://127.0.0.1:${deadPort}`,
      APP_SECRET: randomBytes(32).toString('hex'),
      PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      ARGON2_MEMORY_KIB: '4096',
      ARGON2_TIME_COST: '1',
    });
    db = createDb(config.database.url, 2);
    const temporal = new Client({ connection: Connection.lazy({ address: config.temporal.address }) });
    app = await buildApp({ db, temporal, config, hasher: createPasswordHasher(config.argon2) }, { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('when PostgreSQL refuses connections, then creating an account answers 503 with Retry-After', async () => {
    const email = 'candidat.indisponible@example.org';
    const response = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      payload: { lastName: 'Kheloufi', firstName: 'Sami', email, emailConfirmation: email, password: 'Candidat-Volcan-2026' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: 'Unavailable' });
    expect(response.headers['retry-after']).toBe('5');
  });

  it('when PostgreSQL refuses connections, then a link page answers 503 with Retry-After, not 500', async () => {
    const response = await app.inject({ method: 'GET', url: `/liens/${'a'.repeat(43)}` });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('indisponible');
    expect(response.headers['retry-after']).toBe('5');
  });

  it('when the Temporal frontend is unavailable (gRPC 14) or times out (gRPC 4), then 503', () => {
    for (const code of [14, 4]) {
      const grpc = Object.assign(new Error(`${code} UNAVAILABLE`), { code, details: 'No connection established', metadata: {} });
      expect(toHttpError(new ServiceError('Failed to start Workflow', { cause: grpc })).status).toBe(503);
    }
    expect(toHttpError(new Error('something else')).status).toBe(500);
  });

  it('when a Temporal cluster refuses an Update while the workflow task is retried, or loses its namespace registry while its database restarts, then 503', () => {
    const grpc = Object.assign(new Error('9 FAILED_PRECONDITION'), {
      code: 9,
      details: 'Unable to perform workflow execution update due to Workflow Task in failed state.',
      metadata: {},
    });
    expect(toHttpError(new ServiceError('Workflow Update failed', { cause: grpc })).status).toBe(503);
    expect(toHttpError(new NamespaceNotFoundError('default')).status).toBe(503);
    // Any other failed precondition is not an outage.
    const other = Object.assign(new Error('9 FAILED_PRECONDITION'), { code: 9, details: 'something else', metadata: {} });
    expect(toHttpError(new ServiceError('Workflow Update failed', { cause: other })).status).toBe(500);
  });
});
