import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideByLink, decisionLinkIn, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { Journey } from '../support/journey.js';
import { actionWithManager, managerTasks, statusOf, submittedPreRegistration } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

const SOON = 3;
let world: World;
let browser: Browser;
beforeAll(async () => {
  // The decision is communicated a few seconds after start for sessions SOON days ahead.
  const startsOn = Date.parse(new Date(Date.now() + SOON * 86_400_000).toISOString().slice(0, 10));
  world = await startWorld({ TRAINING_DECISION_NOTICE: `PT${Math.floor((startsOn - Date.now() - 2000) / 1000)}S` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('the mails of a training request (seed 004)', () => {
  it('when the supervisor is asked, then the mail and the decision page greet them by the name typed at step 4, not by their address', async () => {
    const { sessionId } = await actionWithManager(world, { startsInDays: 60 });
    const request = await submittedPreRegistration(world, sessionId);
    const mail = await world.mailbox.waitFor(request.supervisorEmail, { subject: /Décision attendue/ });
    expect(mail.text).toContain('Bonjour Paul Bernard,');
    expect(mail.text).not.toContain(`Bonjour ${request.supervisorEmail}`);
    const journey = await Journey.start(browser, 'supervisor-greeting');
    await journey.open(decisionLinkIn(mail));
    expect(await journey.main()).toContain('Bonjour Paul Bernard,');
    await journey.end();
  });

  it('when a seat frees up, then the wait-listed applicant gets an offer (« Une place s’est libérée… ») with « Je confirme » / « Je me désiste », and « Je me désiste » lets the seat go', async () => {
    const { sessionId, manager } = await actionWithManager(world, { capacity: 1, startsInDays: SOON });
    const first = await submittedPreRegistration(world, sessionId);
    const second = await submittedPreRegistration(world, sessionId);
    for (const r of [first, second])
      await decideByLink(world, decisionLinkIn(await world.mailbox.waitFor(r.supervisorEmail, { subject: /Décision attendue/ })), {
        outcome: 'approve',
      });
    for (const task of await managerTasks(world, manager.auth, 2))
      await world.api('POST', `/api/approvals/inbox/${task.taskId}/decision`, { outcome: 'approve' }, manager.auth);
    await waitUntil(
      async () => [await statusOf(world, first.id), await statusOf(world, second.id)].sort().join() === 'accepted,waitlisted',
    );
    const [holder, waiting] = (await statusOf(world, first.id)) === 'accepted' ? [first, second] : [second, first];
    await world.api('POST', `/api/pre-registrations/${holder.id}/withdrawal`, { reason: 'Mutation' }, holder.applicant.auth);

    const offer = await world.mailbox.waitFor(waiting.applicant.email, {
      subject: /confirmez-vous votre participation/,
      timeoutMs: 30_000,
    });
    expect(offer.subject).toBe('Une place s’est libérée : confirmez-vous votre participation ?');
    expect(offer.text).toContain('Bonjour Léa Durand,');
    expect(offer.text).toContain('« Je confirme »');
    expect(offer.text).not.toMatch(/Approuver|Refuser|demande votre décision/);

    const journey = await Journey.start(browser, 'seat-offer');
    await journey.open(decisionLinkIn(offer));
    const page = await journey.main();
    expect(page).toContain('Une place s’est libérée');
    expect(await journey.page.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
    await journey.click('Je me désiste');
    await journey.end();
    await waitUntil(async () => (await statusOf(world, waiting.id)) === 'withdrawn', 30_000);
  }, 120_000);
});

describe('« mes candidatures » before the decision is communicated (seed 004: « environ un mois avant l’action »)', () => {
  it('when the chargé de projet has validated a request whose communication date is weeks away, then the applicant sees « en cours d’analyse » (API, history and page), not « validée » nor who decided', async () => {
    const { sessionId, manager } = await actionWithManager(world, { startsInDays: 60 });
    const request = await submittedPreRegistration(world, sessionId);
    await decideByLink(world, decisionLinkIn(await world.mailbox.waitFor(request.supervisorEmail, { subject: /Décision attendue/ })), {
      outcome: 'approve',
    });
    const [task] = await managerTasks(world, manager.auth, 1);
    await world.api('POST', `/api/approvals/inbox/${task!.taskId}/decision`, { outcome: 'approve' }, manager.auth);
    await waitUntil(async () => (await statusOf(world, request.id)) === 'accepted');

    const mine = await world.api('GET', '/api/me/pre-registrations', undefined, request.applicant.auth);
    expect(mine.body.items[0]).toMatchObject({ id: request.id, status: 'under_review', statusLabel: 'en cours d’analyse' });
    const history = await world.api('GET', `/api/pre-registrations/${request.id}/history`, undefined, request.applicant.auth);
    const last = history.body.events[history.body.events.length - 1];
    expect(last).toMatchObject({ status: 'under_review', details: {} });
    expect(JSON.stringify(history.body)).not.toContain(manager.name);
  }, 120_000);
});
