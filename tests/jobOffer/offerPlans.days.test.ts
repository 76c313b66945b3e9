import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobOfferWorkflowId } from '../../workflows/jobOffer/contract.js';
import { createStaff, type TestStaff, waitUntil } from '../support/approvals.js';
import { replayFinished } from '../support/histories.js';
import { activeGraduate, entStudent, moderate, offerStatus, postOffer, waitForStatus } from '../support/offers.js';
import { type DaysWorld, startTimeSkippingWorld } from '../support/timeSkipping.js';

/**
 * The configured plans of seed 002 (defaults: moderation P14D with reminders every P2D, changes
 * P30D, publication P30D from the first publication), with the real activities, PostgreSQL and
 * SMTP, on the time-skipping test server.
 */
let world: DaysWorld;
let webmaster: TestStaff;
beforeAll(async () => {
  world = await startTimeSkippingWorld();
  webmaster = await createStaff(world, [{ role: 'webmaster' }], 'Wendy Webmaster');
});
afterAll(() => world?.stop());

const authorMail = (email: string, subject: RegExp) => world.mailbox.waitFor(email, { subject });

describe('seed 002 on the calendar', () => {
  it('when no webmaster moderates an offer, then they are reminded every 2 days and after 14 days it expires and the author is told', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    const reminder = new RegExp(`^Rappel : décision attendue : Offre « ${offer.title} »`);
    await world.mailbox.waitFor(webmaster.email, { subject: new RegExp(`^Décision attendue : Offre « ${offer.title} »`) });

    await world.skip('P13D');
    await waitUntil(async () => world.mailbox.to(webmaster.email).filter((m) => reminder.test(m.subject)).length === 6);
    expect(await offerStatus(world, offer.id)).toBe('pending_review');
    await world.skip('P1D');
    expect((await authorMail(author.email, /Offre expirée/)).text).toContain('Aucune décision du webmaster dans le délai.');
    expect(await offerStatus(world, offer.id)).toBe('expired');
    await replayFinished(world, jobOfferWorkflowId(offer.id), 'jobOffer-unmoderated-expired');
  });

  it('when an offer is published on the 10th day, then it stays visible for the 30 days of its publication, counted from then', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await world.skip('P10D');
    await moderate(world, webmaster, offer.title, { outcome: 'approve' });
    await waitForStatus(world, offer.id, 'published');
    const publishedAt = await world.now();
    const { expires_at: expiresAt } = await world.db('job_offers').where({ id: offer.id }).first('expires_at');
    expect(Math.abs(expiresAt.getTime() - (publishedAt + 30 * 86_400_000))).toBeLessThan(60_000);

    await world.skip('P29D');
    expect(await offerStatus(world, offer.id)).toBe('published');
    const member = await entStudent(world);
    expect((await world.api('GET', `/api/offers/${offer.id}`, undefined, member.auth)).status).toBe(200);
    await world.skip('P1D');
    await authorMail(author.email, /Offre expirée/);
    expect(await offerStatus(world, offer.id)).toBe('expired');
  });

  it('when the author does not resubmit an offer sent back « à modifier » within 30 days, then it expires', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await moderate(world, webmaster, offer.title, { outcome: 'request_changes', comment: 'Précisez la durée.' });
    await waitForStatus(world, offer.id, 'changes_requested');
    await world.skip('P29D');
    expect(await offerStatus(world, offer.id)).toBe('changes_requested');
    await world.skip('P1D');
    expect((await authorMail(author.email, /Offre expirée/)).text).toContain('L’offre n’a pas été modifiée dans le délai demandé.');
    expect(await offerStatus(world, offer.id)).toBe('expired');
    await replayFinished(world, jobOfferWorkflowId(offer.id), 'jobOffer-changes-lapsed');
  });
});
