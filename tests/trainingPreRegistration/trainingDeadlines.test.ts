import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, decideByLink, decisionLinkIn, waitUntil } from '../support/approvals.js';
import { actionWithManager, managerTasks, statusOf, submittedPreRegistration } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

/** Plans are data: seconds here, days in production. */
const shortPlans = {
  TRAINING_SUPERVISOR_DEADLINE: 'PT5S',
  TRAINING_REMIND_AFTER: 'PT2S',
  TRAINING_REMIND_EVERY: 'PT10S',
  TRAINING_SEAT_OFFER_WINDOW: 'PT4S',
};

describe('when the supervisor does not answer (hand over to the chargé de projet)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ ...shortPlans, TRAINING_SUPERVISOR_ON_DEADLINE: 'hand_over' });
  });
  afterAll(() => world?.stop());

  it('then the supervisor is reminded, and at the deadline the chargé de projet receives the request', async () => {
    const { sessionId, manager } = await actionWithManager(world);
    const request = await submittedPreRegistration(world, sessionId);
    await world.mailbox.waitFor(request.supervisorEmail, { subject: /Rappel : décision attendue/, timeoutMs: 15_000 });
    const [task] = await managerTasks(world, manager.auth, 1);
    expect(task!.title).toContain('Candidature de Sami Kheloufi');
    expect(await statusOf(world, request.id)).toBe('awaiting_project_manager');
  });

  it('then a seat offer left unanswered goes to the next person on the list, in order', async () => {
    const { sessionId, manager } = await actionWithManager(world, { capacity: 1 });
    const holder = await submittedPreRegistration(world, sessionId);
    const second = await submittedPreRegistration(world, sessionId);
    const third = await submittedPreRegistration(world, sessionId);
    for (const r of [holder, second, third]) {
      await decideByLink(world, decisionLinkIn(await world.mailbox.waitFor(r.supervisorEmail, { subject: /Décision attendue/ })), {
        outcome: 'approve',
      });
      await waitUntil(async () => (await statusOf(world, r.id)) === 'awaiting_project_manager');
      const tasks = await managerTasks(world, manager.auth, 1);
      await world.api(
        'POST',
        `/api/approvals/inbox/${tasks[0]!.taskId}/decision`,
        { outcome: r === holder ? 'approve' : 'wait_list' },
        manager.auth,
      );
      await waitUntil(async () => (await statusOf(world, r.id)) !== 'awaiting_project_manager');
    }
    expect([await statusOf(world, holder.id), await statusOf(world, second.id), await statusOf(world, third.id)]).toEqual([
      'accepted',
      'waitlisted',
      'waitlisted',
    ]);

    await world.api('POST', `/api/pre-registrations/${holder.id}/withdrawal`, {}, holder.applicant.auth);
    await world.mailbox.waitFor(second.applicant.email, { subject: /Une place s’est libérée/ });
    expect(await statusOf(world, third.id)).toBe('waitlisted');
    await world.mailbox.waitFor(second.applicant.email, { subject: /Place non confirmée/, timeoutMs: 20_000 });
    await world.mailbox.waitFor(third.applicant.email, { subject: /Une place s’est libérée/, timeoutMs: 20_000 });
    expect(await statusOf(world, second.id)).toBe('withdrawn');
    expect(await statusOf(world, third.id)).toBe('seat_offered');
  });

  it('then raising the capacity offers the new seat to the first on the list', async () => {
    const { sessionId, manager, actionId } = await actionWithManager(world, { capacity: 0 });
    const waiting = await submittedPreRegistration(world, sessionId);
    await decideByLink(world, decisionLinkIn(await world.mailbox.waitFor(waiting.supervisorEmail, { subject: /Décision attendue/ })), {
      outcome: 'approve',
    });
    const [task] = await managerTasks(world, manager.auth, 1);
    await world.api('POST', `/api/approvals/inbox/${task!.taskId}/decision`, { outcome: 'approve' }, manager.auth);
    await waitUntil(async () => (await statusOf(world, waiting.id)) === 'waitlisted');

    const { code } = await world.db('training_actions').where({ id: actionId }).first('code');
    const owner = await createStaff(world, [{ role: 'charge_de_projet', scope: code }]);
    expect((await world.api('PATCH', `/api/training/sessions/${sessionId}`, { capacity: 1 }, owner.auth)).status).toBe(200);
    const offer = await world.mailbox.waitFor(waiting.applicant.email, { subject: /confirmez-vous votre participation/ });
    expect((await decideByLink(world, decisionLinkIn(offer), { outcome: 'approve' })).status).toBe(200);
    await waitUntil(async () => (await statusOf(world, waiting.id)) === 'accepted');
  });
});

describe('when the supervisor does not answer (configured to refuse)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ ...shortPlans, TRAINING_SUPERVISOR_ON_DEADLINE: 'refuse' });
  });
  afterAll(() => world?.stop());

  it('then the request is refused at the deadline and the applicant told', async () => {
    const { sessionId, manager } = await actionWithManager(world);
    const request = await submittedPreRegistration(world, sessionId);
    await world.mailbox.waitFor(request.applicant.email, { subject: /refusée par votre supérieur/, timeoutMs: 20_000 });
    expect(await statusOf(world, request.id)).toBe('refused');
    expect((await world.api('GET', '/api/approvals/inbox', undefined, manager.auth)).body.total).toBe(0);
  });
});
