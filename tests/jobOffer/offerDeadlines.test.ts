import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type TestStaff, waitUntil } from '../support/approvals.js';
import { activeGraduate, moderate, postOffer, waitForStatus } from '../support/offers.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let webmaster: TestStaff;

beforeAll(async () => {
  // Every wait of the offer's lifecycle has an outcome: short windows let the test see them.
  world = await startWorld({ OFFER_MODERATION_DEADLINE: 'PT6S', OFFER_CHANGES_WINDOW: 'PT3S' });
  webmaster = await createStaff(world, [{ role: 'webmaster' }]);
});
afterAll(async () => {
  await world?.stop();
});

const statusesOf = (auth: Record<string, string>, id: string, count: number) =>
  waitUntil(async () => {
    const answer = await world.api('GET', `/api/me/offers/${id}`, undefined, auth);
    return answer.body.history?.length >= count && answer.body.history.map((e: { status: string }) => e.status);
  });

describe('offer deadlines', () => {
  it('when no webmaster decides in time, then the offer expires and the author is told why', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await waitForStatus(world, offer.id, 'expired', 20_000);
    const mail = await world.mailbox.waitFor(author.email, { subject: /Offre expirée/ });
    expect(mail.text).toContain('Aucune décision du webmaster dans le délai.');
    expect(await statusesOf(author.auth, offer.id, 2)).toEqual(['pending_review', 'expired']);
  });

  it('when the author does not resubmit an offer « à modifier » in time, then it expires', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await moderate(world, webmaster, offer.title, { outcome: 'request_changes', comment: 'Ajoutez le salaire.' });
    await waitForStatus(world, offer.id, 'expired', 20_000);
    expect((await world.mailbox.waitFor(author.email, { subject: /Offre expirée/ })).text).toContain('pas été modifiée dans le délai');
    expect(await statusesOf(author.auth, offer.id, 3)).toEqual(['pending_review', 'changes_requested', 'expired']);
    expect(
      (
        await world.api(
          'PUT',
          `/api/me/offers/${offer.id}`,
          { ...offer, description: 'Une description assez longue pour être acceptée.' },
          author.auth,
        )
      ).status,
    ).toBe(409);
  });
});
