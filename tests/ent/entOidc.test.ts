import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { EntBrowser } from '../support/entBrowser.js';
import { type OidcProvider, startOidcProvider } from '../support/oidcProvider.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let provider: OidcProvider;
beforeAll(async () => {
  provider = await startOidcProvider({
    'etu-zoe': {
      given_name: 'Zoé',
      family_name: 'Lefèvre',
      email: 'zoe.lefevre@etu.univ.example',
      eduPersonAffiliation: ['student', 'member'],
      supannEtuId: '21904567',
    },
    'pers-marc': {
      given_name: 'Marc',
      family_name: 'Dubois',
      email: 'marc.dubois@univ.example',
      eduPersonAffiliation: ['employee', 'member'],
    },
    ancien: { given_name: 'Paul', family_name: 'Ancien', email: 'paul@alumni.example', eduPersonAffiliation: ['alum'] },
  });
  world = await startWorld({
    ENT_PROTOCOL: 'oidc',
    ENT_OIDC_ISSUER: provider.issuer,
    ENT_OIDC_CLIENT_ID: provider.clientId,
    ENT_OIDC_CLIENT_SECRET: provider.clientSecret,
  });
  provider.allowClient(world.baseUrl);
});
afterAll(async () => {
  await world?.stop();
  await provider?.close();
});

const isCallback = (url: string) => url.startsWith(`${world.baseUrl}/ent/retour`);

/** The person clicks « Connexion ENT », signs in on the provider's page; stops before the callback. */
async function signInAtProvider(login: string) {
  const browser = new EntBrowser();
  const loginPage = await browser.go(`${world.baseUrl}/ent/connexion`);
  expect(loginPage.url.startsWith(provider.issuer)).toBe(true);
  expect(loginPage.html).toContain('name="login"');
  const back = await browser.submit(loginPage, { login, password: 'n’importe lequel' }, isCallback);
  expect(back.location).toMatch(/\/ent\/retour\?code=/);
  return { browser, callback: back.location! };
}

async function logIn(login: string) {
  const { browser, callback } = await signInAtProvider(login);
  const landed = await browser.go(callback);
  const token = browser.cookies.get('session')!;
  return { browser, landed, token, bearer: { authorization: `Bearer ${token}` } };
}

