import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.stop());

describe('the OpenAPI document', () => {
  it('when it is read, then every 204 answer is documented without a body (clients must not expect JSON there)', async () => {
    const openapi = await world.api('GET', '/openapi.json');
    expect(openapi.status).toBe(200);
    const noContent = Object.entries(openapi.body.paths as Record<string, Record<string, { responses?: Record<string, object> }>>)
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ at: `${method} ${path}`, answer: op.responses?.['204'] })))
      .filter((o) => o.answer);
    expect(noContent.map((o) => o.at)).toContain('delete /api/sessions/current');
    expect(noContent.filter((o) => 'content' in o.answer!).map((o) => o.at)).toEqual([]);
  });
});
