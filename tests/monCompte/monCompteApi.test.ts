import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { type CasServer, startCasServer } from '../support/casServer.js';
import { replayFinished } from '../support/histories.js';
import { startWorld, type World } from '../support/world.js';
import { addPerson, directoryEnv, directoryFor, newPerson, sharedSlapd } from './directory.js';
import { entLogin } from './entLogin.js';
import { photoStoreDouble } from './photoStoreDouble.js';

const slapd = sharedSlapd();
const directory = directoryFor(slapd);
const SERVICE_TOKEN = 'bibliotheque-token-0123456789abcdef';
let world: World;
let cas: CasServer;

beforeAll(async () => {
  cas = await startCasServer({}, 0, { directory });
  world = await startWorld({
    ENT_PROTOCOL: 'cas',
    ENT_CAS_BASE_URL: cas.baseUrl,
    ...directoryEnv(slapd),
    ACCOUNT_ACTIVATION_WINDOW: 'PT1M',
    IMAGE_RIGHTS_SERVICES: JSON.stringify([{ id: 'bibliotheque', label: 'Bibliothèque universitaire', token: SERVICE_TOKEN }]),
  });
});
afterAll(async () => {
  await world?.stop();
  await cas?.close();
});

const codeIn = (text: string) => /« Première connexion \? » : (\d{8})/.exec(text)?.[1];

describe('« Connexion et sécurité »: the password lives in the directory (slapd + ppolicy)', () => {
  it('when a student changes their password with the current one, then the ENT logs them in with the new one only, their other sessions end and a confirmation is mailed', async () => {
    const ines = newPerson('Inès', 'Moreau', { password: 'premier-mot-de-passe-42' });
    await addPerson(slapd, ines);
    const bearer = (await entLogin(world, cas, ines.login, ines.password!))!;
    const otherSession = (await entLogin(world, cas, ines.login, ines.password!))!;

    const changed = await world.api(
      'POST',
      '/api/mon-compte/mot-de-passe',
      { currentPassword: ines.password, password: 'nouvelle-phrase-de-passe-87', passwordConfirmation: 'nouvelle-phrase-de-passe-87' },
      bearer,
    );
    expect(changed.status).toBe(204);
    expect(await entLogin(world, cas, ines.login, ines.password!)).toBeUndefined();
    expect(await entLogin(world, cas, ines.login, 'nouvelle-phrase-de-passe-87')).toBeDefined();
    expect((await world.api('GET', '/api/mon-compte/informations', undefined, otherSession)).status).toBe(401);
    expect((await world.api('GET', '/api/mon-compte/informations', undefined, bearer)).status).toBe(200);
    const mail = await world.mailbox.waitFor(ines.personalMail, { subject: /mot de passe ENT a été modifié/ });
    expect(mail.text).toContain('depuis « Mon compte »');
    const confirmation = await world.db('directory_requests').where({ login: ines.login, kind: 'passwordChangeConfirmation' }).first();
    await replayFinished(world, `passwordChangeConfirmation-${confirmation.id}`, 'passwordChangeConfirmation-confirmed');
  });

  it('when the new password is one the directory remembers, then its ppolicy refusal is shown in French and nothing changes', async () => {
    const hugo = newPerson('Hugo', 'Lefebvre', { password: 'ancien-mot-de-passe-ab7' });
    await addPerson(slapd, hugo);
    const bearer = (await entLogin(world, cas, hugo.login, hugo.password!))!;
    const change = (current: string, next: string) =>
      world.api('POST', '/api/mon-compte/mot-de-passe', { currentPassword: current, password: next, passwordConfirmation: next }, bearer);
    expect((await change(hugo.password!, 'intermediaire-phrase-91x')).status).toBe(204);

    const back = await change('intermediaire-phrase-91x', hugo.password!);
    expect(back.status).toBe(400);
    expect(back.body.fields.password).toBe(
      'L’annuaire refuse ce mot de passe : vous l’avez déjà utilisé récemment. Choisissez-en un nouveau.',
    );
    expect(await entLogin(world, cas, hugo.login, 'intermediaire-phrase-91x')).toBeDefined();

    const wrongCurrent = await change('pas-le-bon-mot-de-passe', 'encore-une-autre-phrase-33');
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.fields.currentPassword).toBe('Le mot de passe actuel est incorrect.');
  });

  it("when the platform's own policy refuses the password, then the directory is not asked", async () => {
    const lou = newPerson('Lou', 'Bernard', { password: 'mot-de-passe-de-lou-55' });
    await addPerson(slapd, lou);
    const bearer = (await entLogin(world, cas, lou.login, lou.password!))!;
    const guessable = await world.api(
      'POST',
      '/api/mon-compte/mot-de-passe',
      { currentPassword: lou.password, password: 'azertyuiop123', passwordConfirmation: 'azertyuiop123' },
      bearer,
    );
    expect(guessable.status).toBe(400);
    expect(guessable.body.fields.password).toBeDefined();
    expect(await entLogin(world, cas, lou.login, lou.password!)).toBeDefined();
  });
});

