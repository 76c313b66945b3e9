import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLanguage } from '../../api/language.js';
import { createCandidateBody, fieldMessages } from '../../api/schemas.js';
import { catalogue, dateTime, languages, negotiateLanguage, t } from '../../lib/i18n/index.js';
import { newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

const english = { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' };
const french = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' };

/** What zod and Fastify say on their own: none of it may reach a user. */
const libraryDefaults =
  /Invalid (input|UUID|email|string|option|url)|Too (big|small)|Expected (string|number)|received (number|string|undefined)|expected (string|number|object)|Client Error|Bad Request|is not a valid url component|Unexpected token/;

const allTexts = (body: { message: string; fields?: Record<string, string> }) => [body.message, ...Object.values(body.fields ?? {})];

describe('the message catalogue', () => {
  it('when any entry is rendered, then both languages give a text', () => {
    // Parameters every template tolerates: a label, numbers, an outcome, a status, a date.
    const samples: Record<string, unknown> = { at: 0, outcome: 'approve', status: 'published', kind: 'stage' };
    const params = new Proxy({}, { get: (_, name) => samples[String(name)] ?? 1 });
    let keys = 0;
    for (const [namespace, entries] of Object.entries(catalogue)) {
      for (const [name, entry] of Object.entries(entries)) {
        keys += 1;
        for (const lang of languages) {
          const template = (entry as Record<string, unknown>)[lang];
          const text = typeof template === 'function' ? template(params) : template;
          expect(typeof text === 'string' && text.length > 0, `${namespace}.${name} in ${lang}`).toBe(true);
        }
      }
    }
    expect(keys).toBeGreaterThan(200);
  });

  it('when a key is rendered, then French keeps today’s wording and English is offered', () => {
    expect(t('link.used', 'fr')).toBe('Ce lien a déjà été utilisé.');
    expect(t('link.used', 'en')).toBe('This link has already been used.');
    const at = Date.UTC(2026, 2, 12, 9, 15);
    expect(dateTime(at, 'fr')).toBe('le 12/03/2026 à 10:15');
    expect(t('approval.alreadySettled', 'fr', { outcome: 'approve', by: 'Sophie Projet', at })).toBe(
      'Cette demande a déjà été approuvée par Sophie Projet le 12/03/2026 à 10:15.',
    );
    expect(t('approval.alreadySettled', 'en', { outcome: 'refuse', deadline: true })).toBe(
      'This request has already been refused: the decision deadline has passed.',
    );
  });

  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['*', 'fr'],
    ['en', 'en'],
    ['EN-us', 'en'],
    ['en-US,en;q=0.9,fr;q=0.8', 'en'],
    ['fr;q=0.5, en', 'en'],
    ['en;q=0.4, fr;q=0.6', 'fr'],
    ['de, en;q=0.5', 'en'],
    ['de, es', 'fr'],
    ['en;q=0, *', 'fr'],
    ['*;q=0.9, en;q=0.5', 'fr'],
  ])('when Accept-Language is %j, then the answer is in %s', (header, lang) => {
    expect(negotiateLanguage(header)).toBe(lang);
  });

  it('when a form is validated outside HTTP in English, then the schema’s own messages are English too', () => {
    // zod words an issue when it is read: read them inside, as a request does.
    const fields = inLanguage('en', () => fieldMessages(createCandidateBody.safeParse({ lastName: 42 }).error!.issues));
    expect(fields).toMatchObject({
      lastName: 'The last name must be text',
      firstName: 'The first name is required',
      email: 'The e-mail address is required',
    });
  });
});

