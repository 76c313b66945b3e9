import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn } from '../support/mailbox.js';
import { login, newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let browser: Browser;
beforeAll(async () => {
  world = await startWorld();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('the validation link in a real browser', () => {
  it('when the candidate opens the mailed link on a phone and presses the button with the keyboard, then the account is validated', async () => {
    const candidate = newCandidate();
    await world.api('POST', '/api/candidates', candidate);
    const link = linkIn(await world.mailbox.waitFor(candidate.email));

    const page = await browser.newPage({ viewport: { width: 375, height: 700 }, locale: 'fr-FR' });
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Validation de votre compte');
    const button = page.getByRole('button', { name: 'Valider mon compte' });
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    // Opening the page validated nothing: scanners and previews are harmless.
    expect((await login(world, candidate.email, candidate.password)).status).toBe(403);

    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Votre compte est validé');
    expect(await page.textContent('main')).toMatch(/numéro de dossier\) est EC\d{7}/);
    expect((await login(world, candidate.email, candidate.password)).status).toBe(201);
    await page.close();
  });
});

describe('the portal pages in a real browser', () => {
  it('when a person creates an account, validates it from the mail and logs in with the form, then « Mon compte » shows the file number', async () => {
    const candidate = newCandidate();
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${world.baseUrl}/compte/creation`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForSelector('text=Le formulaire contient des erreurs');
    expect(await page.textContent('#f-lastName-error')).toBe('Le nom est obligatoire');

    await page.fill('#f-lastName', candidate.lastName);
    await page.fill('#f-firstName', candidate.firstName);
    await page.fill('#f-email', candidate.email);
    await page.fill('#f-emailConfirmation', candidate.email);
    await page.fill('#f-password', candidate.password);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForSelector('text=Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider');

    await page.goto(linkIn(await world.mailbox.waitFor(candidate.email)));
    await page.getByRole('button', { name: 'Valider mon compte' }).click();
    const fileNumber = /EC\d{7}/.exec((await page.textContent('main'))!)![0];

    await page.goto(`${world.baseUrl}/connexion`);
    await page.fill('#f-login', fileNumber);
    await page.fill('#f-password', candidate.password);
    await page.getByRole('button', { name: 'Connexion', exact: true }).click();
    // The login lands on « Mon compte », which shows the file number.
    await page.waitForURL(/\/mon-compte/);
    expect(await page.textContent('main')).toContain(fileNumber);
    await page.getByRole('button', { name: 'Déconnexion' }).first().click();
    await page.waitForSelector('text=Vous êtes déconnecté');
    await page.close();
  });
});
