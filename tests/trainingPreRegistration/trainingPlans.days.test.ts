import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingPreRegistrationWorkflowId } from '../../workflows/trainingPreRegistration/contract.js';
import { decideByLink, decisionLinkIn, type TestStaff, waitUntil } from '../support/approvals.js';
import { replayFinished } from '../support/histories.js';
import { type DaysWorld, startTimeSkippingWorld } from '../support/timeSkipping.js';
import { actionWithManager, managerTasks, statusOf, submittedPreRegistration } from '../support/training.js';

/**
 * The configured plans of seed 004 (defaults: supervisor P14D then handed over, reminders after
 * P3D then every P2D, decision communicated P30D before the session, seat offers P3D), with the
 * real activities, PostgreSQL and SMTP, on the time-skipping test server.
 */
let world: DaysWorld;
beforeAll(async () => {
  world = await startTimeSkippingWorld();
});
afterAll(() => world?.stop());

/** Sessions are dated on the workflows' calendar, which earlier tests of this file moved ahead of the wall clock. */
const inDays = async (days: number) => days + Math.round(((await world.now()) - Date.now()) / 86_400_000);
const mailsTo = (email: string, subject: RegExp) => world.mailbox.to(email).filter((m) => subject.test(m.subject));
const eventsOf = async (id: string) =>
  (await world.db('lifecycle_events').where({ subject_id: id }).orderBy('step')).map((e: { status: string }) => e.status);
const replay = (id: string, outcome: string) =>
  replayFinished(world, trainingPreRegistrationWorkflowId(id), `trainingPreRegistration-${outcome}`);

type Request = Awaited<ReturnType<typeof submittedPreRegistration>>;
/** The supervisor approves by link, then the chargé de projet decides from the inbox. */
async function decided(request: Request, manager: TestStaff, decision: { outcome: string; reason?: string }) {
  const asked = await world.mailbox.waitFor(request.supervisorEmail, { subject: /^Décision attendue/ });
  await decideByLink(world, decisionLinkIn(asked), { outcome: 'approve' });
  await waitUntil(async () => (await statusOf(world, request.id)) === 'awaiting_project_manager');
  const [task] = await managerTasks(world, manager.auth, 1);
  await world.api('POST', `/api/approvals/inbox/${task!.taskId}/decision`, decision, manager.auth);
  await waitUntil(async () => (await statusOf(world, request.id)) !== 'awaiting_project_manager');
}

