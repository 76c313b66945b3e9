import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { freshBirthDate, freshCodes, graduateForm, inRegistry, validateAddress } from '../support/graduates.js';
import { Journey } from '../support/journey.js';
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

/** A graduate present in the registry who picked their diploma: the decision step is open (default plan: P7D, P14D). */
async function graduateAwaitingDecision(codes: { vet: string; composante: string }) {
  const birthDate = freshBirthDate();
  await inRegistry(world, {
    lastName: 'FONTAINE',
    firstNames: 'Odile',
    birthDate,
    diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2014, vetLabel: 'Licence Chimie' }],
  });
  const form = graduateForm({ lastName: 'Fontaine', firstNames: 'Odile', birthDate });
  const created = await world.api('POST', '/api/graduates', form);
  await validateAddress(world, form.email);
  const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password });
  await world.api('POST', '/api/graduates/registration/diploma-choice', {
    email: form.email,
    password: form.password,
    diplomaId: listed.body.diplomas[0].id,
  });
  return { form, accountId: created.body.accountId as string };
}

describe('seed 000: « validé par l’administrateur ou le responsable composante ou le responsable VET »', () => {
  it('when a graduate picks a diploma, then the responsable composante (not mailed yet) has the task in their inbox on day one, sees the typed identity, the registry record and the diploma, and validates it from the pages', async () => {
    const codes = freshCodes();
    const vet = await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'VET du jour un');
    const composante = await createStaff(world, [{ role: 'responsable_composante', scope: codes.composante }], 'Composante jour un');
    const graduate = await graduateAwaitingDecision(codes);
    await world.mailbox.waitFor(vet.email, { subject: /Décision attendue : Inscription/ });
    // The plan mails the VET first; the composante has the task without a mail.
    await waitUntil(async () => (await world.db('approval_tasks').where({ staff_id: composante.id }).first()) ?? undefined);
    expect(world.mailbox.to(composante.email)).toEqual([]);

    const journey = await Journey.start(browser, 'staff-graduate-day-one', { width: 1024 });
    await journey.open(`${world.baseUrl}/personnels/connexion`);
    await journey.page.getByLabel(/^Adresse mail/).fill(composante.email);
    await journey.page.getByLabel(/^Mot de passe/).fill('Personnel-2026!');
    await journey.click('Se connecter');
    expect(await journey.main()).toContain('Inscription d’un diplômé (1)');
    await journey.click('Inscription de Odile Fontaine comme diplômé(e)', 'link');
    const main = await journey.main();
    expect(main).toContain('Identité saisie');
    expect(main).toContain('Fiche de l’annuaire des diplômés correspondante');
    expect(main).toContain('FONTAINE');
    expect(main).toContain(codes.vet);
    await journey.shot('graduate-task');
    await journey.click('Approuver');
    expect(await journey.main()).toContain('Votre décision est enregistrée.');
    await journey.end();

    const welcome = await world.mailbox.waitFor(graduate.form.email, { subject: /votre compte est validé/, timeoutMs: 30_000 });
    expect(welcome.text).toContain(codes.vet);
    const decided = await world
      .db('approval_requests')
      .where({ workflow_id: `graduate-registration-${graduate.accountId}` })
      .first();
    expect(decided.decided_by_name).toBe('Composante jour un');
  }, 180_000);

  it('when an administrateur who was not mailed decides through the API on day one, then the decision is accepted (no « Décision introuvable »)', async () => {
    const codes = freshCodes();
    await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }]);
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin jour un');
    const graduate = await graduateAwaitingDecision(codes);
    const task = await waitUntil(async () => {
      const inbox = await world.api('GET', '/api/approvals/inbox?kind=graduateRegistration', undefined, admin.auth);
      return inbox.body.items?.find((i: { workflowId: string }) => i.workflowId === `graduate-registration-${graduate.accountId}`);
    });
    const decided = await world.api(
      'POST',
      `/api/approvals/inbox/${task.taskId}/decision`,
      { outcome: 'refuse', reason: 'Doublon connu' },
      admin.auth,
    );
    expect(decided.status).toBe(200);
    await world.mailbox.waitFor(graduate.form.email, { subject: /votre inscription est refusée/, timeoutMs: 30_000 });
  }, 120_000);
});
