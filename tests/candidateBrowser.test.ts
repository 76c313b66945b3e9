import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn } from './support/mailbox.js';
import { login, newCandidate } from './support/users.js';
import { startWorld, type World } from './support/world.js';

let world: World;
let browser: Browser;
beforeAll(async () => {
  world = await startWorld();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
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
