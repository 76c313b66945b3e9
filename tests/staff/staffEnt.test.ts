import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { Journey } from '../support/journey.js';
import { activeRecruiter, offerForm, postOffer, waitForStatus } from '../support/offers.js';
import { type OidcProvider, startOidcProvider } from '../support/oidcProvider.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let provider: OidcProvider;
let browser: Browser;
const webmasterEmail = `web.ent.${Date.now().toString(36)}@univ.example`;
beforeAll(async () => {
  provider = await startOidcProvider({
    'pers-web': { given_name: 'Wanda', family_name: 'Webmestre', email: webmasterEmail, eduPersonAffiliation: ['staff'] },
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

describe('ENT staff as approvers (seed 000 « Profil personnels »)', () => {
  it('when a member of staff whose staff account (same e-mail) holds the webmaster role logs in through the ENT and accepts the charter, then they moderate an offer from the same inbox: changes asked, then the new version shown with what changed, then published', async () => {
    const [staff] = await world
      .db('staff_accounts')
      .insert({ email: webmasterEmail.toUpperCase(), display_name: 'Wanda Webmestre' })
      .returning('id');
    await world.db('staff_roles').insert({ staff_id: staff.id, role: 'webmaster', scope: '' });
    const recruiter = await activeRecruiter(world, { canPostOffers: true });
    const offer = await postOffer(world, recruiter.auth, { title: 'Technicien·ne de laboratoire' });

    const journey = await Journey.start(browser, 'staff-ent-webmaster', { width: 1024 });
    // The ENT's own pages (the provider's development login) are not ours: a side tab, same cookies.
    const ent = await journey.page.context().newPage();
    await ent.goto(`${world.baseUrl}/ent/connexion`);
    await ent.fill('input[name="login"]', 'pers-web');
    await ent.fill('input[name="password"]', 'secret');
    await ent.getByRole('button', { name: 'Sign-in' }).click();
    await ent.waitForURL(`${world.baseUrl}/ent/charte`);
    await ent.getByLabel('J’ai lu et j’accepte les conditions d’utilisation de la plateforme').check();
    await ent.getByRole('button', { name: 'Valider' }).click();
    await ent.getByRole('button', { name: 'OK' }).click();
    await ent.waitForURL(`${world.baseUrl}/ent/accueil`);
    await ent.close();

    await journey.open(`${world.baseUrl}/ent/accueil`);
    await journey.click('Mes décisions', 'link');
    expect(await journey.main()).toContain('Offre à modérer (1)');
    await journey.click('Offre « Technicien·ne de laboratoire » chez Volcans Industrie', 'link');
    let main = await journey.main();
    expect(main).toContain('L’offre (version 1)');
    expect(main).toContain('Première version : rien à comparer.');
    await journey.page.getByLabel(/^Commentaire \(obligatoire pour demander/).fill('Précisez le lieu exact.');
    await journey.click('Demander des modifications');
    expect(await journey.main()).toContain('Votre décision est enregistrée.');
    await waitForStatus(world, offer.id, 'changes_requested');

    const revised = await world.api(
      'PUT',
      `/api/me/offers/${offer.id}`,
      offerForm({ ...offer, title: offer.title, location: 'Clermont-Ferrand, campus des Cézeaux' }),
      recruiter.auth,
    );
    expect(revised.status).toBe(200);
    await waitUntil(
      async () =>
        (await world.db('approval_tasks').where({ staff_id: staff.id, status: 'pending', request_status: 'pending' }).first()) ?? undefined,
    );
    await journey.open(`${world.baseUrl}/personnels/decisions`);
    await journey.click('Offre « Technicien·ne de laboratoire » chez Volcans Industrie', 'link');
    main = await journey.main();
    expect(main).toContain('L’offre (version 2)');
    expect(main).toContain('Ce qui a changé depuis la version 1');
    expect(main).toContain('Clermont-Ferrand, campus des Cézeaux');
    await journey.shot('offer-diff');
    await journey.click('Approuver');
    await waitForStatus(world, offer.id, 'published');
    const decided = await world
      .db('approval_requests')
      .where({ workflow_id: `job-offer-${offer.id}` })
      .orderBy('opened_at', 'desc')
      .first();
    expect(decided.decided_by_name).toBe('Wanda Webmestre');
    await journey.end();
  }, 180_000);

  it('when nobody is logged in, then the inbox sends to the staff login page and back', async () => {
    const res = await fetch(`${world.baseUrl}/personnels/decisions`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/personnels/connexion?retour=%2Fpersonnels%2Fdecisions');
  });
});
