import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type TestStaff, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { Journey } from '../support/journey.js';
import { type CardWorld, startCardWorld, studentSession, students } from './cardWorld.js';
import * as photos from './photoFixtures.js';

let w: CardWorld;
let browser: Browser;
let office: TestStaff;
beforeAll(async () => {
  w = await startCardWorld();
  office = await createStaff(w.world, [{ role: 'service_carte' }], 'Agnès Lefèvre');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await w?.stop();
});

/** A journey already logged in: the student through the test CAS server, the card office through the staff login. */
async function loggedIn(name: string, token: string, width = 375) {
  const journey = await Journey.start(browser, name, { width });
  await journey.page.context().addCookies([{ name: 'session', value: token, url: w.world.baseUrl }]);
  return journey;
}

const photoFile = (buffer: Buffer, name = 'photo.jpg', mimeType = 'image/jpeg') => ({ name, mimeType, buffer });
const cardStatus = async () =>
  (
    await w.world
      .db('student_cards as c')
      .join('ent_accounts as a', 'a.id', 'c.ent_account_id')
      .where('a.email', students.ines.email)
      .orderBy('c.created_at', 'desc')
      .first('c.status')
  )?.status;

describe('the student card in Chromium (375 px, axe on every page)', () => {
  it('when a student uploads from a phone, is refused, uploads again, is accepted, the card is printed and collected, then declared stolen, then a replacement is ordered', async () => {
    const ines = students.ines;
    const { token } = await studentSession(w, ines);

    // The student: « Badge et accès », then the photo tab.
    const student = await loggedIn('student-card-photo', token);
    await student.open(`${w.world.baseUrl}/mon-compte/badge`);
    expect(await student.main()).toContain('déposer votre photo');
    await student.click('Déposer ma photo', 'link');
    expect(await student.page.getByLabel('Photo (JPEG ou PNG)').getAttribute('accept')).toBe('image/jpeg,image/png');
    await student.page.getByLabel('Photo (JPEG ou PNG)').setInputFiles(photoFile(await photos.darkJpeg()));
    await student.click('Déposer ma photo');
    expect(await student.main()).toContain('trop sombre');
    await student.shot('photo-refused-by-checks');
    await student.page.getByLabel('Photo (JPEG ou PNG)').setInputFiles(photoFile(await photos.portraitJpeg()));
    await student.click('Déposer ma photo');
    expect(await student.main()).toContain('le service de la carte va la vérifier');
    await student.shot('photo-uploaded');

    // The card office refuses it, with a reason from the list and a comment.
    const desk = await loggedIn('card-office', office.token, 1024);
    await waitUntil(async () => {
      await desk.open(`${w.world.baseUrl}/service-carte/photos`);
      return (await desk.main()).includes('Moreau');
    });
    await desk.page.getByLabel('Choisir la photo de Inès Moreau').check();
    await desk.page.getByLabel('Refuser').check();
    await desk.page.getByLabel('Motif du refus').selectOption({ label: 'Fond non uni' });
    await desk.page.getByLabel('Commentaire pour l’étudiant (facultatif)').fill('Fond à carreaux');
    await desk.shot('queue');
    await desk.click('Enregistrer la décision');
    expect(await desk.main()).toContain('1 décision(s) enregistrée(s)');
    const refusedMail = await w.world.mailbox.waitFor(ines.email, { subject: /photo est refusée/ });
    expect(refusedMail.text).toContain('Fond non uni');

    // The student reads why and uploads again; the card office accepts.
    await student.open(`${w.world.baseUrl}/mon-compte/photo`);
    expect(await student.main()).toContain('Motif : Fond non uni');
    expect(await student.main()).toContain('Fond à carreaux');
    await student.page.getByLabel('Photo (JPEG ou PNG)').setInputFiles(photoFile(await photos.portraitPng(), 'photo.png', 'image/png'));
    await student.click('Déposer ma photo');
    await waitUntil(async () => {
      await desk.open(`${w.world.baseUrl}/service-carte/photos`);
      return (await desk.main()).includes('Moreau');
    });
    await desk.page.getByLabel('Choisir la photo de Inès Moreau').check();
    await desk.page.getByLabel('Accepter').check();
    await desk.click('Enregistrer la décision');
    await w.world.mailbox.waitFor(ines.email, { subject: /photo est acceptée/ });

    // Production: print run, then each step, until the student collects the card.
    await waitUntil(async () => (await cardStatus()) === 'request_checked');
    await desk.click('Fabrication et remise', 'link');
    await desk.click('Envoyer à l’impression les demandes validées');
    expect(await desk.main()).toContain('1 carte(s) envoyée(s) à l’impression');
    const csv = await desk.page.request.get(`${w.world.baseUrl}/service-carte/impression.csv`);
    expect(await csv.text()).toContain(ines.number);
    const zip = await desk.page.request.get(`${w.world.baseUrl}/service-carte/impression.zip`);
    expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await desk.shot('print-run');
    for (const label of ['Marquer imprimée', 'Marquer encodée', 'Marquer disponible']) await desk.click(`${label} : Inès Moreau`);
    await w.world.mailbox.waitFor(ines.email, { subject: /disponible/ });
    await desk.click('Marquer remise (carte active) : Inès Moreau');
    await waitUntil(async () => (await cardStatus()) === 'enabled');
    await desk.end();

    // « Badge et accès »: active; declared stolen; one signed notification; a replacement.
    await student.open(`${w.world.baseUrl}/mon-compte/badge`);
    expect(await student.main()).toContain('Active');
    await student.shot('badge-active');
    await student.page.getByLabel('Vol').check();
    await student.click('Mettre en opposition');
    expect(await student.main()).toContain('Votre carte est en opposition');
    expect(await student.main()).toContain('En opposition');
    await waitUntil(async () => w.receiver.events().length === 1);
    expect(w.receiver.events()[0]!.body).toMatchObject({ type: 'card.disabled', motive: 'theft' });
    await student.shot('badge-opposed');
    await student.click('Commander une nouvelle carte');
    expect(await student.main()).toContain('Le remplacement de votre carte est commandé');
    await waitUntil(async () => (await cardStatus()) === 'request_checked');
    await student.open(`${w.world.baseUrl}/mon-compte/badge`);
    expect(await student.main()).toContain('Demande validée');
    await student.shot('replacement');
    await student.end();
    expect(w.receiver.events()).toHaveLength(1);
  }, 240_000);
});
