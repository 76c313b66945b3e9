import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { verify } from '../../lib/webhooks/signature.js';
import { studentCardWorkflowId } from '../../workflows/studentCard/contract.js';
import { createStaff, type TestStaff, waitUntil } from '../support/approvals.js';
import { replayFinished } from '../support/histories.js';
import { type CardWorld, startCardWorld, studentSession, students, uploadPhoto } from './cardWorld.js';
import * as photos from './photoFixtures.js';

let w: CardWorld;
let office: TestStaff;
beforeAll(async () => {
  w = await startCardWorld();
  office = await createStaff(w.world, [{ role: 'service_carte' }], 'Agnès Lefèvre');
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
const statusIs = (email: string, status: string) =>
  waitUntil(async () => (await cardOf(email))?.status === status && (await cardOf(email)));
const queue = async () =>
  (await w.world.api('GET', '/api/card-office/photos', undefined, office.auth)).body as { id: string; student_number: string }[];
const decide = (items: unknown[]) => w.world.api('POST', '/api/card-office/photos/decisions', { items }, office.auth);
const step = (cardId: string, to: string) => w.world.api('POST', `/api/card-office/cards/${cardId}/steps`, { to }, office.auth);

describe('the student card through the API (real Temporal, PostgreSQL, SMTP, CAS, access-control receiver)', () => {
  it('when a student uploads, is refused with a reason, uploads again and is accepted, then the card goes through print to « active », every step mailed', async () => {
    const ines = students.ines;
    const { auth } = await studentSession(w, ines);

    // Checked by content: a PDF named .jpg and a 40 MB file are refused with a message.
    const pdf = await uploadPhoto(w.world, auth, photos.pdfNamedJpg(), 'photo.jpg');
    expect(pdf.status).toBe(400);
    expect(pdf.body.fields.photo).toContain('n’est pas une photo JPEG ou PNG');
    const huge = await uploadPhoto(w.world, auth, photos.fortyMegabytes());
    expect(huge.status).toBe(413);
    expect(huge.body.fields.photo).toContain('10 Mo');
    expect(await cardOf(ines.email)).toBeUndefined();

    // The first photo creates the request; a second one withdraws the first (one pending at a time).
    const first = await uploadPhoto(w.world, auth, await photos.portraitJpeg());
    expect(first.status).toBe(201);
    await statusIs(ines.email, 'photo_pending');
    await waitUntil(async () => (await queue()).some((q) => q.id === first.body.photoId));
    const second = await uploadPhoto(w.world, auth, await photos.portraitPng(), 'photo.png', 'image/png');
    expect(second.status).toBe(201);
    await waitUntil(async () => {
      const q = await queue();
      return q.length === 1 && q[0]!.id === second.body.photoId;
    });
    expect(await w.world.db('card_photos').where({ id: first.body.photoId }).first('status', 'jpeg')).toEqual({
      status: 'withdrawn',
      jpeg: null,
    });

    // Refused with a reason from the list and a comment: mailed; the refusal counts.
    const refusal = await decide([
      { photoId: second.body.photoId, outcome: 'refuse', reason: 'background_not_plain', comment: 'Fond à carreaux' },
    ]);
    expect(refusal.body).toEqual([{ photoId: second.body.photoId, status: 200 }]);
    const refusedMail = await w.world.mailbox.waitFor(ines.email, { subject: /photo est refusée/ });
    expect(refusedMail.text).toContain('Motif : Fond non uni');
    expect(refusedMail.text).toContain('Fond à carreaux');
    const refused = await statusIs(ines.email, 'photo_refused');
    expect(refused.rejections).toBe(1);
    // A refusal without a reason is a 400 with the field's message.
    expect((await decide([{ photoId: second.body.photoId, outcome: 'refuse' }])).status).toBe(400);

    // The refused photo's bytes are deleted after its keeping time (PT3S here).
    await waitUntil(async () => (await w.world.db('card_photos').where({ id: second.body.photoId }).first('jpeg')).jpeg === null);

    const third = await uploadPhoto(w.world, auth, await photos.rotatedPhoneJpegWithGps());
    expect(third.status).toBe(201);
    await waitUntil(async () => (await queue()).some((q) => q.id === third.body.photoId));
    expect((await decide([{ photoId: third.body.photoId, outcome: 'approve' }])).body[0].status).toBe(200);
    await w.world.mailbox.waitFor(ines.email, { subject: /photo est acceptée/ });
    const checked = await statusIs(ines.email, 'request_checked');
    expect(checked.photo_id).toBe(third.body.photoId);

    // Production: print run (CSV + ZIP), then each step in order; a step out of order is refused.
    expect((await step(checked.id, 'encoded')).status).toBe(409);
    expect((await w.world.api('POST', '/api/card-office/print-runs', undefined, office.auth)).body).toEqual({ count: 1 });
    await statusIs(ines.email, 'in_print');
    const csv = await w.world.api('GET', '/api/card-office/print-list.csv', undefined, office.auth);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain(`"${checked.id}";"${ines.number}";"Moreau";"Inès"`);
    const zip = await fetch(`${w.world.baseUrl}/api/card-office/print-photos.zip`, { headers: office.auth });
    const zipBytes = Buffer.from(await zip.arrayBuffer());
    expect(zipBytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(zipBytes.includes(Buffer.from(`${ines.number}.jpg`))).toBe(true);
    void yazl;

    for (const to of ['printed', 'encoded', 'ready', 'enabled']) expect((await step(checked.id, to)).status, to).toBe(200);
    await w.world.mailbox.waitFor(ines.email, { subject: /disponible/ });
    await w.world.mailbox.waitFor(ines.email, { subject: /active/ });
    const enabled = await statusIs(ines.email, 'enabled');
    expect(enabled.valid_until).not.toBeNull();

    // « Badge et accès »: state and history with dates.
    const mine = await w.world.api('GET', '/api/student-card', undefined, auth);
    expect(mine.body.card).toMatchObject({ status: 'enabled', rejections: 1 });
    expect(mine.body.history.map((h: { status: string }) => h.status)).toEqual(
      expect.arrayContaining(['photo_pending', 'photo_refused', 'request_checked', 'in_print', 'printed', 'encoded', 'ready', 'enabled']),
    );
  });

  it('when a student declares the card lost, then it is disabled at once and the access-control system gets one signed notification, retried until acknowledged; a second opposition is already in effect; found again, the office reactivates it; stolen, a replacement reuses the photo', async () => {
    const ines = students.ines;
    const { auth } = await studentSession(w, ines);
    const card = await cardOf(ines.email);
    expect(card.status).toBe('enabled');

    // The receiver is down for two attempts: the activity retries until it acknowledges.
    w.receiver.failNext(2);
    const lost = await w.world.api('POST', '/api/student-card/opposition', { motive: 'lost' }, auth);
    expect(lost.status).toBe(200);
    expect(lost.body.phase).toBe('disabled');
    // At once: the database says so before any notification is acknowledged.
    expect(await w.world.db('student_cards').where({ id: card.id }).first('status', 'disabled_motive')).toEqual({
      status: 'disabled',
      disabled_motive: 'lost',
    });

    const again = await w.world.api('POST', '/api/student-card/opposition', { motive: 'theft' }, auth);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/déjà en vigueur depuis le/);

    const [event] = await waitUntil(async () => w.receiver.events().length === 1 && w.receiver.events(), 30_000);
    expect(event!.body).toMatchObject({ type: 'card.disabled', motive: 'lost', card: { id: card.id, studentNumber: ines.number } });
    const outbox = await waitUntil(async () => {
      const row = await w.world.db('access_control_events').where({ card_id: card.id }).first();
      return row?.acknowledged_at && row;
    });
    expect(outbox.attempts).toBe(3);
    expect(event!.deliveries).toBe(1);
    expect(w.receiver.rejected()).toEqual([]);
    await w.world.mailbox.waitFor(ines.email, { subject: /opposition enregistrée/ });

    // Only the card office reactivates a card found again (the student cannot; nor can other staff).
    const other = await createStaff(w.world, [{ role: 'webmaster' }]);
    expect((await w.world.api('POST', `/api/card-office/cards/${card.id}/reactivation`, undefined, other.auth)).status).toBe(403);
    expect((await w.world.api('POST', `/api/card-office/cards/${card.id}/reactivation`, undefined, auth)).status).toBe(403);
    expect((await w.world.api('POST', `/api/card-office/cards/${card.id}/reactivation`, undefined, office.auth)).status).toBe(200);
    await statusIs(ines.email, 'enabled');
    await waitUntil(async () => w.receiver.events().some((e) => e.body.type === 'card.enabled'));

    // Stolen: a replacement is ordered; the accepted photo is reused, so the new card goes straight to print.
    expect((await w.world.api('POST', '/api/student-card/opposition', { motive: 'theft' }, auth)).status).toBe(200);
    await waitUntil(async () => w.receiver.events().filter((e) => e.body.type === 'card.disabled').length === 2);
    const replacement = await w.world.api('POST', '/api/student-card/replacement', undefined, auth);
    expect(replacement.status).toBe(200);
    expect(replacement.body.replacementCardId).toBeDefined();
    // The new card is not blocked: there is nothing to replace.
    expect((await w.world.api('POST', '/api/student-card/replacement', undefined, auth)).status).toBe(409);
    const fresh = await statusIs(ines.email, 'request_checked');
    expect(fresh).toMatchObject({ id: replacement.body.replacementCardId, replaces_card_id: card.id, photo_id: card.photo_id });
    expect((await w.world.db('student_cards').where({ id: card.id }).first()).status).toBe('replaced');
    await w.world.mailbox.waitFor(ines.email, { subject: /remplacement commandé/ });

    // Every notification the receiver accepted was signed with the shared secret.
    for (const e of w.receiver.events()) expect(e.deliveries).toBe(1);
    // The whole life of the first card replays against the current code (RECORD_HISTORIES=1 records it).
    await replayFinished(w.world, studentCardWorkflowId(card.id), 'studentCard-replaced');
  });

  it('when someone who is not the card office asks for the queue, then they are refused; a signature is checked over the body and time', async () => {
    const webmaster = await createStaff(w.world, [{ role: 'webmaster' }]);
    expect((await w.world.api('GET', '/api/card-office/photos', undefined, webmaster.auth)).status).toBe(403);
    const { auth } = await studentSession(w, students.hugo);
    expect((await w.world.api('GET', '/api/card-office/photos', undefined, auth)).status).toBe(403);
    expect((await w.world.api('POST', '/api/student-card/opposition', { motive: 'stolen' }, auth)).status).toBe(400);
    expect((await w.world.api('POST', '/api/student-card/opposition', { motive: 'theft' }, auth)).status).toBe(404);

    const { sign } = await import('../../lib/webhooks/signature.js');
    const now = Math.floor(Date.now() / 1000);
    const header = sign('{"id":"x"}', 'secret-a', now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(header, '{"id":"x"}', ['secret-a'], now)).toBe('ok');
    expect(verify(header, '{"id":"y"}', ['secret-a'], now)).toBe('mismatch');
    expect(verify(header, '{"id":"x"}', ['secret-b'], now)).toBe('mismatch');
    expect(verify(header, '{"id":"x"}', ['secret-a'], now + 301)).toBe('stale');
    expect(verify('v1=zz', '{}', ['secret-a'], now)).toBe('malformed');
  });
});
