import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentCardWorkflowId } from '../../workflows/studentCard/contract.js';
import { createStaff, type TestStaff, waitUntil } from '../support/approvals.js';
import { replayFinished } from '../support/histories.js';
import { type CardWorld, startCardWorld, studentSession, students, uploadPhoto } from './cardWorld.js';
import * as photos from './photoFixtures.js';

let w: CardWorld;
let office: TestStaff;
beforeAll(async () => {
  // Seconds instead of days and weeks: the same timers, as data.
  w = await startCardWorld({
    STUDENT_CARD_PHOTO_REMINDER: 'PT2S',
    STUDENT_CARD_REQUEST_EXPIRY: 'PT6S',
    STUDENT_CARD_COLLECTION_REMINDER: 'PT2S',
  });
  office = await createStaff(w.world, [{ role: 'service_carte' }]);
});
afterAll(async () => {
  await w?.stop();
});

const cardOf = async (email: string) =>
  w.world
    .db('student_cards as c')
    .join('ent_accounts as a', 'a.id', 'c.ent_account_id')
    .where('a.email', email)
    .orderBy('c.created_at', 'desc')
    .first('c.*');
const pendingPhoto = (photoId: string) =>
  waitUntil(async () =>
    ((await w.world.api('GET', '/api/card-office/photos', undefined, office.auth)).body as { id: string }[]).some((q) => q.id === photoId),
  );

describe('the student card’s timers (seconds-scale plans on the real dev server)', () => {
  it('when a refused student sends no new photo, then they are reminded, and the request is cancelled at its expiry; a new upload starts a new request', async () => {
    const hugo = students.hugo;
    const { auth } = await studentSession(w, hugo);
    const upload = await uploadPhoto(w.world, auth, await photos.portraitJpeg());
    await pendingPhoto(upload.body.photoId);
    await w.world.api(
      'POST',
      '/api/card-office/photos/decisions',
      { items: [{ photoId: upload.body.photoId, outcome: 'refuse', reason: 'face_not_visible' }] },
      office.auth,
    );
    await w.world.mailbox.waitFor(hugo.email, { subject: /photo est refusée/ });
    await w.world.mailbox.waitFor(hugo.email, { subject: /votre photo est attendue/, timeoutMs: 15_000 });
    await w.world.mailbox.waitFor(hugo.email, { subject: /demande annulée/, timeoutMs: 15_000 });
    const cancelled = await waitUntil(async () => (await cardOf(hugo.email))?.status === 'cancelled' && (await cardOf(hugo.email)));
    await replayFinished(w.world, studentCardWorkflowId(cancelled.id), 'studentCard-cancelled');
    const again = await uploadPhoto(w.world, auth, await photos.portraitJpeg());
    expect(again.status).toBe(201);
    expect(again.body.cardId).not.toBe(cancelled.id);
  });

  it('when a ready card is not collected, then the student is reminded twice', async () => {
    const ines = students.ines;
    const { auth } = await studentSession(w, ines);
    const upload = await uploadPhoto(w.world, auth, await photos.portraitJpeg());
    await pendingPhoto(upload.body.photoId);
    await w.world.api(
      'POST',
      '/api/card-office/photos/decisions',
      { items: [{ photoId: upload.body.photoId, outcome: 'approve' }] },
      office.auth,
    );
    await waitUntil(async () => (await cardOf(ines.email))?.status === 'request_checked');
    const { id } = await cardOf(ines.email);
    for (const to of ['in_print', 'printed', 'encoded', 'ready'])
      expect((await w.world.api('POST', `/api/card-office/cards/${id}/steps`, { to }, office.auth)).status).toBe(200);
    await w.world.mailbox.waitFor(ines.email, { subject: /à retirer/, count: 2, timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 3000));
    expect(w.world.mailbox.to(ines.email).filter((m) => /à retirer/.test(m.subject))).toHaveLength(2);
    expect((await w.world.api('POST', `/api/card-office/cards/${id}/steps`, { to: 'enabled' }, office.auth)).status).toBe(200);
  });
});
