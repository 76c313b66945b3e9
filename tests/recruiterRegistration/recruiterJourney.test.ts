import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, decideByLink, decisionLinkIn } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
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

describe('a recruiter’s whole journey in a browser (seed 000, ENTREPRISES/PARTENAIRES)', () => {
  it('when a recruiter registers from the home page, reads and accepts the full terms, validates the address from the mail and is validated, then they log in and see they may not post offers yet', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin parcours recruteur');
    const email = `recruteur.${Date.now().toString(36)}@entreprise.example`;
    const password = 'Recruteur-2026!';
    const journey = await Journey.start(browser, 'recruiter');
    const page = journey.page;

    await journey.open(`${world.baseUrl}/`);
    await journey.click('Inscription', 'link');
    expect(new URL(page.url()).pathname).toBe('/entreprises/inscription');
    // The FULL text of the version in force is on the page, with the seed's checkbox.
    const terms = (await world.api('GET', '/api/recruiters/terms')).body;
    expect(await page.locator('.terms').textContent()).toContain('6. Données personnelles.');
    expect(await page.getByLabel(/J’accepte les conditions générales d’utilisations/).count()).toBe(1);
    await journey.shot('recruiter-register');

    // Sent without the box ticked: refused, with the field's message, nothing stored.
    await page.fill('#f-company-name', 'Atelier Parcours');
    await page.fill('#f-company-address', '2 place de la Gare, 63000 Clermont-Ferrand');
    await page.fill('#f-contact-lastName', 'Durand');
    await page.fill('#f-contact-firstName', 'Claire');
    await page.fill('#f-email', email);
    await page.fill('#f-password', password);
    await journey.click('S’inscrire');
    expect(await page.getAttribute('#f-acceptTerms', 'aria-invalid')).toBe('true');
    expect(await world.db('recruiter_accounts').where({ email })).toHaveLength(0);

    await page.fill('#f-password', password);
    await page.check('#f-acceptTerms');
    await journey.click('S’inscrire');
    expect(await journey.main()).toContain('Consultez vos courriels');
    const row = await world.db('recruiter_accounts').where({ email }).first();
    expect(row.terms_version).toBe(terms.version);
    expect(row.terms_accepted_at).toBeInstanceOf(Date);

    await journey.open(pageLinkIn(await world.mailbox.waitFor(email), world, '/liens/'));
    await journey.click('Valider mon adresse');
    await journey.click('Continuer mon inscription', 'link');
    expect(await journey.main()).toContain('en attente de validation par l’administrateur');
    await journey.shot('recruiter-status');

    const decision = await world.mailbox.waitFor(admin.email, { subject: /Décision attendue/, timeoutMs: 30_000 });
    expect((await decideByLink(world, decisionLinkIn(decision), { outcome: 'approve' })).status).toBe(200);
    const validated = await world.mailbox.waitFor(email, { subject: /validée/, timeoutMs: 30_000 });
    await journey.open(pageLinkIn(validated, world));
    await journey.open(`${world.baseUrl}/entreprises/inscription/suivi`);
    expect(await journey.main()).toContain('inscription validée');

    await journey.open(`${world.baseUrl}/entreprises/connexion`);
    await page.fill('#f-email', email);
    await page.fill('#f-password', password);
    await journey.click('Se connecter');
    expect(new URL(page.url()).pathname).toBe('/entreprises/mon-compte');
    const account = await journey.main();
    expect(account).toContain('Atelier Parcours');
    expect(account).toContain('non autorisé');
    await journey.shot('recruiter-account');
    const { durationMs, pages } = await journey.end();
    console.info(`recruiter journey: ${pages} pages in ${durationMs} ms`);
  }, 240_000);
});
