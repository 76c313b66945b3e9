import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { getFreePort } from '../../infra/processControl.js';
import { parseConfig } from '../../lib/config.js';
import { csrfTokenFor, isValidCsrf } from '../../lib/csrf.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { acceptedSecrets } from '../../lib/secrets.js';
import { linkIn } from '../support/mailbox.js';
import { newCandidate } from '../support/users.js';
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

/** The API restarted after the rotation: same database and Temporal, `APP_SECRET` replaced. */
async function rotatedApi(secret: string, previousSecrets: string[]): Promise<string> {
  const config = { ...world.config, secret, previousSecrets };
  const app = await buildApp(
    { db: world.db, temporal: world.temporal, config, hasher: createPasswordHasher(config.argon2) },
    { logger: false },
  );
  const port = await getFreePort();
  await app.listen({ host: '127.0.0.1', port });
  closers.push(() => app.close());
  return `http://127.0.0.1:${port}`;
}

/** A link mailed, and its page opened, before the rotation: the person's form holds the old CSRF token. */
async function pageOpenedBeforeRotation() {
  const candidate = newCandidate();
  expect((await world.api('POST', '/api/candidates', candidate)).status).toBe(201);
  const link = linkIn(await world.mailbox.waitFor(candidate.email, { subject: /Validez votre compte/ }));
  const csrf = /name="csrf" value="([^"]+)"/.exec(await (await fetch(link)).text())![1]!;
  return { link, csrf };
}

const post = (url: string, csrf: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.baseUrl },
    body: new URLSearchParams({ csrf }).toString(),
  });

describe('APP_SECRET rotation', () => {
  it('when APP_SECRET_PREVIOUS holds the old secret, then a form rendered before the rotation still posts', async () => {
    const { link, csrf } = await pageOpenedBeforeRotation();
    const api = await rotatedApi(randomBytes(32).toString('hex'), [world.config.secret]);
    const answer = await post(link.replace(world.baseUrl, api), csrf);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/validé/);
  });

  it('when the old secret is dropped, then that old form is refused, and the link mailed before the rotation still works from a fresh page', async () => {
    const { link, csrf } = await pageOpenedBeforeRotation();
    const api = await rotatedApi(randomBytes(32).toString('hex'), []);
    const url = link.replace(world.baseUrl, api);
    expect((await post(url, csrf)).status).toBe(403);
    // Links are looked up by the hash of their raw value: the secret that derived them is not needed.
    const fresh = /name="csrf" value="([^"]+)"/.exec(await (await fetch(url)).text())![1]!;
    expect(fresh).not.toBe(csrf);
    expect((await post(url, fresh)).status).toBe(200);
  });

  it('when CSRF tokens are checked during a rotation, then the current and previous secrets verify, and only the current one signs', () => {
    const [current, previous, other] = ['c'.repeat(32), 'p'.repeat(32), 'o'.repeat(32)];
    const secrets = acceptedSecrets({ secret: current, previousSecrets: [previous] });
    expect(secrets[0]).toBe(current);
    expect(isValidCsrf(secrets, 'link', csrfTokenFor(current, 'link'))).toBe(true);
    expect(isValidCsrf(secrets, 'link', csrfTokenFor(previous, 'link'))).toBe(true);
    expect(isValidCsrf(secrets, 'link', csrfTokenFor(other, 'link'))).toBe(false);
    expect(isValidCsrf(secrets, 'other-link', csrfTokenFor(previous, 'link'))).toBe(false);
  });

  it('when APP_SECRET_PREVIOUS lists short values, then the configuration names the variable', () => {
    const base = {
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
      SMTP_URL: 'smtp://127.0.0.1:25',
      APP_SECRET: 'x'.repeat(32),
      PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    expect(parseConfig({ ...base, APP_SECRET_PREVIOUS: `${'a'.repeat(32)}, ${'b'.repeat(40)}` }).previousSecrets).toEqual([
      'a'.repeat(32),
      'b'.repeat(40),
    ]);
    expect(() => parseConfig({ ...base, APP_SECRET_PREVIOUS: 'short' })).toThrow(/APP_SECRET_PREVIOUS/);
  });
});