describe('seed 004 on the calendar: « La décision est communiquée environ un mois avant l’action »', () => {
  it('when the supervisor stays silent for 14 days, then they are reminded every 2 days from the 3rd and the chargé de projet takes over; the validation is mailed a month before the session, and the request completes when it starts', async () => {
    expect(world.config.training.decisionNoticeMs).toBe(30 * 86_400_000);
    const { sessionId, manager } = await actionWithManager(world, { startsInDays: await inDays(60) });
    const request = await submittedPreRegistration(world, sessionId);
    await world.mailbox.waitFor(request.supervisorEmail, { subject: /^Décision attendue/ });

    await world.skip('P13D');
    await waitUntil(async () => mailsTo(request.supervisorEmail, /^Rappel : décision attendue/).length === 6);
    expect(await statusOf(world, request.id)).toBe('awaiting_supervisor');
    await world.skip('P1D');
    const [task] = await managerTasks(world, manager.auth, 1);
    expect(await statusOf(world, request.id)).toBe('awaiting_project_manager');

    await world.api('POST', `/api/approvals/inbox/${task!.taskId}/decision`, { outcome: 'approve' }, manager.auth);
    await waitUntil(async () => (await statusOf(world, request.id)) === 'accepted');
    await world.skip('P14D'); // day 28: the session is 60 days after the request
    expect(mailsTo(request.applicant.email, /Votre candidature est validée/)).toHaveLength(0);
    await world.skip('P3D'); // day 31: less than 30 days before the session
    await world.mailbox.waitFor(request.applicant.email, { subject: /Votre candidature est validée/ });

    await world.skip('P30D'); // day 61: the session has started
    await waitUntil(async () => (await statusOf(world, request.id)) === 'completed');
    expect(await eventsOf(request.id)).toEqual([
      'awaiting_supervisor',
      'awaiting_project_manager',
      'accepted',
      'accepted_communicated',
      'completed',
    ]);
    await replay(request.id, 'handed-over-accepted-completed');
  });

  it('when the chargé de projet refuses, then the refusal and its reason are mailed a month before the session, not at once', async () => {
    const { sessionId, manager } = await actionWithManager(world, { startsInDays: await inDays(45) });
    const request = await submittedPreRegistration(world, sessionId);
    await decided(request, manager, { outcome: 'refuse', reason: 'Public prioritaire : agents de catégorie C.' });
    expect(await statusOf(world, request.id)).toBe('refused');
    expect(mailsTo(request.applicant.email, /n’a pas été retenue/)).toHaveLength(0);

    await world.skip('P16D'); // 29 or 30 days before the session
    const refused = await world.mailbox.waitFor(request.applicant.email, { subject: /n’a pas été retenue/ });
    expect(refused.text).toContain('Public prioritaire : agents de catégorie C.');
    await replay(request.id, 'refused-communicated');
  });

  it('when a request stays on the waiting list, then its place on the list is mailed a month before the session, and it is refused when the session starts', async () => {
    const { sessionId, manager } = await actionWithManager(world, { capacity: 0, startsInDays: await inDays(45) });
    const request = await submittedPreRegistration(world, sessionId);
    await decided(request, manager, { outcome: 'approve' });
    expect(await statusOf(world, request.id)).toBe('waitlisted');

    await world.skip('P16D');
    const onTheList = await world.mailbox.waitFor(request.applicant.email, { subject: /liste d’attente/ });
    expect(onTheList.text).toContain('rang 1');
    await world.skip('P30D');
    const refused = await world.mailbox.waitFor(request.applicant.email, { subject: /n’a pas été retenue/ });
    expect(refused.text).toContain('Aucune place ne s’est libérée avant la session.');
    expect(await statusOf(world, request.id)).toBe('refused');
    await replay(request.id, 'waitlisted-refused-at-session');
  });

  it('when a seat offered to the first on the waiting list is not confirmed within 3 days, then it goes to the next, who confirms it and takes part', async () => {
    const { sessionId, manager } = await actionWithManager(world, { capacity: 1, startsInDays: await inDays(60) });
    const holder = await submittedPreRegistration(world, sessionId);
    const second = await submittedPreRegistration(world, sessionId);
    const third = await submittedPreRegistration(world, sessionId);
    await decided(holder, manager, { outcome: 'approve' });
    await decided(second, manager, { outcome: 'wait_list' });
    await decided(third, manager, { outcome: 'wait_list' });
    expect([await statusOf(world, holder.id), await statusOf(world, second.id), await statusOf(world, third.id)]).toEqual([
      'accepted',
      'waitlisted',
      'waitlisted',
    ]);

    await world.api('POST', `/api/pre-registrations/${holder.id}/withdrawal`, { reason: 'Mutation' }, holder.applicant.auth);
    await replay(holder.id, 'withdrawn-while-accepted');
    await world.mailbox.waitFor(second.applicant.email, { subject: /confirmez-vous votre participation/ });
    await world.skip('P2D');
    expect(await statusOf(world, second.id)).toBe('seat_offered');
    await world.skip('P1D');
    await world.mailbox.waitFor(second.applicant.email, { subject: /Place non confirmée/ });
    expect(await statusOf(world, second.id)).toBe('withdrawn');
    await replay(second.id, 'seat-lapsed');

    const offer = await world.mailbox.waitFor(third.applicant.email, { subject: /confirmez-vous votre participation/ });
    expect((await decideByLink(world, decisionLinkIn(offer), { outcome: 'approve' })).status).toBe(200);
    await world.mailbox.waitFor(third.applicant.email, { subject: /participation est confirmée/ });
    await world.skip('P60D');
    await waitUntil(async () => (await statusOf(world, third.id)) === 'completed');
    expect(mailsTo(third.applicant.email, /Votre candidature est validée|liste d’attente/)).toHaveLength(0);
    await replay(third.id, 'seat-confirmed-completed');
  });
});
