import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { type OidcProvider, startOidcProvider } from '../support/oidcProvider.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let provider: OidcProvider;
let browser: Browser;
beforeAll(async () => {
  provider = await startOidcProvider({
    'pers-lea': { given_name: 'Léa', family_name: 'Garnier', email: 'lea.garnier@univ.example', eduPersonAffiliation: ['staff'] },
  });
  world = await startWorld({
    ENT_PROTOCOL: 'oidc',
    ENT_OIDC_ISSUER: provider.issuer,
    ENT_OIDC_CLIENT_ID: provider.clientId,
    ENT_OIDC_CLIENT_SECRET: provider.clientSecret,
  });
  provider.allowClient(world.baseUrl);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await provider?.close();
});

describe('« Connexion personnels » in a real browser', () => {
  it('when a member of staff signs in at the ENT, ticks the charter and presses OK, then the staff space opens; logout ends both sessions', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${world.baseUrl}/ent/connexion`);
    // oidc-provider's own development login page, standing in for the ENT's.
    await page.fill('input[name="login"]', 'pers-lea');
    await page.fill('input[name="password"]', 'secret');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await page.waitForURL(`${world.baseUrl}/ent/charte`);
    await page.getByLabel('J’ai lu et j’accepte les conditions d’utilisation de la plateforme').check();
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByRole('alertdialog').textContent()).resolves.toContain('Vous êtes sur le point d’accepter la charte');
    await page.getByRole('button', { name: 'OK' }).click();

    await page.waitForURL(`${world.baseUrl}/ent/accueil`);
    expect(await page.textContent('main')).toContain('Garnier');
    expect(await page.textContent('main')).toContain('Charte acceptée le');
    const account = await world.db('ent_accounts').where({ subject: 'pers-lea' }).first();
    expect(await world.db('charter_acceptances').where({ ent_account_id: account.id }).pluck('charter_version')).toEqual(['1']);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.toString().startsWith(provider.issuer));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${world.baseUrl}/ent/deconnecte`);
    expect(await page.textContent('main')).toContain('Vous êtes déconnecté');
    await page.goto(`${world.baseUrl}/ent/accueil`);
    expect(await page.textContent('main')).toContain('Vous n’êtes pas connecté');
    await page.close();
  });
});
