import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type TestStaff, waitUntil } from '../support/approvals.js';
import {
  activeGraduate,
  activeRecruiter,
  apply,
  entStudent,
  moderate,
  pdfBytes,
  postOffer,
  sessionFor,
  waitForStatus,
} from '../support/offers.js';
import { startWorld, type World } from '../support/world.js';

const CV_MAX = 200 * 1024;
let world: World;
let webmaster: TestStaff;
let author: Awaited<ReturnType<typeof activeGraduate>>;

beforeAll(async () => {
  world = await startWorld({ OFFER_CV_MAX_BYTES: String(CV_MAX) });
  webmaster = await createStaff(world, [{ role: 'webmaster' }]);
  author = await activeGraduate(world, 'Hélène');
});
afterAll(async () => {
  await world?.stop();
});

async function publishedOffer(overrides: Record<string, unknown> = {}) {
  const offer = await postOffer(world, author.auth, overrides);
  await moderate(world, webmaster, offer.title, { outcome: 'approve' });
  await waitForStatus(world, offer.id, 'published');
  return offer;
}

const ids = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((i) => i.id).sort();

describe('browsing and applying to offers (seed 002, « Consultation et réponse à des offres »)', () => {
  it('when members browse, then only published offers show; recruiters, candidates and anonymous visitors are refused', async () => {
    const pending = await postOffer(world, author.auth);
    const published = await publishedOffer();
    const student = await entStudent(world);
    const listed = await world.api('GET', '/api/offers?pageSize=50', undefined, student.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(published.id);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(pending.id);
    expect((await world.api('GET', `/api/offers/${pending.id}`, undefined, student.auth)).status).toBe(404);
    expect((await world.api('GET', `/api/offers/${published.id}`, undefined, student.auth)).body).toMatchObject({
      title: published.title,
      kindLabel: 'Emploi',
    });

    const recruiter = await activeRecruiter(world, { canPostOffers: true });
    expect((await world.api('GET', '/api/offers', undefined, recruiter.auth)).status).toBe(403);
    expect((await world.api('GET', '/api/offers', undefined, await sessionFor(world, 'candidate', randomUUID()))).status).toBe(403);
    expect((await world.api('GET', '/api/offers')).status).toBe(401);

    const openapi = await world.api('GET', '/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/offers', '/api/offers/{id}/applications', '/api/me/offers/{id}']),
    );
  });

  it('when a member searches, then kind, location, company, keywords and date filter the published offers, page by page', async () => {
    const company = `Auvergne Numérique ${Date.now().toString(36)}`;
    const a = await publishedOffer({
      company,
      kind: 'stage',
      location: 'Besançon',
      title: 'Stage en analyse de données',
      description: 'Vous analyserez les données des capteurs des éoliennes avec Python.',
    });
    const b = await publishedOffer({
      company,
      kind: 'emploi',
      location: 'Clermont-Ferrand',
      title: 'Ingénieure logiciel embarqué',
      description: 'Conception de logiciels embarqués pour des véhicules électriques.',
    });
    const c = await publishedOffer({
      company,
      kind: 'alternance',
      location: 'Clermont-Ferrand',
      title: 'Alternance développement web',
      description: 'Développement d’applications web pour nos clients régionaux.',
    });
    const member = await activeGraduate(world);
    const search = (query: string) =>
      world.api('GET', `/api/offers?company=${encodeURIComponent(company)}&${query}`, undefined, member.auth);

    expect(ids(await search(''))).toEqual([a.id, b.id, c.id].sort());
    expect(ids(await search('kind=stage'))).toEqual([a.id]);
    expect(ids(await search('location=besancon'))).toEqual([a.id]); // accents ignored
    expect(ids(await search('location=clermont'))).toEqual([b.id, c.id].sort());
    expect(ids(await search('q=donnees'))).toEqual([a.id]); // full text, unaccented, in the description
    expect(ids(await search('q=logiciels%20embarques'))).toEqual([b.id]); // stemmed
    expect(ids(await search('q=developpement&location=clermont'))).toEqual([c.id]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await search(`publishedSince=${tomorrow}`)).body.total).toBe(0);
    const today = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await search(`publishedSince=${today}`)).body.total).toBe(3);

    const page1 = await search('pageSize=2&page=1');
    const page2 = await search('pageSize=2&page=2');
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(1);
    expect([...ids(page1), ...ids(page2)].sort()).toEqual([a.id, b.id, c.id].sort());
    const bad = await search('kind=cdi&pageSize=500');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['kind', 'pageSize']));
  });

  it('when a graduate applies with a PDF, then the contact receives the message with the CV attached and Reply-To the applicant, the applicant a confirmation, the author sees it; a second application is refused', async () => {
    const offer = await publishedOffer();
    const applicant = await activeGraduate(world, 'Yanis');
    const cv = pdfBytes(100 * 1024);
    const sent = await apply(world, applicant.auth, offer.id, {
      message: 'Bonjour, votre offre correspond à mon parcours.',
      cv,
      filename: 'CV Yanis Moreau.pdf',
    });
    expect(sent.status).toBe(201);

    const forwarded = await world.mailbox.waitFor(offer.contactEmail, { subject: /Candidature à votre offre/ });
    expect(forwarded.text).toContain('votre offre correspond à mon parcours');
    expect(forwarded.text).toContain(applicant.email);
    expect(forwarded.attachments).toMatchObject([{ filename: 'CV Yanis Moreau.pdf', contentType: 'application/pdf', size: cv.length }]);
    expect(forwarded.attachments[0]!.content.equals(cv)).toBe(true);
    // « Répondre » in the recruiter's mail program writes to the applicant, not to the platform.
    expect(forwarded.replyTo).toEqual([applicant.email.toLowerCase()]);
    await world.mailbox.waitFor(applicant.email, { subject: /Votre candidature est transmise/ });

    const listed = await waitUntil(async () => {
      const answer = await world.api('GET', `/api/me/offers/${offer.id}/applications`, undefined, author.auth);
      return answer.body.items?.[0]?.forwardedAt && answer;
    });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ applicantName: 'Yanis Moreau', cvSize: cv.length, cvFilename: 'CV Yanis Moreau.pdf' });
    expect((await world.api('GET', `/api/me/offers/${offer.id}/applications`, undefined, applicant.auth)).status).toBe(404);
    expect(
      (await world.api('GET', '/api/me/offers', undefined, author.auth)).body.items.find((i: { id: string }) => i.id === offer.id)
        .applications,
    ).toBe(1);

    const again = await apply(world, applicant.auth, offer.id, { message: 'Encore moi.', cv });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/déjà répondu/);
  });

  it('when the upload is not a PDF by its content, too large or empty, then it is refused with a message on the CV field', async () => {
    const offer = await publishedOffer();
    const student = await entStudent(world);
    const message = 'Je suis intéressée par ce stage.';
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const notPdf = await apply(world, student.auth, offer.id, { message, cv: png, filename: 'cv.pdf', contentType: 'application/pdf' });
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.fields.cv).toBe('Le CV doit être un fichier PDF');
    const tooLarge = await apply(world, student.auth, offer.id, { message, cv: pdfBytes(CV_MAX + 1) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.fields.cv).toMatch(/ne doit pas dépasser/);
    const empty = await apply(world, student.auth, offer.id, { message, cv: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.cv).toBe('Le CV est vide');
    const nothing = await apply(world, student.auth, offer.id, {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.fields).toEqual({ message: 'Le message est obligatoire', cv: 'Le CV (fichier PDF) est obligatoire' });
    const json = await world.api('POST', `/api/offers/${offer.id}/applications`, { message }, student.auth);
    expect(json.status).toBe(400);
    const stored = await world.db('job_offer_applications').where({ offer_id: offer.id }).count('* as n').first();
    expect(Number(stored?.n)).toBe(0);
  });

  it('when the SMTP server is down, then the forward waits and is delivered once it is back', async () => {
    const offer = await publishedOffer();
    const student = await entStudent(world);
    world.mailbox.refuse(true);
    try {
      const sent = await apply(world, student.auth, offer.id, { message: 'Candidature pendant la panne.', cv: pdfBytes() });
      expect(sent.status).toBe(201);
      await new Promise((r) => setTimeout(r, 1500));
      expect(world.mailbox.to(offer.contactEmail)).toHaveLength(0);
    } finally {
      world.mailbox.refuse(false);
    }
    const forwarded = await world.mailbox.waitFor(offer.contactEmail, { subject: /Candidature à votre offre/, timeoutMs: 30_000 });
    expect(forwarded.attachments).toHaveLength(1);
    await world.mailbox.waitFor(student.email, { subject: /Votre candidature est transmise/, timeoutMs: 30_000 });
  });
});
