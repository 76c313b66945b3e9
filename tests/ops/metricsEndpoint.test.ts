import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { getFreePort } from '../../infra/processControl.js';
import type { Config } from '../../lib/config.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
const closers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  for (const close of closers) await close();
  await world?.stop();
});

/** The API as server.ts builds it, with these metrics settings, listening on a port of its own. */
async function apiWith(metrics: Partial<Config['metrics']>): Promise<string> {
  const config = { ...world.config, metrics: { ...world.config.metrics, ...metrics } };
  const app = await buildApp(
    { db: world.db, temporal: world.temporal, config, hasher: createPasswordHasher(config.argon2) },
    { logger: false },
  );
  const port = await getFreePort();
  await app.listen({ host: '127.0.0.1', port });
  closers.push(() => app.close());
  return `http://127.0.0.1:${port}`;
}

describe('metrics endpoint: where it is served', () => {
  it('when METRICS_ADDRESS is set, then /metrics is served there and not on the public port', async () => {
    const address = `127.0.0.1:${await getFreePort()}`;
    const api = await apiWith({ address, token: undefined });
    const scraped = await fetch(`http://${address}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^approvals_domain_metrics_up\{source="postgresql"\} 1$/m);
    expect((await fetch(`${api}/metrics`)).status).toBe(404);
    expect((await fetch(`http://${address}/other`)).status).toBe(404);
  });

  it('when both METRICS_ADDRESS and METRICS_TOKEN are set, then the separate listener asks for the token too', async () => {
    const address = `127.0.0.1:${await getFreePort()}`;
    await apiWith({ address, token: 'a-token-of-sixteen-chars' });
    expect((await fetch(`http://${address}/metrics`)).status).toBe(401);
    expect((await fetch(`http://${address}/metrics`, { headers: { authorization: 'Bearer a-token-of-sixteen-chars' } })).status).toBe(200);
  });

  it('when neither is set, then there are no metrics at all', async () => {
    const api = await apiWith({ address: undefined, token: undefined });
    expect((await fetch(`${api}/metrics`)).status).toBe(404);
  });
});
