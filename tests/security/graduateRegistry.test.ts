import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBirthDate, freshCodes, graduateForm, inRegistry } from '../support/graduates.js';
import { startWorld, type World } from '../support/world.js';
import { clientIp, from, securityEnv } from './support.js';

/**
 * Finding 4: the registry answers nobody over HTTP. Seed 000: « Si vous êtes présent, on vous
 * envoie les instructions via l'adresse mail saisie »: the answer is the same for a person present,
 * absent or matching several graduates; lookups are audited and limited per client address.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld({ ...securityEnv, REGISTRY_LOOKUP_LIMIT_PER_IP: '4' });
});
afterAll(() => world?.stop());

/** Status, body keys and message: what the caller learns (the account id differs by nature). */
const shape = (answer: { status: number; body: Record<string, unknown> }) => ({
  status: answer.status,
  keys: Object.keys(answer.body).sort(),
  message: answer.body.message,
});

describe('graduate registry lookups', () => {
  it('when someone registers as a graduate present, absent or matching several, then the HTTP answer is the same and every lookup is audited', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    const twinsBirthDate = freshBirthDate();
    await inRegistry(
      world,
      {
        lastName: 'GARNIER',
        firstNames: 'Hugo',
        birthDate,
        diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2015 }],
      },
      {
        lastName: 'PETIT',
        firstNames: 'Lina',
        birthDate: twinsBirthDate,
        diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2014 }],
      },
      {
        lastName: 'PETIT',
        firstNames: 'Lina Marie',
        birthDate: twinsBirthDate,
        diplomas: [{ vetCode: codes.otherVet, composanteCode: codes.composante, year: 2016 }],
      },
    );
    const ip = clientIp();
    const present = await world.api(
      'POST',
      '/api/graduates',
      graduateForm({ lastName: 'Garnier', firstNames: 'Hugo', birthDate }),
      from(ip),
    );
    const absent = await world.api(
      'POST',
      '/api/graduates',
      graduateForm({ lastName: 'Personne', firstNames: 'Nul', birthDate }),
      from(ip),
    );
    const ambiguous = await world.api(
      'POST',
      '/api/graduates',
      graduateForm({ lastName: 'Petit', firstNames: 'Lina', birthDate: twinsBirthDate }),
      from(ip),
    );

    expect(shape(present)).toEqual(shape(absent));
    expect(shape(ambiguous)).toEqual(shape(absent));
    expect(present.status).toBe(201);

    const audit = await world.db('registry_lookups').where({ client_ip: ip }).orderBy('id');
    expect(audit.map((row: { outcome: string }) => row.outcome)).toEqual(['present', 'absent', 'ambiguous']);
    expect(audit.every((row: { graduate_account_id: string | null }) => row.graduate_account_id !== null)).toBe(true);
  });

  it('when one client address looks up more people than REGISTRY_LOOKUP_LIMIT_PER_IP in a window, then 429', async () => {
    const ip = clientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await world.api(
            'POST',
            '/api/graduates',
            graduateForm({ lastName: `Sonde${i}`, firstNames: 'Eve', birthDate: freshBirthDate() }),
            from(ip),
          )
        ).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
  });
});