describe('« Première connexion ? » (accountActivation)', () => {
  it('when a new student gives their number and birth date, then a code reaches their personal address, sets their first password once, and the ENT logs them in', async () => {
    const nina = newPerson('Nina', 'Roux');
    await addPerson(slapd, nina);
    const unknown = await world.api('POST', '/api/ent/premiere-connexion', { studentNumber: '99999999', birthDate: '2000-01-01' });
    const wrongBirth = await world.api('POST', '/api/ent/premiere-connexion', {
      studentNumber: nina.studentNumber,
      birthDate: '2000-01-01',
    });
    const started = await world.api('POST', '/api/ent/premiere-connexion', {
      studentNumber: nina.studentNumber,
      birthDate: nina.birthDate,
    });
    // The same answer whether or not the account exists.
    for (const answer of [unknown, wrongBirth, started]) expect(Object.keys(answer.body)).toEqual(['handle']);
    expect([unknown.status, wrongBirth.status, started.status]).toEqual([202, 202, 202]);

    const mail = await world.mailbox.waitFor(nina.personalMail, { subject: /Activation de votre compte ENT/ });
    const code = codeIn(mail.text)!;
    const password = 'premiere-phrase-choisie-7';
    const wrong = await world.api('POST', '/api/ent/premiere-connexion/code', {
      handle: started.body.handle,
      code: code === '00000000' ? '11111111' : '00000000',
      password,
      passwordConfirmation: password,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.code).toBe('Code incorrect ou expiré.');
    const onOtherHandle = await world.api('POST', '/api/ent/premiere-connexion/code', {
      handle: unknown.body.handle,
      code,
      password,
      passwordConfirmation: password,
    });
    expect(onOtherHandle.status).toBe(400);

    const done = await world.api('POST', '/api/ent/premiere-connexion/code', {
      handle: started.body.handle,
      code,
      password,
      passwordConfirmation: password,
    });
    expect(done.status).toBe(204);
    const again = await world.api('POST', '/api/ent/premiere-connexion/code', {
      handle: started.body.handle,
      code,
      password,
      passwordConfirmation: password,
    });
    expect(again.status).toBe(400);
    expect(await entLogin(world, cas, nina.login, password)).toBeDefined();
    await world.mailbox.waitFor(nina.personalMail, { subject: /compte ENT est activé/ });
    await expect
      .poll(async () => (await world.db('directory_requests').where({ id: started.body.handle }).first()).status, { timeout: 10_000 })
      .toBe('activated');
    await replayFinished(world, `accountActivation-${started.body.handle}`, 'accountActivation-activated');

    // Activated: asking again mails nothing (the recovery is the way now).
    await world.api('POST', '/api/ent/premiere-connexion', { studentNumber: nina.studentNumber, birthDate: nina.birthDate });
    expect(await world.db('directory_requests').where({ login: nina.login, kind: 'accountActivation' }).count({ n: '*' })).toEqual([
      { n: 1 },
    ]);
  });
});

describe('« Mot de passe oublié ? » (passwordRecovery)', () => {
  it('when a student asks, then a single-use link to their personal address sets a new password that the ENT accepts', async () => {
    const paul = newPerson('Paul', 'Girard', { password: 'oublie-depuis-longtemps-3' });
    await addPerson(slapd, paul);
    const unknown = await world.api('POST', '/api/ent/mot-de-passe-oublie', { login: 'personne-inconnue' });
    const started = await world.api('POST', '/api/ent/mot-de-passe-oublie', { login: paul.login });
    expect([unknown.status, started.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(started.body);

    const mail = await world.mailbox.waitFor(paul.personalMail, { subject: /Mot de passe oublié/ });
    const token = /\/ent\/mot-de-passe-oublie\/([^\s]+)/.exec(mail.text)![1]!;
    const password = 'retrouve-grace-au-lien-8';
    const used = await world.api('POST', '/api/ent/mot-de-passe-oublie/nouveau', { token, password, passwordConfirmation: password });
    expect(used.status).toBe(204);
    const replay = await world.api('POST', '/api/ent/mot-de-passe-oublie/nouveau', {
      token,
      password: 'encore-autre-chose-19z',
      passwordConfirmation: 'encore-autre-chose-19z',
    });
    expect(replay.status).toBe(410);
    expect(await entLogin(world, cas, paul.login, password)).toBeDefined();
    expect(await entLogin(world, cas, paul.login, paul.password!)).toBeUndefined();
    await world.mailbox.waitFor(paul.personalMail, { subject: /mot de passe ENT a été modifié/ });
    const recovery = await world.db('directory_requests').where({ login: paul.login, kind: 'passwordRecovery' }).first();
    await replayFinished(world, `passwordRecovery-${recovery.id}`, 'passwordRecovery-password-set');
  });
});

describe('« Mes informations personnelles »', () => {
  it('when a student edits their phone and postal address and validates a new personal address by its link, then the directory holds the new address', async () => {
    const lea = newPerson('Léa', 'Faure', { password: 'les-infos-de-lea-2026' });
    await addPerson(slapd, lea);
    const bearer = (await entLogin(world, cas, lea.login, lea.password!))!;
    const view = await world.api('GET', '/api/mon-compte/informations', undefined, bearer);
    expect(view.body).toMatchObject({
      identity: { lastName: 'Faure', firstName: 'Léa', studentNumber: lea.studentNumber, login: lea.login },
      personalEmail: { status: 'known', address: lea.personalMail, pending: null },
    });

    const bad = await world.api('PUT', '/api/mon-compte/informations', { phone: 'abc', postalAddress: '' }, bearer);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.phone).toBeDefined();
    const saved = await world.api(
      'PUT',
      '/api/mon-compte/informations',
      { phone: '06 12 34 56 78', postalAddress: '12 rue des Gras\n63000 Clermont-Ferrand' },
      bearer,
    );
    expect(saved.body).toEqual({ phone: '06 12 34 56 78', postalAddress: '12 rue des Gras\n63000 Clermont-Ferrand' });

    const newAddress = `lea.nouvelle.${lea.studentNumber}@perso.example`;
    expect((await world.api('POST', '/api/mon-compte/adresse-personnelle', { email: newAddress }, bearer)).status).toBe(202);
    expect((await world.api('GET', '/api/mon-compte/informations', undefined, bearer)).body.personalEmail).toEqual({
      status: 'known',
      address: lea.personalMail,
      pending: newAddress,
    });
    const mail = await world.mailbox.waitFor(newAddress, { subject: /Validez votre adresse personnelle/ });
    const token = /\/mon-compte\/adresse-personnelle\/([^\s]+)/.exec(mail.text)![1]!;
    expect((await world.api('POST', '/api/mon-compte/adresse-personnelle/validation', { token })).status).toBe(204);
    expect((await directory.findByLogin(lea.login))?.personalMail).toBe(newAddress);
    const change = await world.db('directory_requests').where({ login: lea.login, kind: 'personalEmailChange' }).first();
    await replayFinished(world, `personalEmailChange-${change.id}`, 'personalEmailChange-applied');
    expect((await world.api('POST', '/api/mon-compte/adresse-personnelle/validation', { token })).status).toBe(410);
  });
});

describe('« Confidentialité et droit à l’image »', () => {
  it('when a student gives then withdraws consent for a service, then the service gets the photo only in between, and the history shows both', async () => {
    const sam = newPerson('Sam', 'Petit', { password: 'droit-image-de-sam-4' });
    await addPerson(slapd, sam);
    const bearer = (await entLogin(world, cas, sam.login, sam.password!))!;
    // The same platform with the card's photo storage (a double of the storage only).
    const photos = photoStoreDouble();
    const account = await world.db('ent_accounts').where({ subject: sam.login }).first();
    photos.put(account.id, Buffer.from('JPEG-de-Sam'));
    const app = await buildApp(
      {
        db: world.db,
        temporal: world.temporal,
        config: world.config,
        hasher: createPasswordHasher(world.config.argon2),
        photoStore: photos.store,
      },
      { logger: false },
    );
    const photo = (token = SERVICE_TOKEN) =>
      app.inject({ method: 'GET', url: `/api/image-rights/photos/${sam.studentNumber}`, headers: { authorization: `Bearer ${token}` } });

    try {
      expect((await photo('not-a-service-token-at-all-000')).statusCode).toBe(401);
      expect((await photo()).statusCode).toBe(404);
      expect((await world.api('POST', '/api/mon-compte/droit-image', { use: 'bibliotheque', granted: true }, bearer)).status).toBe(204);
      const given = await photo();
      expect(given.statusCode).toBe(200);
      expect(given.headers['content-type']).toBe('image/jpeg');
      expect(given.rawPayload.toString()).toBe('JPEG-de-Sam');
      expect((await world.api('POST', '/api/mon-compte/droit-image', { use: 'nope', granted: true }, bearer)).status).toBe(400);
      expect((await world.api('POST', '/api/mon-compte/droit-image', { use: 'bibliotheque', granted: false }, bearer)).status).toBe(204);
      expect((await photo()).statusCode).toBe(404);
    } finally {
      await app.close();
    }

    const state = await world.api('GET', '/api/mon-compte/droit-image', undefined, bearer);
    expect(state.body.uses).toEqual([
      { id: 'directory', granted: false, decidedAt: null, textVersion: null },
      expect.objectContaining({ id: 'bibliotheque', granted: false, textVersion: '1' }),
    ]);
    expect(state.body.history.map((h: { granted: boolean }) => h.granted)).toEqual([false, true]);
  });
});
