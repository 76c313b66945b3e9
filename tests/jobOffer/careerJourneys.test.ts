import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, decisionLinkIn, type TestStaff, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { Journey, pageLinkIn } from '../support/journey.js';
import { activeGraduate, moderate, pdfBytes, postOffer, waitForStatus } from '../support/offers.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let browser: Browser;
let webmaster: TestStaff;
const durations: Record<string, number> = {};

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld({ OFFER_CV_MAX_BYTES: String(300 * 1024) }), launchChromium()]);
  webmaster = await createStaff(world, [{ role: 'webmaster' }], 'Wendy Webmaster');
});
afterAll(async () => {
  console.log(`career journeys (ms): ${JSON.stringify(durations)}`);
  await browser?.close();
  await world?.stop();
});

/** The member's browser carries the session their login opened (the login pages are the graduates' journey). */
async function loggedIn(journey: Journey, auth: { authorization: string }) {
  await journey.page.context().addCookies([{ name: 'session', value: auth.authorization.slice('Bearer '.length), url: world.baseUrl }]);
}

describe('« Carrière » in a browser (seed 002)', () => {
  it('when a member finds an offer with the filters and applies with a PDF, then the contact receives the message with the CV attached and Reply-To the member, and the author sees the application', async () => {
    const author = await activeGraduate(world, 'Hélène');
    const company = `Volcans Data ${Date.now().toString(36)}`;
    const offer = await postOffer(world, author.auth, { company, kind: 'stage', title: 'Stage en analyse de données' });
    await moderate(world, webmaster, offer.title, { outcome: 'approve' });
    await waitForStatus(world, offer.id, 'published');
    const member = await activeGraduate(world, 'Yanis');

    const journey = await Journey.start(browser, 'career-apply');
    await loggedIn(journey, member.auth);
    const page = journey.page;
    await journey.open(`${world.baseUrl}/carriere`);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      expect.arrayContaining(['Etudiant recherche un stage', 'Alumni recherche une offre d’emploi ou un stage']),
    );
    await journey.shot('career');
    await journey.click('Alumni recherche une offre d’emploi ou un stage', 'link');
    await page.getByLabel('Type d’offre').selectOption('stage');
    await page.getByLabel('Entreprise').fill(company);
    await page.getByLabel('Mots-clés').fill('données');
    await journey.click('Rechercher');
    expect(page.url()).toContain('kind=stage');
    expect(await page.getByRole('heading', { level: 2, name: /1 offre publiée/ }).count()).toBe(1);
    await journey.shot('search-results');
    await journey.click(offer.title, 'link');
    expect(await journey.main()).toContain(company);
    await journey.shot('offer');
    await journey.click('Postuler', 'link');

    // Sent empty: the error summary names both fields, in French.
    await journey.click('Envoyer ma candidature');
    expect(await page.title()).toMatch(/^Erreur : /);
    expect(await page.getByRole('alert').textContent()).toContain('Le CV (fichier PDF) est obligatoire');
    await journey.shot('apply-errors');
    await page.getByLabel('Votre message').fill('Bonjour, ce stage correspond à mon master en science des données.');
    const cv = pdfBytes(40 * 1024);
    await page.getByLabel('Votre CV').setInputFiles({ name: 'CV Yanis Moreau.pdf', mimeType: 'application/pdf', buffer: cv });
    await journey.click('Envoyer ma candidature');
    expect(page.url()).toBe(`${world.baseUrl}/carriere/offres/${offer.id}`);
    expect(await page.getByRole('status').textContent()).toContain('Votre candidature est enregistrée');
    durations.apply = (await journey.end()).durationMs;

    const forwarded = await world.mailbox.waitFor(offer.contactEmail, { subject: /Candidature à votre offre/ });
    expect(forwarded.replyTo).toEqual([member.email.toLowerCase()]);
    expect(forwarded.attachments).toHaveLength(1);
    expect(forwarded.attachments[0]!.content.equals(cv)).toBe(true);
    const confirmation = await world.mailbox.waitFor(member.email, { subject: /Votre candidature est transmise/ });
    expect(confirmation.text).not.toContain('/docs');

    // The author: « Mes offres d'emploi » → the offer → the applications received, and the CV itself.
    const authorJourney = await Journey.start(browser, 'career-applications');
    await loggedIn(authorJourney, author.auth);
    await authorJourney.open(`${world.baseUrl}/carriere/mes-offres`);
    await authorJourney.click(offer.title, 'link');
    await authorJourney.click('Candidatures reçues (1)', 'link');
    expect(await authorJourney.main()).toContain('Yanis Moreau');
    await authorJourney.shot('applications');
    const href = await authorJourney.page.getByRole('link', { name: /CV Yanis Moreau\.pdf/ }).getAttribute('href');
    const download = await authorJourney.page.request.get(`${world.baseUrl}${href}`);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(cv)).toBe(true);
    await authorJourney.end();
    // Someone else cannot fetch it.
    const stranger = await fetch(`${world.baseUrl}${href}`, { headers: { cookie: `session=${member.auth.authorization.slice(7)}` } });
    expect(stranger.status).toBe(404);
  });

  it('when a member posts an offer with the keyboard only, then it is « en attente de validation », and « publiée » once a webmaster approves it through the decision link of their mail', async () => {
    const author = await activeGraduate(world, 'Inès');
    const title = `Alternance développeur·se ${Date.now().toString(36)}`;
    const journey = await Journey.start(browser, 'career-post-keyboard');
    await loggedIn(journey, author.auth);
    const page = journey.page;
    await journey.open(`${world.baseUrl}/carriere`);
    await journey.tabTo('Déposer une offre ou un stage');
    await journey.press('Enter');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Déposer une offre ou un stage');
    await journey.typeInto('Titre de l’offre', title);
    await journey.typeInto('Type d’offre', 'Alternance');
    await journey.typeInto('Entreprise', 'Volcans Industrie');
    await journey.typeInto('Lieu', 'Clermont-Ferrand');
    await journey.typeInto('Contrat', 'Contrat d’apprentissage');
    // The date's digits, in the order the browser's date field asks for them (day/month or month/day).
    await journey.typeInto('Date de début', '01092027');
    const typedDate = await page.getByLabel('Date de début').inputValue();
    expect(['2027-09-01', '2027-01-09']).toContain(typedDate);
    await journey.typeInto('Description', 'Deux ans en alternance dans l’équipe produit : développement TypeScript, tests, revue de code.');
    await journey.typeInto('Adresse mail de contact', 'alternance@volcans.example');
    await journey.tabTo('Enregistrer');
    await journey.press('Enter');
    expect(await page.getByRole('status').textContent()).toContain('Votre offre est enregistrée');
    expect(await journey.main()).toContain('en attente de validation');
    await journey.shot('offer-pending');
    const offerId = /\/carriere\/mes-offres\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    const stored = await world.db('job_offers').where({ id: offerId }).first();
    expect(stored).toMatchObject({ title, kind: 'alternance', contact_email: 'alternance@volcans.example', publication_duration: 'P30D' });
    expect((await world.db('job_offers').where({ id: offerId }).first(world.db.raw(`to_char(starts_on, 'YYYY-MM-DD') as day`))).day).toBe(
      typedDate,
    );
    const received = await world.mailbox.waitFor(author.email, { subject: /Offre enregistrée/ });
    expect(pageLinkIn(received, world, '/carriere/mes-offres/')).toBe(`${world.baseUrl}/carriere/mes-offres/${offerId}`);

    // The webmaster opens the decision link of their mail and approves.
    const mail = await waitUntil(async () => world.mailbox.to(webmaster.email).find((m) => m.text.includes(title)));
    const webmasterJourney = await Journey.start(browser, 'career-webmaster-decision');
    await webmasterJourney.open(decisionLinkIn(mail));
    expect(await webmasterJourney.main()).toContain(title);
    await webmasterJourney.click('Approuver');
    expect(await webmasterJourney.main()).toContain('Votre décision a été enregistrée');
    await webmasterJourney.end();
    await waitForStatus(world, offerId, 'published');

    const published = await world.mailbox.waitFor(author.email, { subject: /Offre publiée/ });
    await journey.open(pageLinkIn(published, world, '/carriere/mes-offres/'));
    expect(await journey.main()).toContain('publiée');
    expect(await journey.main()).toContain('Wendy Webmaster');
    await journey.tabTo('Retour à mes offres');
    await journey.press('Enter');
    expect(await page.getByRole('row', { name: new RegExp(title) }).textContent()).toContain('publiée');
    await journey.shot('my-offers-published');
    durations.post = (await journey.end()).durationMs;
  });
});
