import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../support/approvals.js';
import { linkIn } from '../support/mailbox.js';
import { activeGraduate, activeRecruiter } from '../support/offers.js';
import { createValidatedCandidate, followLink } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';
import { clientIp, count, from, inParallel, securityEnv } from './support.js';

/**
 * Finding 1 (and the throttled current password of finding 10): the login throttle counts an
 * attempt before the password is checked, one counter per account whatever identifier is typed,
 * a progressive delay per (account, client) rather than a lock, cleared by a password reset; and
 * per-IP limits with an allow-list. LOGIN_MAX_FAILURES = 5 (the default).
 */
let world: World;
beforeAll(async () => {
  world = await startWorld({
    ...securityEnv,
    // Long enough that a burst ends before the first delay does: the counts below are exact.
    LOGIN_DELAY_BASE: 'PT10S',
    RATE_LIMIT_LOGIN_PER_IP: '1000',
  });
});
afterAll(() => world?.stop());

const candidateLogin = (login: string, password: string, ip: string) => world.api('POST', '/api/sessions', { login, password }, from(ip));

describe('login throttle', () => {
  it('when 60 wrong passwords race on one account, then at most 5 are checked and the others wait (429)', async () => {
    const candidate = await createValidatedCandidate(world);
    const ip = clientIp();
    const statuses = await inParallel(60, () => candidateLogin(candidate.email, 'Mauvais-Secret-0', ip));
    // 401 = a password was checked; 429 = refused before any check.
    expect(count(statuses, 401)).toBeLessThanOrEqual(5);
    expect(count(statuses, 429)).toBeGreaterThanOrEqual(55);
  });

  it('when the right password is one of 40 parallel guesses, then no more than 5 guesses are checked in all', async () => {
    const candidate = await createValidatedCandidate(world);
    const ip = clientIp();
    const statuses = await inParallel(40, (i) =>
      candidateLogin(candidate.email, i === 25 ? candidate.password : `Mauvais-Secret-${i}`, ip),
    );
    expect(count(statuses, 401) + count(statuses, 201)).toBeLessThanOrEqual(5);
  });

  it('when the e-mail and the numéro de dossier are typed in turn, then both count against the one account', async () => {
    const candidate = await createValidatedCandidate(world);
    const ip = clientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await candidateLogin(i % 2 ? candidate.fileNumber : candidate.email, 'Mauvais-Secret-1', ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('when an attacker fails again and again from one address, then the person logs in from theirs: nobody is locked out', async () => {
    const candidate = await createValidatedCandidate(world);
    const attacker = clientIp();
    await inParallel(30, () => candidateLogin(candidate.email, 'Mauvais-Secret-2', attacker));
    expect((await candidateLogin(candidate.email, 'Mauvais-Secret-2', attacker)).status).toBe(429);
    const person = await candidateLogin(candidate.email, candidate.password, clientIp());
    expect(person.status).toBe(201);
  });

  it('when the delay has passed, then the right password from the delayed client logs in (progressive delay, not a lock)', {
    timeout: 30_000,
  }, async () => {
    const candidate = await createValidatedCandidate(world);
    const ip = clientIp();
    for (let i = 0; i < 5; i++) expect((await candidateLogin(candidate.email, 'Mauvais-Secret-3', ip)).status).toBe(401);
    const delayed = await candidateLogin(candidate.email, candidate.password, ip);
    expect(delayed.status).toBe(429);
    expect(Number(delayed.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    await new Promise((resolve) => setTimeout(resolve, Number(delayed.headers.get('retry-after')) * 1000 + 200));
    expect((await candidateLogin(candidate.email, candidate.password, ip)).status).toBe(201);
  });

  it('when the password is reset by its link, then the delays of the account are cleared', async () => {
    const candidate = await createValidatedCandidate(world);
    const ip = clientIp();
    await inParallel(20, () => candidateLogin(candidate.email, 'Mauvais-Secret-4', ip));
    expect((await candidateLogin(candidate.email, candidate.password, ip)).status).toBe(429);

    await world.api('POST', '/api/candidates/forgotten-credentials', { email: candidate.email }, from(ip));
    const mail = await world.mailbox.waitFor(candidate.email, { subject: /Vos identifiants/ });
    const password = 'Nouvelle-Phrase-Secrete-2026';
    expect((await followLink(world, linkIn(mail), { password, passwordConfirmation: password })).status).toBe(200);
    await expect.poll(async () => (await candidateLogin(candidate.email, password, ip)).status, { timeout: 15_000 }).toBe(201);
  });

  it('when staff, graduates and recruiters are guessed in parallel, or the current password of an e-mail change, then the same throttle holds', async () => {
    const staffPassword = 'Personnel-2026!';
    const staff = await createStaff(world, [], 'Agent throttled');
    const graduate = await activeGraduate(world);
    const recruiter = await activeRecruiter(world, { canPostOffers: false });
    const candidate = await createValidatedCandidate(world);
    const session = await candidateLogin(candidate.email, candidate.password, clientIp());
    const auth = { authorization: `Bearer ${session.body.token}` };
    const attempts: [string, (ip: string) => Promise<{ status: number }>][] = [
      ['staff', (ip) => world.api('POST', '/api/staff/sessions', { email: staff.email, password: `${staffPassword}x` }, from(ip))],
      ['graduate', (ip) => world.api('POST', '/api/graduates/sessions', { email: graduate.email, password: 'Faux-2026-x' }, from(ip))],
      ['recruiter', (ip) => world.api('POST', '/api/recruiters/sessions', { email: recruiter.email, password: 'Faux-2026-x' }, from(ip))],
      [
        'current password',
        (ip) =>
          world.api(
            'PUT',
            '/api/me/email',
            { email: `nouvelle.${candidate.email}`, emailConfirmation: `nouvelle.${candidate.email}`, currentPassword: 'Faux-2026-x' },
            from(ip, auth),
          ),
      ],
    ];
    for (const [who, attempt] of attempts) {
      const ip = clientIp();
      const statuses = await inParallel(30, () => attempt(ip));
      expect({ who, refusedBeforeCheck: count(statuses, 429) >= 25 }).toEqual({ who, refusedBeforeCheck: true });
    }
  });
});

describe('per-IP limits', () => {
  let limited: World;
  beforeAll(async () => {
    limited = await startWorld({ ...securityEnv, RATE_LIMIT_LOGIN_PER_IP: '10', RATE_LIMIT_ALLOW_LIST: '10.0.0.0/8' });
  });
  afterAll(() => limited?.stop());

  it('when one address tries more logins than RATE_LIMIT_LOGIN_PER_IP in a window, whatever the accounts, then 429; an allow-listed network is not limited', async () => {
    const ip = clientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await limited.api('POST', '/api/sessions', { login: `inconnu.${i}@example.org`, password: 'x' }, from(ip))).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another address is not affected; a campus NAT on the allow-list is never limited.
    expect((await limited.api('POST', '/api/sessions', { login: 'x@example.org', password: 'x' }, from(clientIp()))).status).toBe(401);
    const campus: number[] = [];
    for (let i = 0; i < 15; i++)
      campus.push(
        (await limited.api('POST', '/api/sessions', { login: `campus.${i}@example.org`, password: 'x' }, from('10.20.30.40'))).status,
      );
    expect(campus.every((s) => s === 401)).toBe(true);
  });
});
