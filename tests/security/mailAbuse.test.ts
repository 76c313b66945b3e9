import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type TestStaff } from '../support/approvals.js';
import { freshBirthDate, graduateForm } from '../support/graduates.js';
import { activeGraduate, offerForm } from '../support/offers.js';
import { createActionWithSession, fillSteps, loggedInApplicant } from '../support/training.js';
import { newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';
import { clientIp, from, secondApi, securityEnv } from './support.js';

/**
 * Finding 2: the demonstration lifecycle is for `npm start` and staff only, plans have a floor,
 * and every path that mails an address somebody typed is limited per recipient, per user, per IP.
 */
let world: World;
let staff: TestStaff;
beforeAll(async () => {
  world = await startWorld({
    ...securityEnv,
    MAIL_LIMIT_PER_RECIPIENT: '3',
    MAIL_LIMIT_PER_USER: '4',
    RATE_LIMIT_MAIL_PER_IP: '1000',
    DECISION_REMINDER_MIN_INTERVAL: 'PT1H',
  });
  staff = await createStaff(world, [], 'Agent démonstration');
});
afterAll(() => world?.stop());

const demoBody = (approverEmail: string, plan: Record<string, string> = { deadline: 'PT1H' }) => ({
  title: 'Demande de démonstration',
  steps: [{ step: 'superieur', approvers: [{ email: approverEmail }], plan }],
});
const unique = (() => {
  let n = 0;
  return () => `${Date.now().toString(36)}${++n}`;
})();

describe('the demonstration lifecycle', () => {
  it('when NODE_ENV=production, then its routes do not exist', async () => {
    const production = await secondApi(world, { NODE_ENV: 'production' });
    try {
      const answer = await production.app.inject({
        method: 'POST',
        url: '/api/approvals/demo-requests',
        headers: { ...staff.auth, 'content-type': 'application/json' },
        payload: demoBody(`chef.${unique()}@entreprise.example`),
      });
      expect(answer.statusCode).toBe(404);
    } finally {
      await production.stop();
    }
  });

  it('when someone who is not staff submits one (a self-registered candidate), then 403', async () => {
    const candidate = await loggedInApplicant(world);
    const answer = await world.api('POST', '/api/approvals/demo-requests', demoBody(`cible.${unique()}@ailleurs.example`), candidate.auth);
    expect(answer.status).toBe(403);
  });

  it('when a plan asks for reminders more often than DECISION_REMINDER_MIN_INTERVAL, then 400 with the field named', async () => {
    const answer = await world.api(
      'POST',
      '/api/approvals/demo-requests',
      demoBody(`chef.${unique()}@entreprise.example`, { deadline: 'PT2H', remindAfter: 'PT1S', remindEvery: 'PT1S' }),
      staff.auth,
    );
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.fields)).toEqual(['steps.0.plan.remindAfter', 'steps.0.plan.remindEvery']);
  });

  it('when one member of staff submits more requests than MAIL_LIMIT_PER_USER, then 429', async () => {
    const agent = await createStaff(world, [], 'Agent pressé');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await world.api('POST', '/api/approvals/demo-requests', demoBody(`chef.${unique()}@entreprise.example`), agent.auth)).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });
});

describe('mails to an address somebody typed', () => {
  /** Each path, sent four times at one recipient (MAIL_LIMIT_PER_RECIPIENT = 3): the fourth is refused. */
  const paths: [string, (recipient: string, i: number) => Promise<{ status: number }>][] = [
    ['account creation', (to) => world.api('POST', '/api/candidates', newCandidate({ email: to }), from(clientIp()))],
    ['« Renvoyer le lien »', (to) => world.api('POST', '/api/candidates/validation-link', { email: to }, from(clientIp()))],
    [
      '« J’ai oublié mes identifiants »',
      (to) => world.api('POST', '/api/candidates/forgotten-credentials', { email: to }, from(clientIp())),
    ],
    [
      'graduate registration',
      (to) =>
        world.api(
          'POST',
          '/api/graduates',
          graduateForm({ email: to, lastName: 'Rossi', firstNames: 'Léo', birthDate: freshBirthDate() }),
          from(clientIp()),
        ),
    ],
    ['graduate link', (to) => world.api('POST', '/api/graduates/registration/resend-link', { email: to }, from(clientIp()))],
    ['recruiter link', (to) => world.api('POST', '/api/recruiters/registration/resend-link', { email: to }, from(clientIp()))],
    ['demonstration approver', (to) => world.api('POST', '/api/approvals/demo-requests', demoBody(to), staff.auth)],
  ];

  for (const [path, send] of paths) {
    it(`when ${path} is asked four times for one address, then the fourth is 429 whether or not the address is known`, async () => {
      const recipient = `destinataire.${unique()}@example.org`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await send(recipient, i)).status);
      expect(statuses.slice(0, 3).every((s) => s < 300 || s === 409)).toBe(true);
      expect(statuses[3]).toBe(429);
    });
  }

  it('when offers name the same contact address again and again, then the fourth is 429', async () => {
    const contactEmail = `contact.${unique()}@entreprise.example`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const author = await activeGraduate(world);
      statuses.push((await world.api('POST', '/api/offers', offerForm({ contactEmail }), author.auth)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('when training requests name the same supérieur hiérarchique again and again, then the fourth sending is 429', async () => {
    const supervisor = `superieur.${unique()}@entreprise.example`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const applicant = await loggedInApplicant(world);
      const { sessionId } = await createActionWithSession(world);
      const draft = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, applicant.auth);
      await fillSteps(world, applicant.auth, draft.body.id, supervisor);
      statuses.push((await world.api('POST', `/api/pre-registrations/${draft.body.id}/submission`, undefined, applicant.auth)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('per-IP limit on mails', () => {
  let limited: World;
  beforeAll(async () => {
    limited = await startWorld({ ...securityEnv, RATE_LIMIT_MAIL_PER_IP: '5' });
  });
  afterAll(() => limited?.stop());

  it('when one address asks for more mails than RATE_LIMIT_MAIL_PER_IP in a window, whatever the recipients, then 429', async () => {
    const ip = clientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await limited.api('POST', '/api/candidates/forgotten-credentials', { email: `x${i}.${unique()}@example.org` }, from(ip))).status,
      );
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
  });
});
