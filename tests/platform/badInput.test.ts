import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.stop());

describe('bad input gets a clear 4xx with field messages, never a 500', () => {
  it('when fields are missing, then each one is named in French', async () => {
    const answer = await world.api('POST', '/api/candidates', {});
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('Validation');
    expect(answer.body.fields).toMatchObject({
      lastName: 'Le nom est obligatoire',
      firstName: 'Le prénom est obligatoire',
      email: 'L’adresse mail est obligatoire',
      password: 'Le mot de passe est obligatoire',
    });
  });

  it('when the confirmation differs, then the confirmation field says so', async () => {
    const answer = await world.api('POST', '/api/candidates', newCandidate({ emailConfirmation: 'autre@example.org' }));
    expect(answer.status).toBe(400);
    expect(answer.body.fields.emailConfirmation).toBe('La confirmation ne correspond pas à l’adresse mail');
  });

  it('when the e-mail or password is malformed, then the field messages explain the rule', async () => {
    const answer = await world.api(
      'POST',
      '/api/candidates',
      newCandidate({ email: 'pas-une-adresse', emailConfirmation: 'pas-une-adresse', password: 'motdepasse123' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.fields.email).toBe('L’adresse mail n’est pas valide');
    expect(answer.body.fields.password).toMatch(/trop courant ou trop facile à deviner/);
  });

  it('when the JSON is malformed, then 400', async () => {
    const answer = await world.api('POST', '/api/candidates', '{"lastName": ');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/JSON/);
  });

  it('when the body is too large, then 413', async () => {
    const answer = await world.api('POST', '/api/candidates', { ...newCandidate(), lastName: 'x'.repeat(100_000) });
    expect(answer.status).toBe(413);
  });

  it('when the content type is not JSON, then 415', async () => {
    const answer = await world.api('POST', '/api/candidates', 'lastName=x', { 'content-type': 'text/plain' });
    expect(answer.status).toBe(415);
  });

  it('when a field has the wrong type, then 400 on that field', async () => {
    const answer = await world.api('POST', '/api/candidates', { ...newCandidate(), lastName: 42 });
    expect(answer.status).toBe(400);
    expect(answer.body.fields.lastName).toBe('Le nom doit être un texte');
  });

  it('when a link is forged or unknown, then 404 or 400, not 500', async () => {
    expect((await world.api('GET', '/api/links/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await world.api('GET', '/api/links/a%20b')).status).toBe(400);
    const page = await fetch(`${world.baseUrl}/liens/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Ce lien n’est pas valide');
  });

  it('when a link form is posted from another site, then 403', async () => {
    const response = await fetch(`${world.baseUrl}/liens/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'csrf=x',
    });
    expect(response.status).toBe(403);
  });

  it('when a protected resource is asked without a session, then 401', async () => {
    expect((await world.api('GET', '/api/me')).status).toBe(401);
    expect((await world.api('GET', '/api/me', undefined, { authorization: 'Bearer nope' })).status).toBe(401);
  });
});
