import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../support/approvals.js';
import { newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Finding 11: passwords per OWASP ASVS 5.0 §6.2: no composition rule, at least 12 characters, at
 * least 64 allowed, common and leaked passwords refused offline, the same rule for staff, the
 * messages in French (English on request).
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.stop());

const create = (password: string, headers: Record<string, string> = {}) =>
  world.api('POST', '/api/candidates', newCandidate({ password }), headers);

describe('passwords', () => {
  it('when a long passphrase has a single kind of character, then it is accepted: no composition rule', async () => {
    expect((await create('cheval agrafe batterie correcte')).status).toBe(201);
  });

  it('when a password of 64 characters or more is chosen, then it is accepted', async () => {
    const long = 'les volcans d auvergne dorment sous la neige de janvier depuis toujours'.slice(0, 70);
    expect(long.length).toBeGreaterThanOrEqual(64);
    expect((await create(long)).status).toBe(201);
  });

  it('when a common or leaked password meets the old three-kinds rule, then it is refused, in French or in English', async () => {
    for (const common of ['Azerty123456!', 'P@ssw0rd1234', 'Motdepasse123!']) {
      const answer = await create(common);
      expect({ common, status: answer.status }).toEqual({ common, status: 400 });
      expect(answer.body.fields.password).toMatch(/trop courant ou trop facile à deviner/);
    }
    const english = await create('Azerty123456!', { 'accept-language': 'en' });
    expect(english.body.fields.password).toMatch(/too common or too easy to guess/);
  });

  it('when a password is shorter than 12 characters, then it is refused with the minimum named', async () => {
    const answer = await create('Vx9#qT2!mZ');
    expect(answer.status).toBe(400);
    expect(answer.body.fields.password).toBe('Le mot de passe doit contenir au moins 12 caractères');
  });

  it('when a password reuses the person’s name, then it is refused', async () => {
    const answer = await world.api(
      'POST',
      '/api/candidates',
      newCandidate({ lastName: 'Vercingetorix', password: 'Vercingetorix-Gergovie' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.fields.password).toMatch(/reprendre votre nom/);
  });

  it('when an administrateur gives a member of staff a common password, then the same rule refuses it', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administrateur');
    const created = await world.api(
      'POST',
      '/api/staff',
      { email: `agent.${Date.now()}@universite.example`, displayName: 'Agent', password: 'motdepasse12' },
      admin.auth,
    );
    expect(created.status).toBe(400);
    expect(created.body.fields.password).toMatch(/trop courant/);
  });
});
