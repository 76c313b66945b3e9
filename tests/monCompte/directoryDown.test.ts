import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Slapd, startSlapd } from '../../infra/slapd.js';
import { type CasServer, startCasServer } from '../support/casServer.js';
import { startWorld, type World } from '../support/world.js';
import { addPerson, directoryEnv, directoryFor, newPerson, type TestSlapd } from './directory.js';
import { entLogin } from './entLogin.js';

// A slapd of this file's own, so that stopping it leaves the other files' directory alone.
let slapd: Slapd;
let test: TestSlapd;
let world: World;
let cas: CasServer;
beforeAll(async () => {
  const secret = () => randomBytes(18).toString('base64url');
  slapd = await startSlapd({
    dir: await mkdtemp(join(tmpdir(), 'approvals-slapd-down-')),
    rootPassword: secret(),
    servicePassword: secret(),
  });
  test = { url: slapd.url, rootDn: slapd.rootDn, rootPassword: slapd.rootPassword, servicePassword: slapd.servicePassword };
  cas = await startCasServer({}, 0, { directory: directoryFor(test) });
  world = await startWorld({ ENT_PROTOCOL: 'cas', ENT_CAS_BASE_URL: cas.baseUrl, ...directoryEnv(test) });
});
afterAll(async () => {
  await world?.stop();
  await cas?.close();
  await slapd?.stop();
});

describe('when the directory is down', () => {
  it('then « Connexion et sécurité » and the recovery link answer « service indisponible », nothing is half-done, and both work once slapd is back', async () => {
    const eva = newPerson('Eva', 'Martin', { password: 'avant-la-panne-de-ldap-1' });
    await addPerson(test, eva);
    const bearer = (await entLogin(world, cas, eva.login, eva.password!))!;
    expect((await world.api('POST', '/api/ent/mot-de-passe-oublie', { login: eva.login })).status).toBe(202);
    const mail = await world.mailbox.waitFor(eva.personalMail, { subject: /Mot de passe oublié/ });
    const token = /\/ent\/mot-de-passe-oublie\/([^\s]+)/.exec(mail.text)![1]!;

    await slapd.stop();
    const change = await world.api(
      'POST',
      '/api/mon-compte/mot-de-passe',
      { currentPassword: eva.password, password: 'pendant-la-panne-xyz-2', passwordConfirmation: 'pendant-la-panne-xyz-2' },
      bearer,
    );
    expect(change.status).toBe(503);
    expect(change.body.message).toContain('Service indisponible');
    const recovery = await world.api('POST', '/api/ent/mot-de-passe-oublie/nouveau', {
      token,
      password: 'apres-le-lien-de-secours-3',
      passwordConfirmation: 'apres-le-lien-de-secours-3',
    });
    expect(recovery.status).toBe(503);
    const page = await fetch(`${world.baseUrl}/mon-compte/securite`, { headers: { cookie: `session=${bearer.authorization.slice(7)}` } });
    expect(page.status).toBe(200);
    // Nothing half-done: the link was not spent, no confirmation was started.
    const row = await world.db('directory_requests').where({ login: eva.login, kind: 'passwordRecovery' }).first();
    expect(row.used_at).toBeNull();
    expect(await world.db('directory_requests').where({ login: eva.login, kind: 'passwordChangeConfirmation' })).toEqual([]);

    await slapd.start();
    expect(await entLogin(world, cas, eva.login, eva.password!)).toBeDefined();
    const retried = await world.api('POST', '/api/ent/mot-de-passe-oublie/nouveau', {
      token,
      password: 'apres-le-lien-de-secours-3',
      passwordConfirmation: 'apres-le-lien-de-secours-3',
    });
    expect(retried.status).toBe(204);
    expect(await entLogin(world, cas, eva.login, 'apres-le-lien-de-secours-3')).toBeDefined();
  });
});
