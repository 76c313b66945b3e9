import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { secondApi } from './support.js';

/**
 * Finding 14: X-Forwarded-For is believed only from the proxies listed in TRUSTED_PROXIES (none by
 * default), and every request line of the log names the client's address.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.stop());

/** An API whose log lines the test reads; the request comes from 127.0.0.1, claiming to forward 198.51.100.23. */
async function loggedClientIp(trustedProxies: string): Promise<string[]> {
  const lines: string[] = [];
  const api = await secondApi(world, { TRUSTED_PROXIES: trustedProxies }, { logStream: { write: (line) => lines.push(line) } });
  try {
    await api.app.inject({
      method: 'GET',
      url: '/api/recruiters/terms',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '198.51.100.23' },
    });
  } finally {
    await api.stop();
  }
  return lines.map((line) => JSON.parse(line) as { req?: { ip?: string } }).flatMap((entry) => (entry.req?.ip ? [entry.req.ip] : []));
}

describe('client addresses', () => {
  it('when no proxy is trusted (the default), then a forwarded address is ignored and the log names the real client', async () => {
    expect(await loggedClientIp('')).toEqual(['127.0.0.1']);
  });

  it('when the request comes through a trusted proxy, then the forwarded address is the client and the log names it', async () => {
    expect(await loggedClientIp('127.0.0.1/32')).toEqual(['198.51.100.23']);
  });
});
