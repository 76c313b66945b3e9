import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideByLink, decisionLinkIn, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { Journey } from '../support/journey.js';
import { actionWithManager, managerTasks, statusOf, submittedPreRegistration } from '../support/training.js';
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

/** A pre-registration that its supervisor approved: it waits in the chargé de projet's inbox. */
async function atProjectManager(sessionId: string) {
  const request = await submittedPreRegistration(world, sessionId);
  const mail = await world.mailbox.waitFor(request.supervisorEmail, { subject: /Décision attendue/ });
  expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'approve' })).status).toBe(200);
  return request;
}

/** Logs in on the staff login page (the password is the one tests/support/approvals.ts gives every staff member). */
async function logIn(journey: Journey, email: string) {
  await journey.open(`${world.baseUrl}/personnels/connexion`);
  await journey.page.getByLabel(/^Adresse mail/).fill(email);
  await journey.page.getByLabel(/^Mot de passe/).fill('Personnel-2026!');
  await journey.click('Se connecter');
}

describe('the staff shell: a chargé de projet decides from pages (seed 004)', () => {
  it('when a chargé de projet logs in, filters the inbox, opens a training request, wait-lists it and validates two others in bulk with one comment, then each request moves on and the pages pass axe', async () => {
    const { sessionId, manager } = await actionWithManager(world, { capacity: 5 });
    const requests: Awaited<ReturnType<typeof atProjectManager>>[] = [];
    for (let i = 0; i < 3; i++) requests.push(await atProjectManager(sessionId));
    await managerTasks(world, manager.auth, 3);

    const journey = await Journey.start(browser, 'staff-inbox', { width: 1024 });
    await logIn(journey, manager.email);
    expect(new URL(journey.page.url()).pathname).toBe('/personnels/decisions');
    let main = await journey.main();
    expect(main).toContain('3 décisions en attente');
    expect(main).toContain('Pré-inscription à une formation (3)');
    await journey.shot('inbox');

    // Filter by kind and by step.
    await journey.page.getByLabel('Type de demande', { exact: true }).selectOption('trainingPreRegistration');
    await journey.page.getByLabel('Étape', { exact: true }).selectOption('charge-de-projet');
    await journey.click('Filtrer');
    expect(new URL(journey.page.url()).searchParams.get('step')).toBe('charge-de-projet');
    expect(await journey.page.locator('tbody tr').count()).toBe(3);

    // One request: the whole request, steps 2 and 3 as typed, and the supervisor's decision.
    await journey.click(/^Pré-inscription de Léa Durand/, 'link');
    main = await journey.main();
    expect(main).toContain('Étape 2 : situation professionnelle');
    expect(main).toContain('Direction des ressources humaines');
    expect(main).toContain('Étape 3 : contexte et attentes');
    expect(main).toContain('Je prépare les tableaux de suivi des effectifs chaque mois.');
    expect(main).toContain('Décision du supérieur hiérarchique');
    expect(main).toContain(requests[0]!.supervisorEmail.split('@')[0]);
    await journey.shot('task');
    const firstTask = new URL(journey.page.url()).pathname.split('/').pop()!;
    await journey.click('Mettre en liste d’attente');
    expect(await journey.main()).toContain('Votre décision est enregistrée.');
    expect(await journey.main()).toContain('2 décisions en attente');

    // The two others, in bulk with one comment.
    for (const box of await journey.page.locator('tbody input[type=checkbox]').all()) await box.check();
    await journey.page.getByLabel('Décision pour toutes les demandes cochées').selectOption('approve');
    await journey.page.getByLabel(/^Commentaire \(obligatoire pour demander/).fill('Validé pour la session de printemps');
    await journey.click('Décider pour la sélection');
    main = await journey.main();
    expect(main).toContain('2 décision(s) enregistrée(s) sur 2.');
    await journey.shot('bulk-result');

    const statuses = await waitUntil(async () => {
      const all = await Promise.all(requests.map((r) => statusOf(world, r.id)));
      return all.filter((s) => s === 'accepted').length === 2 && all.includes('waitlisted') ? all : undefined;
    });
    expect(statuses.sort()).toEqual(['accepted', 'accepted', 'waitlisted']);
    const comments = await world
      .db('approval_requests')
      .where({ step: 'charge-de-projet', outcome: 'approve' })
      .whereIn(
        'workflow_id',
        requests.map((r) => `training-pre-registration-${r.id}`),
      );
    expect(comments.map((c) => c.comment)).toEqual(['Validé pour la session de printemps', 'Validé pour la session de printemps']);

    // The audit trail of the wait-listed request, and its CSV.
    await journey.open(`${world.baseUrl}/personnels/decisions/${firstTask}`);
    await journey.click('Piste d’audit de la demande', 'link');
    expect(await journey.main()).toContain('mise en liste d’attente');
    const href = (await journey.page.getByRole('link', { name: /CSV/ }).getAttribute('href'))!;
    const download = await journey.page.context().request.get(`${world.baseUrl}${href}`);
    expect(download.headers()['content-type']).toContain('text/csv');
    const csv = await download.text();
    expect(csv.split('\r\n')[0]).toBe('at,step,event,actor_name,on_behalf_of_name,channel,outcome,reason,comment');
    expect(csv).toContain('wait_list');
    await journey.end();
  }, 240_000);

  it('when the inbox is run with the keyboard only, then every control is reached with Tab with a visible focus and a task opens with Enter', async () => {
    const { sessionId, manager } = await actionWithManager(world);
    await atProjectManager(sessionId);
    await managerTasks(world, manager.auth, 1);
    const journey = await Journey.start(browser, 'staff-inbox-keyboard');
    await journey.open(`${world.baseUrl}/personnels/connexion`);
    await journey.typeInto(/^Adresse mail/, manager.email);
    await journey.typeInto(/^Mot de passe/, 'Personnel-2026!');
    await journey.tabTo('Se connecter');
    await journey.press('Enter');
    await journey.tabTo('Type de demande');
    await journey.tabTo('Filtrer');
    await journey.press('Enter');
    await journey.tabTo(/^Sélectionner : /);
    await journey.tabTo(/^Pré-inscription de /);
    await journey.press('Enter');
    expect(await journey.main()).toContain('Étape 3 : contexte et attentes');
    await journey.tabTo('Approuver');
    await journey.press('Enter');
    expect(await journey.main()).toContain('Votre décision est enregistrée.');
    await journey.end();
  }, 180_000);
});
