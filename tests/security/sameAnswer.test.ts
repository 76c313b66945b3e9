import type { WorkflowClientInterceptor } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graduateForm } from '../support/graduates.js';
import { createValidatedCandidate, newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';
import { secondApi } from './support.js';

/**
 * Finding 3: « J'ai oublié mes identifiants » and « Renvoyer le lien » take the same path for a
 * known and an unknown address: the same SQL statements and the same Temporal calls before the
 * answer (timings are measured in the benchmark notes, never asserted). An API instance of its own
 * records its queries (its own knex pool) and its Temporal calls (a client interceptor).
 */
let world: World;
let api: Awaited<ReturnType<typeof secondApi>>;
const temporalCalls: string[] = [];
const queries: string[] = [];

const recorder: WorkflowClientInterceptor = {
  async start(input, next) {
    temporalCalls.push(`start ${input.workflowType}`);
    return next(input);
  },
  async signal(input, next) {
    temporalCalls.push(`signal ${input.signalName}`);
    return next(input);
  },
  async signalWithStart(input, next) {
    temporalCalls.push(`signalWithStart ${input.workflowType}`);
    return next(input);
  },
};

beforeAll(async () => {
  world = await startWorld();
  api = await secondApi(world, {}, { interceptors: { workflow: [recorder] } });
  api.db.on('query', (query: { sql: string }) => queries.push(query.sql));
});
afterAll(async () => {
  await api?.stop();
  await world?.stop();
});

/** What one request made the API do: its SQL (statements, not values) and its Temporal calls. */
async function pathOf(url: string, email: string) {
  queries.length = 0;
  temporalCalls.length = 0;
  const answer = await api.app.inject({ method: 'POST', url, payload: { email }, headers: { 'content-type': 'application/json' } });
  return { status: answer.statusCode, body: answer.json(), sql: [...queries], temporal: [...temporalCalls] };
}

const unknownAddress = () => `inconnu.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 6)}@example.org`;

describe('the same path for known and unknown addresses', () => {
  it('when credentials are forgotten for an active account and for an unknown address, then the API runs the same queries and the same Temporal call', async () => {
    const candidate = await createValidatedCandidate(world);
    const known = await pathOf('/api/candidates/forgotten-credentials', candidate.email);
    const unknown = await pathOf('/api/candidates/forgotten-credentials', unknownAddress());
    expect(unknown).toEqual(known);
    expect(known.temporal).toHaveLength(1);
    // The lifecycle does the per-account work afterwards: only the known address gets a mail.
    await world.mailbox.waitFor(candidate.email, { subject: /Vos identifiants/ });
  });

  it('when « Renvoyer le lien » is asked for a pending candidate, graduate or recruiter and for unknown addresses, then the path is the same', async () => {
    const candidate = newCandidate();
    expect((await world.api('POST', '/api/candidates', candidate)).status).toBe(201);
    const graduate = graduateForm({ lastName: 'Morel', firstNames: 'Jade', birthDate: '1991-02-03' });
    expect((await world.api('POST', '/api/graduates', graduate)).status).toBe(201);
    const recruiterEmail = `rh.${Date.now().toString(36)}@entreprise.example`;
    const recruiter = await world.api('POST', '/api/recruiters', {
      company: { name: 'Volcans Industrie', address: '1 rue du Puy, 63000 Clermont-Ferrand' },
      contact: { lastName: 'Roux', firstName: 'Claire' },
      email: recruiterEmail,
      password: 'Recruteur-Volcans-2026',
      acceptTerms: true,
    });
    expect(recruiter.status).toBe(201);

    for (const [url, email] of [
      ['/api/candidates/validation-link', candidate.email],
      ['/api/graduates/registration/resend-link', graduate.email],
      ['/api/recruiters/registration/resend-link', recruiterEmail],
    ] as const) {
      const known = await pathOf(url, email);
      const unknown = await pathOf(url, unknownAddress());
      expect({ url, ...unknown }).toEqual({ url, ...known });
    }
    await world.mailbox.waitFor(candidate.email, { count: 2 });
  });
});