describe('ENT login with OpenID Connect (real oidc-provider)', () => {
  it('when a student logs in, then the account is created with the student profile and no charter is asked', async () => {
    const { landed, bearer } = await logIn('etu-zoe');
    expect(landed.url).toBe(`${world.baseUrl}/ent/accueil`);
    expect(landed.html).toContain('Zoé');
    const me = await world.api('GET', '/api/ent/me', undefined, bearer);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      profile: 'student',
      firstName: 'Zoé',
      lastName: 'Lefèvre',
      email: 'zoe.lefevre@etu.univ.example',
      studentNumber: '21904567',
      charter: { required: false },
    });
    const row = await world.db('ent_accounts').where({ subject: 'etu-zoe' }).first();
    expect(row).toMatchObject({ provider: `oidc:${provider.issuer}`, profile: 'student' });

    // The second login updates the same row.
    await logIn('etu-zoe');
    expect(await world.db('ent_accounts').where({ subject: 'etu-zoe' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('when a member of staff logs in, then the staff profile is mapped and the charter page comes first', async () => {
    const { landed, bearer } = await logIn('pers-marc');
    expect(landed.url).toBe(`${world.baseUrl}/ent/charte`);
    expect(landed.html).toContain('J’ai lu et j’accepte les conditions d’utilisation de la plateforme');
    const me = await world.api('GET', '/api/ent/me', undefined, bearer);
    expect(me.body).toMatchObject({
      profile: 'staff',
      firstName: 'Marc',
      lastName: 'Dubois',
      studentNumber: null,
      charter: { version: '1', required: true, acceptedAt: null },
    });
  });

  it('when the ENT person is neither student nor staff, then the login is refused with a clear message', async () => {
    const { landed } = await logIn('ancien');
    expect(landed.status).toBe(403);
    expect(landed.html).toContain('ne permet pas d’accéder à la plateforme');
  });

  it("when the callback comes with another browser's state, a tampered state, or is replayed, then it is refused", async () => {
    const { browser, callback } = await signInAtProvider('etu-zoe');
    // Login CSRF: the victim's browser has no (or another) state cookie.
    const stranger = new EntBrowser();
    const foreign = await stranger.request(callback);
    expect(foreign.status).toBe(401);
    expect(foreign.html).toContain('a expiré ou a déjà été utilisée');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged');
    expect((await browser.request(tampered.toString())).status).toBe(401);

    // The tampered try cleared the state cookie: put it back and use the genuine callback once.
    const state = new URL(callback).searchParams.get('state')!;
    browser.cookies.set('ent_state', state);
    const first = await browser.request(callback);
    expect(first.status).toBe(303);
    expect(first.location).toBe(`${world.baseUrl}/ent/accueil`);
    browser.cookies.set('ent_state', state);
    const replay = await browser.request(callback);
    expect(replay.status).toBe(401);
    expect(replay.html).toContain('a expiré ou a déjà été utilisée');
  });

  it('when staff have not accepted the charter, then staff API calls answer 403, and the two-step acceptance records the version and time', async () => {
    const { browser, landed, bearer } = await logIn('pers-marc');
    const blocked = await world.api('GET', '/api/ent/staff/workspace', undefined, bearer);
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toContain('Vous devez accepter la charte');

    const unticked = await browser.submit(landed, {});
    expect(unticked.status).toBe(400);
    const confirm = await browser.submit(landed, { accept: 'on' });
    expect(confirm.html).toContain('Vous êtes sur le point d’accepter la charte');
    expect(confirm.html).toContain('>OK</button>');
    const home = await browser.submit(confirm);
    expect(home.url).toBe(`${world.baseUrl}/ent/accueil`);
    expect(home.html).toContain('Charte acceptée le');

    expect((await world.api('GET', '/api/ent/staff/workspace', undefined, bearer)).body).toEqual({
      displayName: 'Marc Dubois',
      charterVersion: '1',
    });
    const account = await world.db('ent_accounts').where({ subject: 'pers-marc' }).first();
    const acceptances = await world.db('charter_acceptances').where({ ent_account_id: account.id });
    expect(acceptances).toHaveLength(1);
    expect(acceptances[0]).toMatchObject({ charter_version: '1' });

    // A student has no staff workspace.
    const student = await logIn('etu-zoe');
    expect((await world.api('GET', '/api/ent/staff/workspace', undefined, student.bearer)).status).toBe(403);

    // CHARTER_VERSION=2 is published: the same person is asked again, through the JSON API this time.
    const bumped = await buildApp(
      {
        db: world.db,
        temporal: world.temporal,
        config: { ...world.config, charterVersion: '2' },
        hasher: createPasswordHasher(world.config.argon2),
      },
      { logger: false },
    );
    try {
      const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
        bumped.inject({ method, url, headers: bearer, ...(payload ? { payload } : {}) });
      expect((await call('GET', '/api/ent/staff/workspace')).statusCode).toBe(403);
      expect((await call('GET', '/api/ent/charter')).json()).toMatchObject({ version: '2', required: true, acceptedAt: null });
      expect((await call('POST', '/api/ent/charter/acceptance', { version: '2', accepted: true })).statusCode).toBe(400);
      const stale = await call('POST', '/api/ent/charter/acceptance', { version: '1', accepted: true, confirmed: true });
      expect(stale.statusCode).toBe(410);
      const accepted = await call('POST', '/api/ent/charter/acceptance', { version: '2', accepted: true, confirmed: true });
      expect(accepted.statusCode).toBe(201);
      expect(accepted.json().version).toBe('2');
      expect((await call('GET', '/api/ent/staff/workspace')).statusCode).toBe(200);
    } finally {
      await bumped.close();
    }
    expect(
      await world.db('charter_acceptances').where({ ent_account_id: account.id }).orderBy('charter_version').pluck('charter_version'),
    ).toEqual(['1', '2']);
  });

  it("when the person logs out, then the session ends and the browser is sent to the provider's logout, which ends the SSO session", async () => {
    const { browser, landed, bearer } = await logIn('etu-zoe');
    const out = await browser.submit(landed, {}, (url) => url.startsWith(provider.issuer));
    expect(out.status).toBe(303);
    expect(out.location!.startsWith(`${provider.issuer}/session/end`)).toBe(true);
    expect(new URL(out.location!).searchParams.get('post_logout_redirect_uri')).toBe(`${world.baseUrl}/ent/deconnecte`);
    expect((await world.api('GET', '/api/ent/me', undefined, bearer)).status).toBe(401);

    const confirmPage = await browser.go(out.location!);
    const done = await browser.submit(confirmPage, { logout: 'yes' });
    expect(done.url).toBe(`${world.baseUrl}/ent/deconnecte`);
    expect(done.html).toContain('Vous êtes déconnecté');
    // The SSO session is over: the next login asks for credentials again.
    const again = await browser.go(`${world.baseUrl}/ent/connexion`);
    expect(again.html).toContain('name="login"');
  });

  it('when a logout form is posted without its CSRF token, then the session stays open', async () => {
    const { browser, bearer } = await logIn('etu-zoe');
    const forged = await browser.request(`${world.baseUrl}/ent/deconnexion`, { form: { csrf: 'forged' } });
    expect(forged.status).toBe(403);
    expect((await world.api('GET', '/api/ent/me', undefined, bearer)).status).toBe(200);
  });
});
