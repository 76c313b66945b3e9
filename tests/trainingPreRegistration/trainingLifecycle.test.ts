import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preRegistrationStateQuery, trainingPreRegistrationWorkflowId } from '../../workflows/trainingPreRegistration/contract.js';
import { createStaff, decideByLink, decisionLinkIn, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { replayFinished } from '../support/histories.js';
import { actionWithManager, managerTasks, statusOf, submittedPreRegistration } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let browser: Browser;
const SOON = 3; // days until the sessions most tests use

beforeAll(async () => {
  // The decision is communicated `TRAINING_DECISION_NOTICE` before the session; here that instant
  // falls a few seconds after start for sessions SOON days ahead, and weeks ahead for later ones.
  const startsOn = Date.parse(new Date(Date.now() + SOON * 86_400_000).toISOString().slice(0, 10));
  const noticeMs = startsOn - Date.now() - 2000;
  world = await startWorld({ TRAINING_DECISION_NOTICE: `PT${Math.floor(noticeMs / 1000)}S` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

const supervisorMail = (email: string, count = 1) => world.mailbox.waitFor(email, { subject: /Décision attendue/, count });
const applicantMail = (email: string, subject: RegExp) => world.mailbox.waitFor(email, { subject, timeoutMs: 30_000 });

describe('continuing-education pre-registration (seed 004)', () => {
  it('when the supervisor accepts in the browser and the chargé de projet validates, then the decision is communicated and « Mes candidatures » shows who decided', async () => {
    const { sessionId, manager } = await actionWithManager(world, { startsInDays: SOON });
    const request = await submittedPreRegistration(world, sessionId);
    await applicantMail(request.applicant.email, /Pré-inscription enregistrée/);
    expect(await statusOf(world, request.id)).toBe('awaiting_supervisor');

    const page = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'fr-FR' });
    await page.goto(decisionLinkIn(await supervisorMail(request.supervisorEmail)));
    expect(await page.textContent('main')).toContain('Pré-inscription de Sami Kheloufi');
    await page.getByRole('button', { name: 'Approuver' }).click();
    await page.waitForSelector('text=/approuvée/');
    await page.close();

    await waitUntil(async () => (await statusOf(world, request.id)) === 'awaiting_project_manager');
    const mine = await world.api('GET', '/api/me/pre-registrations', undefined, request.applicant.auth);
    expect(mine.body.items[0]).toMatchObject({ id: request.id, status: 'awaiting_project_manager' });

    const [task] = await managerTasks(world, manager.auth, 1);
    const decided = await world.api(
      'POST',
      `/api/approvals/inbox/${task!.taskId}/decision`,
      { outcome: 'approve', comment: 'Bon profil' },
      manager.auth,
    );
    expect(decided.status).toBe(200);
    await applicantMail(request.applicant.email, /Votre candidature est validée/);
    expect(await statusOf(world, request.id)).toBe('accepted');

    // The mail leaves just before the step's projection row is written.
    const history = await waitUntil(async () => {
      const answer = await world.api('GET', `/api/pre-registrations/${request.id}/history`, undefined, request.applicant.auth);
      return answer.body.events?.length >= 4 && answer;
    });
    const steps = history.body.events.map((e: { status: string }) => e.status);
    expect(steps).toEqual(['awaiting_supervisor', 'awaiting_project_manager', 'accepted', 'accepted_communicated']);
    expect(history.body.events[1].details.decidedBy).toBe(request.supervisorEmail);
    expect(history.body.events[2].details.decidedBy).toBe(manager.name);

    const list = await world.api('GET', `/api/training/sessions/${sessionId}/pre-registrations?status=accepted`, undefined, manager.auth);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([request.id]);
  });

  it('when the supervisor refuses, then the process ends, the applicant is told why, and the chargé de projet is never asked', async () => {
    const { sessionId, manager } = await actionWithManager(world, { startsInDays: SOON });
    const request = await submittedPreRegistration(world, sessionId);
    const refused = await decideByLink(world, decisionLinkIn(await supervisorMail(request.supervisorEmail)), {
      outcome: 'refuse',
      reason: 'Période de forte activité',
    });
    expect(refused.status).toBe(200);
    const mail = await applicantMail(request.applicant.email, /refusée par votre supérieur/);
    expect(mail.text).toContain('Période de forte activité');
    expect(await statusOf(world, request.id)).toBe('refused');
    const inbox = await world.api('GET', '/api/approvals/inbox', undefined, manager.auth);
    expect(inbox.body.total).toBe(0);
    await replayFinished(world, trainingPreRegistrationWorkflowId(request.id), 'trainingPreRegistration-refused-by-supervisor');
  });

  it('when a later session is decided, then the communication waits for its date, and a reschedule re-plans it', async () => {
    const { sessionId, manager, actionId } = await actionWithManager(world, { startsInDays: 40 });
    const request = await submittedPreRegistration(world, sessionId);
    await decideByLink(world, decisionLinkIn(await supervisorMail(request.supervisorEmail)), { outcome: 'approve' });
    const [task] = await managerTasks(world, manager.auth, 1);
    await world.api('POST', `/api/approvals/inbox/${task!.taskId}/decision`, { outcome: 'approve' }, manager.auth);
    await waitUntil(async () => (await statusOf(world, request.id)) === 'accepted');

    const handle = world.temporal.workflow.getHandle(trainingPreRegistrationWorkflowId(request.id));
    const state = await handle.query(preRegistrationStateQuery);
    expect(state).toMatchObject({ phase: 'accepted', decisionCommunicated: false });
    expect(state.communicationAt).toBeGreaterThan(Date.now() + 30 * 86_400_000);
    expect(world.mailbox.to(request.applicant.email).some((m) => /validée/.test(m.subject))).toBe(false);

    const admin = await createStaff(world, [{ role: 'administrateur' }]);
    const sooner = new Date(Date.now() + SOON * 86_400_000).toISOString().slice(0, 10);
    expect((await world.api('PATCH', `/api/training/sessions/${sessionId}`, { startsOn: sooner, endsOn: sooner }, admin.auth)).status).toBe(
      200,
    );
    await applicantMail(request.applicant.email, /Session déplacée/);
    await applicantMail(request.applicant.email, /Votre candidature est validée/);
    expect((await handle.query(preRegistrationStateQuery)).startsOn).toBe(sooner);
    expect(actionId).toBeTruthy();
  });

  it('when a seat frees up, then the first on the waiting list is offered it, confirms through the link, and capacity holds', async () => {
    const { sessionId, manager } = await actionWithManager(world, { capacity: 1, startsInDays: SOON });
    const first = await submittedPreRegistration(world, sessionId);
    const second = await submittedPreRegistration(world, sessionId);
    for (const r of [first, second])
      await decideByLink(world, decisionLinkIn(await supervisorMail(r.supervisorEmail)), { outcome: 'approve' });
    const tasks = await managerTasks(world, manager.auth, 2);
    for (const task of tasks) await world.api('POST', `/api/approvals/inbox/${task.taskId}/decision`, { outcome: 'approve' }, manager.auth);
    await waitUntil(
      async () =>
        (await statusOf(world, first.id)) !== 'awaiting_project_manager' &&
        (await statusOf(world, second.id)) !== 'awaiting_project_manager',
    );
    const statuses = [await statusOf(world, first.id), await statusOf(world, second.id)].sort();
    expect(statuses).toEqual(['accepted', 'waitlisted']);
    const [holder, waiting] = (await statusOf(world, first.id)) === 'accepted' ? [first, second] : [second, first];
    await applicantMail(waiting.applicant.email, /liste d’attente/);

    const withdrawn = await world.api(
      'POST',
      `/api/pre-registrations/${holder.id}/withdrawal`,
      { reason: 'Mutation' },
      holder.applicant.auth,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    await applicantMail(waiting.applicant.email, /Une place s’est libérée pour vous/);
    const offer = await world.mailbox.waitFor(waiting.applicant.email, { subject: /confirmez-vous votre participation/ });
    expect((await decideByLink(world, decisionLinkIn(offer), { outcome: 'approve' })).status).toBe(200);
    await applicantMail(waiting.applicant.email, /participation est confirmée/);
    expect(await statusOf(world, waiting.id)).toBe('accepted');
    const taken = await world.db('pre_registrations').where({ session_id: sessionId }).whereIn('status', ['accepted', 'seat_offered']);
    expect(taken).toHaveLength(1);
  });

  it('when the session is cancelled, then every open request ends, pending decisions are withdrawn and everyone is told', async () => {
    const { sessionId } = await actionWithManager(world, { startsInDays: SOON });
    const request = await submittedPreRegistration(world, sessionId);
    const link = decisionLinkIn(await supervisorMail(request.supervisorEmail));
    const admin = await createStaff(world, [{ role: 'administrateur' }]);
    expect((await world.api('PATCH', `/api/training/sessions/${sessionId}`, { state: 'cancelled' }, admin.auth)).status).toBe(200);
    await applicantMail(request.applicant.email, /Session annulée/);
    await waitUntil(async () => (await statusOf(world, request.id)) === 'cancelled');
    // The supervisor's link now says the request was withdrawn, and offers no decision.
    const page = await (await fetch(link)).text();
    expect(page).toContain('retirée');
    expect(page).not.toContain('name="outcome"');
  });

  it.each(['draft', 'awaiting_supervisor', 'awaiting_project_manager', 'accepted'])(
    'when the applicant withdraws at step %s, then the request closes and pending approvers are told',
    async (step) => {
      const { sessionId, manager } = await actionWithManager(world, { startsInDays: SOON });
      let id: string;
      let auth: Record<string, string>;
      if (step === 'draft') {
        const { loggedInApplicant } = await import('../support/training.js');
        const applicant = await loggedInApplicant(world);
        auth = applicant.auth;
        id = (await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, auth)).body.id;
      } else {
        const request = await submittedPreRegistration(world, sessionId);
        ({ id } = request);
        auth = request.applicant.auth;
        const supervisorLink = decisionLinkIn(await supervisorMail(request.supervisorEmail));
        if (step !== 'awaiting_supervisor') {
          await decideByLink(world, supervisorLink, { outcome: 'approve' });
          const [task] = await managerTasks(world, manager.auth, 1);
          if (step === 'accepted')
            await world.api('POST', `/api/approvals/inbox/${task!.taskId}/decision`, { outcome: 'approve' }, manager.auth);
        }
        await waitUntil(async () => (await statusOf(world, id)) === step);
      }
      const withdrawn = await world.api('POST', `/api/pre-registrations/${id}/withdrawal`, {}, auth);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      if (step === 'awaiting_project_manager') {
        const inbox = await world.api('GET', '/api/approvals/inbox', undefined, manager.auth);
        expect(inbox.body.total).toBe(0);
      }
      expect((await world.api('POST', `/api/pre-registrations/${id}/withdrawal`, {}, auth)).status).toBe(409);
    },
  );

  it('when many validations race for few seats, then capacity is never exceeded and the wait-list keeps decision order (3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const { sessionId, manager } = await actionWithManager(world, { capacity: 2, startsInDays: SOON });
      const requests = await Promise.all(Array.from({ length: 6 }, () => submittedPreRegistration(world, sessionId)));
      await Promise.all(
        requests.map(async (r) => decideByLink(world, decisionLinkIn(await supervisorMail(r.supervisorEmail)), { outcome: 'approve' })),
      );
      const tasks = await managerTasks(world, manager.auth, requests.length);
      const answers = await Promise.all(
        tasks.map((t) => world.api('POST', `/api/approvals/inbox/${t.taskId}/decision`, { outcome: 'approve' }, manager.auth)),
      );
      expect(answers.map((a) => a.status)).toEqual(tasks.map(() => 200));
      await waitUntil(async () => {
        const rows = await world.db('pre_registrations').where({ session_id: sessionId }).whereIn('status', ['accepted', 'waitlisted']);
        return rows.length === requests.length;
      });
      const rows = await world.db('pre_registrations').where({ session_id: sessionId }).orderBy('waitlisted_at');
      expect(rows.filter((r) => r.status === 'accepted')).toHaveLength(2);
      const waitlisted = rows.filter((r) => r.status === 'waitlisted');
      expect(waitlisted).toHaveLength(4);
      const times = waitlisted.map((r) => r.waitlisted_at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});