describe('the API answers in the language the client asks for', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('when required fields are missing, then each field message is in French by default and in English on request', async () => {
    const fr = await world.api('POST', '/api/candidates', {});
    expect(fr.status).toBe(400);
    expect(fr.body.message).toBe('Certains champs sont invalides.');
    expect(fr.body.fields).toMatchObject({ lastName: 'Le nom est obligatoire', email: 'L’adresse mail est obligatoire' });
    expect(fr.headers.get('content-language')).toBe('fr');
    expect(fr.headers.get('vary')).toMatch(/Accept-Language/);

    const en = await world.api('POST', '/api/candidates', {}, english);
    expect(en.status).toBe(400);
    expect(en.body.message).toBe('Some fields are invalid.');
    expect(en.body.fields).toMatchObject({
      lastName: 'The last name is required',
      email: 'The e-mail address is required',
      password: 'The password is required',
    });
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('when q-values prefer French, then French wins even if English is listed', async () => {
    const answer = await world.api('POST', '/api/candidates', { ...newCandidate(), lastName: 42 }, french);
    expect(answer.body.fields.lastName).toBe('Le nom doit être un texte');
    const english = await world.api('POST', '/api/candidates', { ...newCandidate(), lastName: 42 }, { 'accept-language': 'fr;q=0.1, en' });
    expect(english.body.fields.lastName).toBe('The last name must be text');
  });

  it.each([
    [
      'a malformed identifier in the path',
      'GET',
      '/api/approvals/inbox/not-a-uuid',
      undefined,
      'taskId',
      'Identifiant invalide',
      'Invalid identifier',
    ],
    ['a number too big in the query', 'GET', '/api/training/actions?pageSize=500', undefined, 'pageSize', 'au plus 50', 'at most 50'],
    [
      'a number where text is expected',
      'POST',
      `/api/decisions/${'A'.repeat(43)}`,
      { outcome: 'approve', comment: 5 },
      'comment',
      'un texte',
      'text',
    ],
    ['an unknown choice', 'POST', '/api/candidates', { ...newCandidate(), locale: 'de' }, 'locale', '« fr » ou « en »', '« fr » or « en »'],
    [
      'a malformed e-mail address',
      'POST',
      '/api/candidates',
      { ...newCandidate(), email: 'x' },
      'email',
      'n’est pas valide',
      'is not valid',
    ],
    ['a token too short', 'GET', '/api/links/short', undefined, 'token', 'Au moins 20 caractères', 'At least 20 characters'],
  ])(
    'when the request has %s, then the field says so in the catalogue’s words, in both languages',
    async (_case, method, path, body, field, inFrench, inEnglish) => {
      const fr = await world.api(method, path, body);
      const en = await world.api(method, path, body, english);
      for (const answer of [fr, en]) {
        expect(answer.status).toBe(400);
        for (const text of allTexts(answer.body)) expect(text).not.toMatch(libraryDefaults);
      }
      expect(fr.body.fields[field]).toContain(inFrench);
      expect(en.body.fields[field]).toContain(inEnglish);
    },
  );

  it('when Fastify itself refuses the request, then its default texts are replaced, in both languages', async () => {
    const badJson = await world.api('POST', '/api/candidates', '{"lastName": ', english);
    expect(badJson.status).toBe(400);
    expect(badJson.body.message).toBe('The request body is not valid JSON.');
    const notFound = await world.api('GET', '/api/nothing-here', undefined, english);
    expect(notFound.status).toBe(404);
    expect(notFound.body.message).toBe('No resource for GET /api/nothing-here');
    const wrongMethod = await world.api('DELETE', '/api/candidates', undefined, english);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.message).toBe('Method DELETE is not allowed here: POST.');
    const badUrl = await world.api('GET', '/api/links/%E0%A4%A', undefined, english);
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.message).toBe('Invalid address.');
    const frenchBadUrl = await world.api('GET', '/api/links/%E0%A4%A');
    expect(frenchBadUrl.body.message).toBe('Adresse invalide.');
    for (const answer of [badJson, notFound, wrongMethod, badUrl]) expect(answer.body.message).not.toMatch(libraryDefaults);
  });

  it('when a use case refuses or confirms, then its message follows the language too', async () => {
    const refused = await world.api('POST', '/api/sessions', { login: 'nobody@example.org', password: 'wrong' }, english);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('Incorrect login or password');
    const frenchRefusal = await world.api('POST', '/api/sessions', { login: 'nobody@example.org', password: 'wrong' });
    expect(frenchRefusal.body.message).toBe('Identifiant ou mot de passe incorrect');

    const confirmed = await world.api('POST', '/api/candidates/validation-link', { email: 'nobody@example.org' }, english);
    expect(confirmed.status).toBe(202);
    expect(confirmed.body.message).toMatch(/^If an account awaiting validation matches this address/);
  });

  it('when a page is asked for in English, then it stays French, as the whole page is', async () => {
    const page = await fetch(`${world.baseUrl}/liens/${'A'.repeat(43)}`, { headers: english });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Ce lien n’est pas valide');
  });
});
