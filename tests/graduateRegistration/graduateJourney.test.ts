import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, decisionLinkIn } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { freshBirthDate, freshCodes, inRegistry } from '../support/graduates.js';
import { Journey, pageLinkIn } from '../support/journey.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let browser: Browser;
beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

let counter = 0;
const address = () => `diplome.parcours.${Date.now().toString(36)}.${++counter}@example.org`;
const password = 'Diplome-Parcours-2026!';

/** The identity form, keyboard only: Tab to each field, type, Enter on the button. */
async function registerWithKeyboard(journey: Journey, p: { lastName: string; firstNames: string; birthDate: string; email: string }) {
  await journey.typeInto(/^Nom/, p.lastName);
  await journey.typeInto(/^Prénom/, p.firstNames);
  await journey.tabTo(/^Date de naissance/);
  // The date field's segments follow the browser's own (English) order, not the page's language.
  const [y, m, d] = p.birthDate.split('-');
  await journey.page.keyboard.type(`${m}${d}${y}`);
  await journey.typeInto(/^Adresse mail/, p.email);
  await journey.typeInto(/^Mot de passe/, password);
  await journey.tabTo('S’inscrire');
  await journey.press('Enter');
}

describe('a graduate’s whole journey in a browser (seed 000, « Profils diplômés »)', () => {
  it('when a graduate present in the registry does the whole journey with the keyboard only (register, follow the mail, pick a diploma, log in) and the responsable VET approves on the decision page, then the status page says « validé » with their groups', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: 'MÉTAYER',
      firstNames: 'Inès',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2015, vetLabel: 'Master Histoire' }],
    });
    const manager = await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'Responsable VET parcours');
    const email = address();
    const journey = await Journey.start(browser, 'graduate-present');

    await journey.open(`${world.baseUrl}/diplomes/inscription`);
    await journey.shot('graduate-register');
    await registerWithKeyboard(journey, { lastName: 'Metayer', firstNames: 'ines', birthDate, email });
    expect(await journey.main()).toContain('Consultez vos courriels');
    await journey.shot('graduate-sent');

    const instructions = await world.mailbox.waitFor(email, { subject: /validez votre adresse mail/ });
    expect(instructions.text).toContain('Bonjour Inès,');
    await journey.open(pageLinkIn(instructions, world, '/liens/'));
    await journey.tabTo('Valider mon adresse');
    await journey.press('Enter');
    await journey.tabTo('Continuer mon inscription');
    await journey.press('Enter');
    expect(new URL(journey.page.url()).pathname).toBe('/diplomes/inscription/diplome');
    await journey.shot('graduate-choose');
    await journey.tabTo(/Master Histoire/);
    // Space selects the focused radio button (no new page).
    await journey.page.keyboard.press('Space');
    await journey.tabTo('Valider mon choix');
    await journey.press('Enter');
    expect(new URL(journey.page.url()).pathname).toBe('/diplomes/inscription/suivi');
    expect(await journey.main()).toContain('en attente de validation');
    await journey.shot('graduate-status');

    // The manager decides on the existing decision link page.
    const decision = await world.mailbox.waitFor(manager.email, { subject: /Décision attendue : Inscription/, timeoutMs: 30_000 });
    const managerJourney = await Journey.start(browser, 'graduate-manager', { width: 1024 });
    await managerJourney.open(decisionLinkIn(decision));
    await managerJourney.click('Approuver');
    expect(await managerJourney.main()).toContain('Votre décision a été enregistrée');
    await managerJourney.end();

    const welcome = await world.mailbox.waitFor(email, { subject: /votre compte est validé/, timeoutMs: 30_000 });
    await journey.open(`${world.baseUrl}/diplomes/inscription/suivi`);
    const status = await journey.main();
    expect(status).toContain('validé');
    expect(status).toContain(codes.vet);
    expect(status).toContain(codes.composante);
    await journey.open(pageLinkIn(welcome, world));
    expect(new URL(journey.page.url()).pathname).toBe('/diplomes/connexion');
    await journey.typeInto(/^Adresse mail/, email);
    await journey.typeInto(/^Mot de passe/, password);
    await journey.tabTo('Se connecter');
    await journey.press('Enter');
    expect(new URL(journey.page.url()).pathname).toBe('/diplomes/mon-compte');
    const { durationMs, pages } = await journey.end();
    console.info(`graduate (present) journey: ${pages} pages in ${durationMs} ms`);
  }, 240_000);

  it('when a graduate absent from the registry registers, then the same « consultez vos courriels » page shows, the mail leads to the complete form, and the administrateur’s validation shows on the status page', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin parcours diplômé');
    const email = address();
    const journey = await Journey.start(browser, 'graduate-absent');
    await journey.open(`${world.baseUrl}/`);
    await journey.click('Inscription des diplômés', 'link');
    const page = journey.page;
    await page.fill('#f-lastName', 'Absent-Parcours');
    await page.fill('#f-firstNames', 'Yann');
    await page.fill('#f-birthDate', freshBirthDate());
    await page.fill('#f-email', email);
    await page.fill('#f-password', password);
    await journey.click('S’inscrire');
    expect(await journey.main()).toContain('Consultez vos courriels');

    await journey.open(pageLinkIn(await world.mailbox.waitFor(email, { subject: /validez votre adresse mail/ }), world, '/liens/'));
    await journey.click('Valider mon adresse');
    await journey.click('Continuer mon inscription', 'link');
    expect(new URL(page.url()).pathname).toBe('/diplomes/inscription/formulaire');
    await journey.shot('graduate-complete-form');
    await journey.click('Envoyer le formulaire');
    expect(await page.getAttribute('#f-phone', 'aria-invalid')).toBe('true');
    await page.fill('#f-phone', '04 73 00 00 01');
    await page.fill('#f-postalAddress', '3 rue des Archives, 63000 Clermont-Ferrand');
    await page.fill('#f-rememberedDiploma-title', 'DEUG de géographie');
    await page.fill('#f-rememberedDiploma-year', '1995');
    await page.fill('#f-rememberedDiploma-composante', 'UFR Lettres');
    await journey.click('Envoyer le formulaire');
    expect(await journey.main()).toContain('en attente de validation');

    const decision = await world.mailbox.waitFor(admin.email, { subject: /Décision attendue : Inscription/, timeoutMs: 30_000 });
    expect(decision.text).toContain('DEUG de géographie (1995)');
    const adminJourney = await Journey.start(browser, 'graduate-admin', { width: 1024 });
    await adminJourney.open(decisionLinkIn(decision));
    await adminJourney.click('Approuver');
    await adminJourney.end();
    await world.mailbox.waitFor(email, { subject: /votre compte est validé/, timeoutMs: 30_000 });
    await journey.open(`${world.baseUrl}/diplomes/inscription/suivi`);
    expect(await journey.main()).toContain('validé');
    const { durationMs, pages } = await journey.end();
    console.info(`graduate (absent) journey: ${pages} pages in ${durationMs} ms`);
  }, 240_000);
});
