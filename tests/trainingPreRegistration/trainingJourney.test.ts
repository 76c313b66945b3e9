import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionLinkIn, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { Journey, pageLinkIn } from '../support/journey.js';
import { type OidcProvider, startOidcProvider } from '../support/oidcProvider.js';
import { actionWithManager, managerTasks, statusOf } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let provider: OidcProvider;
let browser: Browser;
const SOON = 3;
const employee = { login: 'pers-nadia', email: 'nadia.benali@univ.example' };

beforeAll(async () => {
  provider = await startOidcProvider({
    [employee.login]: { given_name: 'Nadia', family_name: 'Benali', email: employee.email, eduPersonAffiliation: ['staff'] },
  });
  // The decision is communicated a few seconds after it is taken, for a session SOON days ahead.
  const startsOn = Date.parse(new Date(Date.now() + SOON * 86_400_000).toISOString().slice(0, 10));
  [world, browser] = await Promise.all([
    startWorld({
      ENT_PROTOCOL: 'oidc',
      ENT_OIDC_ISSUER: provider.issuer,
      ENT_OIDC_CLIENT_ID: provider.clientId,
      ENT_OIDC_CLIENT_SECRET: provider.clientSecret,
      TRAINING_DECISION_NOTICE: `PT${Math.floor((startsOn - Date.now() - 2000) / 1000)}S`,
    }),
    launchChromium(),
  ]);
  provider.allowClient(world.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await provider?.close();
});

describe('continuing education in a browser (seed 004)', () => {
  it('when an employee logs in through the ENT, finds an action, pre-registers in five steps and follows « mes candidatures », then they see each decision: the supervisor’s (decision link page) and the chargé de projet’s (inbox)', async () => {
    const title = `Tableur : analyses et tableaux croisés ${Date.now().toString(36)}`;
    const { actionId, sessionId, manager } = await actionWithManager(world, { startsInDays: SOON });
    await world.db('training_actions').where({ id: actionId }).update({
      title,
      theme: 'Bureautique',
      description: 'Construire des tableaux croisés dynamiques et des graphiques.\n\nDeux jours de pratique sur vos propres fichiers.',
    });
    await world
      .db('training_sessions')
      .where({ id: sessionId })
      .update({ ends_on: world.db.raw('starts_on + 1'), place: 'Campus des Cézeaux, salle B12', practical_info: 'Accueil à 9 h 15.' });

    const journey = await Journey.start(browser, 'training-employee');
    const page = journey.page;
    // « Connexion personnels »: the ENT's own login page (the provider's, not ours), then the charter.
    await page.goto(`${world.baseUrl}/ent/connexion`);
    await page.fill('input[name="login"]', employee.login);
    await page.fill('input[name="password"]', 'secret');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(`${world.baseUrl}/ent/charte`);
    await page.getByLabel('J’ai lu et j’accepte les conditions d’utilisation de la plateforme').check();
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL(`${world.baseUrl}/ent/accueil`);

    // « Choisissez votre action dans le catalogue en utilisant la fonction recherche ou en naviguant par thématique. »
    await journey.open(`${world.baseUrl}/formation-continue`);
    await journey.shot('catalogue');
    await journey.click(/^Bureautique \(\d+\)$/, 'link');
    expect(await journey.main()).toContain(title);
    await page.getByLabel('Rechercher une action').fill('tableaux croisés');
    await journey.click('Rechercher');
    await journey.click(title, 'link');
    expect(await page.getByRole('table', { name: 'Les sessions de cette action' }).textContent()).toContain(
      'Campus des Cézeaux, salle B12',
    );
    await journey.shot('action-sheet');
    await page.getByLabel('Session', { exact: true }).selectOption(sessionId);
    await journey.click('pré-inscription');

    // The five steps; each is saved as a draft.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Étape 1 sur 5 : Renseignements sur votre identité');
    expect(await page.getByLabel(/^Nom\b/).inputValue()).toBe('Benali');
    await page.getByLabel('Madame').check();
    await page.getByLabel('Date de naissance').fill('1985-04-12');
    await journey.shot('step-1');
    await journey.click('Enregistrer et continuer');
    await page.getByLabel('Établissement ou employeur').fill('Université Clermont Auvergne');
    await page.getByLabel('Service').fill('Direction des ressources humaines');
    await page.getByLabel('Fonction').fill('Gestionnaire paie');
    await page.getByLabel('Catégorie').selectOption('B');
    await journey.click('Enregistrer et continuer');
    // Too short: the field says why, the page title says there is an error.
    await page.getByLabel('Contexte professionnel').fill('Paie');
    await page.getByLabel('Vos attentes').fill('Gagner du temps.');
    await journey.click('Enregistrer et continuer');
    expect(await page.title()).toMatch(/^Erreur : /);
    await page.getByLabel('Contexte professionnel').fill('Je prépare chaque mois les tableaux de suivi de la masse salariale.');
    await journey.click('Enregistrer et continuer');
    const supervisorEmail = `chef.paie.${Date.now().toString(36)}@univ.example`;
    await page.getByLabel(/^Nom du supérieur hiérarchique/).fill('Garnier');
    await page.getByLabel(/^Prénom du supérieur hiérarchique/).fill('Paul');
    await page.getByLabel('Adresse mail du supérieur hiérarchique').fill(supervisorEmail);
    await journey.click('Enregistrer et continuer');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Étape 5 sur 5 : Récapitulatif avant envoi');
    expect(await journey.main()).toContain('Gestionnaire paie');
    await journey.shot('recap');
    const draftId = /pre-inscriptions\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    expect(await statusOf(world, draftId)).toBe('draft');
    await journey.click('Envoyer');

    expect(await page.getByRole('status').textContent()).toContain('Votre pré-inscription est envoyée');
    expect(await journey.main()).toContain('en attente de votre supérieur hiérarchique');
    expect(await page.getByRole('link', { name: 'Me désister' }).count()).toBe(1);
    await journey.shot('request-sent');
    await world.mailbox.waitFor(employee.email, { subject: /Pré-inscription enregistrée/ });

    // The supervisor decides from the link of their mail (no account).
    const supervisor = await Journey.start(browser, 'training-supervisor-decision');
    await supervisor.open(decisionLinkIn(await world.mailbox.waitFor(supervisorEmail, { subject: /Décision attendue/ })));
    expect(await supervisor.main()).toContain('Pré-inscription de Nadia Benali');
    await supervisor.page.getByLabel('Commentaire (facultatif)').fill('Accord, formation utile au service.');
    await supervisor.click('Approuver');
    await supervisor.end();
    await waitUntil(async () => (await statusOf(world, draftId)) === 'awaiting_project_manager');

    // « mes candidatures »: the menu entry, then the request and who decided.
    await journey.click('Mes candidatures', 'link');
    await journey.shot('mine');
    await journey.click(title, 'link');
    expect(await journey.main()).toContain('en attente du/de la chargé(e) de projet');
    expect(await journey.main()).toContain(supervisorEmail);

    // The chargé de projet decides in their inbox.
    const [task] = await managerTasks(world, manager.auth, 1);
    const decided = await world.api(
      'POST',
      `/api/approvals/inbox/${task!.taskId}/decision`,
      { outcome: 'approve', comment: 'Bon profil' },
      manager.auth,
    );
    expect(decided.status).toBe(200);

    const accepted = await world.mailbox.waitFor(employee.email, { subject: /Votre candidature est validée/, timeoutMs: 30_000 });
    expect(accepted.attachments.map((a) => a.filename)).toEqual(['session.ics']);
    expect(accepted.text).toContain('Accueil à 9 h 15.');
    expect(accepted.text).not.toContain('/docs');
    await journey.open(pageLinkIn(accepted, world, '/formation-continue/mes-candidatures/'));
    const main = await journey.main();
    expect(main).toContain('validée');
    expect(main).toContain(manager.name);
    expect(main).toContain('Bon profil');
    await journey.shot('request-accepted');
    const { durationMs, pages } = await journey.end();
    console.log(`training journey: ${durationMs} ms, ${pages} pages checked`);
    // About twenty pages, each checked by axe in Chromium, and three mails: longer than the suite's minute.
  }, 240_000);
});
