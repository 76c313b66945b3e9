import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type TestStaff } from '../support/approvals.js';
import { activeGraduate, apply, entStudent, moderate, pdfBytes, postOffer } from '../support/offers.js';
import { createValidatedCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';
import { secondApi } from './support.js';

/**
 * Finding 6: cookie-authenticated state changes and the login forms check the Origin; bearer calls
 * need none; uploads stay possible. Finding 7: security headers, a strict CSP on pages and link
 * pages, the Swagger UI's own CSP scoped to /docs, HSTS when the platform is served over https.
 */
let world: World;
let staff: TestStaff;
let delegate: TestStaff;
beforeAll(async () => {
  world = await startWorld();
  staff = await createStaff(world, [], 'Agent visé');
  delegate = await createStaff(world, [], 'Délégataire');
});
afterAll(() => world?.stop());

const evil = 'https://autre.universite.example';
const cookieOf = (token: string) => ({ cookie: `session=${token}` });
const absence = () => ({
  startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  delegateId: delegate.id,
});

describe('Origin check (CSRF)', () => {
  it('when a foreign page posts a form with the staff cookie, then 403 and nothing is written', async () => {
    const answer = await world.api('POST', '/api/staff/me/absences', new URLSearchParams(absence()).toString(), {
      ...cookieOf(staff.token),
      'content-type': 'application/x-www-form-urlencoded',
      origin: evil,
    });
    expect(answer.status).toBe(403);
    expect(await world.db('staff_absences').where({ staff_id: staff.id })).toHaveLength(0);
  });

  it('when a foreign page sends JSON with the cookie, then 403; from our own origin, or with a bearer token from anywhere, then it works', async () => {
    const foreign = await world.api('POST', '/api/staff/me/absences', absence(), { ...cookieOf(staff.token), origin: evil });
    expect(foreign.status).toBe(403);
    const sameSiteFetch = await world.api('POST', '/api/staff/me/absences', absence(), {
      ...cookieOf(staff.token),
      'sec-fetch-site': 'same-site',
    });
    expect(sameSiteFetch.status).toBe(403);
    const own = await world.api('POST', '/api/staff/me/absences', absence(), { ...cookieOf(staff.token), origin: world.baseUrl });
    expect(own.status).toBe(201);
    const bearer = await world.api('POST', '/api/staff/me/absences', absence(), { ...staff.auth, origin: evil });
    expect(bearer.status).toBe(201);
  });

  it('when a foreign page posts a login form (login CSRF), then 403', async () => {
    const candidate = await createValidatedCandidate(world);
    const body = new URLSearchParams({ login: candidate.email, password: candidate.password }).toString();
    const form = await world.api('POST', '/api/sessions', body, { 'content-type': 'application/x-www-form-urlencoded', origin: evil });
    expect(form.status).toBe(403);
    const json = await world.api('POST', '/api/sessions', { login: candidate.email, password: candidate.password }, { origin: evil });
    expect(json.status).toBe(403);
    expect((await world.api('POST', '/api/sessions', { login: candidate.email, password: candidate.password })).status).toBe(201);
  });

  it('when a CV is uploaded with the session cookie from our own pages, then it is accepted; from a foreign origin, then 403', async () => {
    const webmaster = await createStaff(world, [{ role: 'webmaster' }], 'Webmaster');
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await moderate(world, webmaster, offer.title, { outcome: 'approve' });
    const student = await entStudent(world);
    const token = student.auth.authorization.slice('Bearer '.length);
    const upload = (origin: string) => apply(world, { ...cookieOf(token), origin }, offer.id, { message: 'Candidature.', cv: pdfBytes() });
    await expect.poll(async () => (await world.db('job_offers').where({ id: offer.id }).first()).status).toBe('published');
    expect((await upload(evil)).status).toBe(403);
    expect((await upload(world.baseUrl)).status).toBe(201);
  });
});

describe('security headers', () => {
  it('when a page, a link page or the JSON API answers, then it carries a strict CSP, nosniff, a referrer policy and frame refusal', async () => {
    for (const path of ['/connexion', '/liens/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/decisions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await fetch(`${world.baseUrl}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("script-src 'none'") });
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      // The page kit serves its CSS as a file (/assets/…): styles from our origin only, nothing inline.
      expect(csp).toMatch(/style-src 'self'(;|$| 'sha256-)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    const json = await fetch(`${world.baseUrl}/api/recruiters/terms`);
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    expect(json.headers.get('content-security-policy')).toContain("default-src 'none'");
    // Served over plain http here: no HSTS.
    expect(json.headers.get('strict-transport-security')).toBeNull();
  });

  it('when the Swagger UI is opened, then its own CSP lets its script files run, for /docs only', async () => {
    const docs = await fetch(`${world.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // Elsewhere no script runs at all.
    const page = await fetch(`${world.baseUrl}/connexion`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'none'");
  });

  it('when PUBLIC_BASE_URL is https, then HSTS is sent', async () => {
    const https = await secondApi(world, { PUBLIC_BASE_URL: 'https://candidatures.universite.example' });
    try {
      const answer = await https.app.inject({ method: 'GET', url: '/api/recruiters/terms' });
      expect(answer.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
    } finally {
      await https.stop();
    }
  });
});
