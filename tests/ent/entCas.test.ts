import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { type CasServer, startCasServer } from '../support/casServer.js';
import { EntBrowser } from '../support/entBrowser.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let cas: CasServer;
beforeAll(async () => {
  cas = await startCasServer({
    e21901234: {
      password: 'motdepasse-etu',
      attributes: {
        eduPersonAffiliation: ['student', 'member'],
        supannEtuId: '21901234',
        mail: 'ines.moreau@etu.univ.example',
        givenName: 'Inès',
        sn: 'Moreau',
      },
    },
    cpetit: {
      password: 'motdepasse-pers',
      attributes: { eduPersonAffiliation: ['faculty', 'member'], mail: 'claire.petit@univ.example', givenName: 'Claire', sn: 'Petit' },
    },
  });
  world = await startWorld({ ENT_PROTOCOL: 'cas', ENT_CAS_BASE_URL: cas.baseUrl });
});
afterAll(async () => {
  await world?.stop();
  await cas?.close();
});

const isCallback = (url: string) => url.startsWith(`${world.baseUrl}/ent/retour`);

async function signInAtCas(browser: EntBrowser, username: string, password: string) {
  const loginPage = await browser.go(`${world.baseUrl}/ent/connexion`);
  expect(loginPage.url.startsWith(`${cas.baseUrl}/login?service=`)).toBe(true);
  const back = await browser.submit(loginPage, { username, password }, isCallback);
  expect(back.location).toMatch(/\/ent\/retour\?state=[^&]+&ticket=ST-/);
  return back.location!;
}

describe('ENT login with CAS 3.0 (real CAS server over HTTP)', () => {
  it("when a student logs in through CAS, then serviceValidate's attributes are mapped to the profile", async () => {
    const browser = new EntBrowser();
    const landed = await browser.go(await signInAtCas(browser, 'e21901234', 'motdepasse-etu'));
    expect(landed.url).toBe(`${world.baseUrl}/ent/accueil`);
    const me = await world.api('GET', '/api/ent/me', undefined, { authorization: `Bearer ${browser.cookies.get('session')}` });
    expect(me.body).toMatchObject({
      profile: 'student',
      firstName: 'Inès',
      lastName: 'Moreau',
      email: 'ines.moreau@etu.univ.example',
      studentNumber: '21901234',
    });
    expect(await world.db('ent_accounts').where({ subject: 'e21901234' }).first()).toMatchObject({
      provider: `cas:${cas.baseUrl}`,
      affiliations: ['student', 'member'],
    });
  });

  it('when a member of staff logs in through CAS, then the charter is asked first', async () => {
    const browser = new EntBrowser();
    const landed = await browser.go(await signInAtCas(browser, 'cpetit', 'motdepasse-pers'));
    expect(landed.url).toBe(`${world.baseUrl}/ent/charte`);
    const me = await world.api('GET', '/api/ent/me', undefined, { authorization: `Bearer ${browser.cookies.get('session')}` });
    expect(me.body).toMatchObject({ profile: 'staff', firstName: 'Claire', charter: { required: true } });
  });

  it('when a service ticket is replayed, then it is refused, even inside a fresh login', async () => {
    const browser = new EntBrowser();
    const callback = await signInAtCas(browser, 'e21901234', 'motdepasse-etu');
    expect((await browser.request(callback)).status).toBe(303);
    // Same callback again: the state was single-use.
    browser.cookies.set('ent_state', new URL(callback).searchParams.get('state')!);
    expect((await browser.request(callback)).status).toBe(401);

    // A fresh login (new state, same SSO session) carrying the old ticket: the CAS server refuses it.
    const attacker = new EntBrowser();
    const started = await attacker.request(`${world.baseUrl}/ent/connexion`);
    const freshState = new URL(new URL(started.location!).searchParams.get('service')!).searchParams.get('state')!;
    const replay = await attacker.request(
      `${world.baseUrl}/ent/retour?state=${freshState}&ticket=${new URL(callback).searchParams.get('ticket')}`,
    );
    expect(replay.status).toBe(401);
    expect(replay.html).toContain('INVALID_TICKET');
    expect(attacker.cookies.has('session')).toBe(false);
  });

  it('when the person logs out, then the session ends and CAS /logout?service= ends the SSO session', async () => {
    const browser = new EntBrowser();
    const landed = await browser.go(await signInAtCas(browser, 'e21901234', 'motdepasse-etu'));
    const token = browser.cookies.get('session');
    const out = await browser.submit(landed, {}, (url) => url.startsWith(cas.baseUrl));
    expect(out.location).toBe(`${cas.baseUrl}/logout?service=${encodeURIComponent(`${world.baseUrl}/ent/deconnecte`)}`);
    expect((await world.api('GET', '/api/ent/me', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    const done = await browser.go(out.location!);
    expect(done.html).toContain('Vous êtes déconnecté');
    expect(cas.logouts).toContain(`${world.baseUrl}/ent/deconnecte`);
    // No single sign-on any more: CAS shows its login form again.
    expect((await browser.go(`${world.baseUrl}/ent/connexion`)).html).toContain('name="username"');
  });

  it("when the JSON API logs out, then it answers the provider's logout URL for the front-end to open", async () => {
    const browser = new EntBrowser();
    await browser.go(await signInAtCas(browser, 'e21901234', 'motdepasse-etu'));
    const bearer = { authorization: `Bearer ${browser.cookies.get('session')}` };
    const out = await world.api('DELETE', '/api/ent/session', undefined, bearer);
    expect(out.body.providerLogoutUrl).toContain(`${cas.baseUrl}/logout?service=`);
    expect((await world.api('GET', '/api/ent/me', undefined, bearer)).status).toBe(401);
  });

  it('when no ENT is configured, then the ENT routes answer 503 « connexion ENT non configurée »', async () => {
    const bare = await buildApp(
      {
        db: world.db,
        temporal: world.temporal,
        config: { ...world.config, ent: { ...world.config.ent, protocol: undefined } },
        hasher: createPasswordHasher(world.config.argon2),
      },
      { logger: false },
    );
    try {
      const page = await bare.inject({ method: 'GET', url: '/ent/connexion' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Connexion ENT non configurée');
      expect((await bare.inject({ method: 'GET', url: '/ent/retour?state=x&ticket=y', cookies: { ent_state: 'x' } })).statusCode).toBe(503);
    } finally {
      await bare.close();
    }
  });

  it('when the OpenID provider is unreachable, then « Connexion ENT » answers 503 and a later login can retry', async () => {
    const ent = {
      ...world.config.ent,
      protocol: 'oidc' as const,
      oidc: { ...world.config.ent.oidc, issuer: 'http://127.0.0.1:9/', clientId: 'x' },
    };
    const down = await buildApp(
      { db: world.db, temporal: world.temporal, config: { ...world.config, ent }, hasher: createPasswordHasher(world.config.argon2) },
      { logger: false },
    );
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const page = await down.inject({ method: 'GET', url: '/ent/connexion' });
        expect(page.statusCode).toBe(503);
        expect(page.body).toContain('Le service ENT ne répond pas');
      }
    } finally {
      await down.close();
    }
  });
});
