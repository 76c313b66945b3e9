import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calmPlan, createStaff, submitRequest, type TestStaff, waitUntil } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { Journey } from '../support/journey.js';
import { activeRecruiter } from '../support/offers.js';
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

async function loggedIn(name: string, who: TestStaff) {
  const journey = await Journey.start(browser, name, { width: 1024 });
  await journey.open(`${world.baseUrl}/personnels/connexion`);
  await journey.page.getByLabel(/^Adresse mail/).fill(who.email);
  await journey.page.getByLabel(/^Mot de passe/).fill('Personnel-2026!');
  await journey.click('Se connecter');
  return journey;
}

describe('administration pages', () => {
  it('when an administrateur reassigns an open task with a reason, then the new approver is mailed, decides it from their inbox, and the audit trail and the log of administrative actions (CSV too) say who moved it, why and from where', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin réaffectation');
    const scope = `REA-${Date.now().toString(36)}`;
    const away = await createStaff(world, [{ role: 'responsable_vet', scope }], 'Approbatrice absente');
    const colleague = await createStaff(world, [{ role: 'webmaster' }], 'Collègue désigné');
    const requester = await createStaff(world, [], 'Demandeur réaffectation');
    const { workflowId } = await submitRequest(world, requester.auth, {
      title: 'Demande à réaffecter',
      steps: [{ step: 'validation', approvers: [{ role: 'responsable_vet', scope }], outcomes: ['approve', 'refuse'], plan: calmPlan }],
    });
    await world.mailbox.waitFor(away.email, { subject: /Décision attendue/ });

    const journey = await loggedIn('admin-reassign', admin);
    await journey.click('Administration', 'link');
    await journey.click('Décisions en attente (toutes)', 'link');
    await journey.click(/^Réaffecter : Demande à réaffecter \(Approbatrice absente\)/, 'link');
    await journey.page.getByLabel(/^Nouvel approbateur/).selectOption({ label: 'Collègue désigné' });
    await journey.page.getByLabel(/^Motif de la réaffectation/).fill('Absence longue non déclarée');
    await journey.shot('reassign');
    await journey.click('Réaffecter');
    expect(await journey.main()).toContain('La décision est réaffectée');
    await world.mailbox.waitFor(colleague.email, { subject: /Décision attendue/ });

    const newcomer = await loggedIn('admin-reassign-new-approver', colleague);
    await newcomer.click('Demande à réaffecter', 'link');
    await newcomer.click('Approuver');
    expect(await newcomer.main()).toContain('Votre décision est enregistrée.');
    await newcomer.end();
    const decided = await waitUntil(async () => {
      const row = await world.db('approval_requests').where({ workflow_id: workflowId }).first();
      return row.status === 'decided' ? row : undefined;
    });
    expect(decided.decided_by_name).toBe('Collègue désigné');
    // The former approver can no longer decide.
    const formerTask = await world.db('approval_tasks').where({ workflow_id: workflowId, staff_id: away.id }).first();
    expect(formerTask.status).toBe('handed_over');

    const audit = await world.db('approval_audit').where({ workflow_id: workflowId, event: 'reassigned' }).first();
    expect(audit.actor_name).toBe('Admin réaffectation');
    expect(audit.reason).toBe('Absence longue non déclarée');

    await journey.open(`${world.baseUrl}/administration/journal`);
    const log = await journey.main();
    expect(log).toContain('task.reassigned');
    expect(log).toContain('Absence longue non déclarée');
    expect(log).toContain('127.0.0.1');
    const csv = await (await journey.page.context().request.get(`${world.baseUrl}/administration/journal.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe('at,actor_name,action,target,details,ip');
    expect(csv).toContain('task.reassigned');
    await journey.end();
  }, 180_000);

  it('when an administrateur adds a question to the FAQ, then the « Assistance » page of the portal shows it', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin FAQ');
    const journey = await loggedIn('admin-faq', admin);
    await journey.open(`${world.baseUrl}/administration/faq`);
    await journey.page.getByLabel(/^Question \(français\)/).fill('Comment joindre la scolarité ?');
    await journey.page.getByLabel(/^Réponse \(français\)/).fill('Par le formulaire de contact de votre composante.');
    await journey.click('Ajouter une question');
    expect(await journey.main()).toContain('La question est publiée');
    await journey.open(`${world.baseUrl}/assistance`);
    const assistance = await journey.main();
    expect(assistance).toContain('Comment joindre la scolarité ?');
    expect(assistance).toContain('Par le formulaire de contact de votre composante.');
    await journey.end();
  }, 120_000);

  it('when an administrateur creates an account with roles, then deactivates it, then its open sessions end at once and a scoped role without its scope is refused beside the field', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin comptes');
    const journey = await loggedIn('admin-staff', admin);
    await journey.open(`${world.baseUrl}/administration/personnels`);
    const email = `cree.${Date.now().toString(36)}@universite.example`;
    await journey.page.getByLabel(/^Adresse mail/).fill(email);
    await journey.page.getByLabel(/^Nom affiché/).fill('Compte créé par page');
    await journey.page.getByLabel(/^Rôles et périmètres/).fill('responsable_vet');
    await journey.click('Créer un compte personnel');
    expect(await journey.main()).toContain('Rôle inconnu ou périmètre manquant');
    await journey.page.getByLabel(/^Rôles et périmètres/).fill('responsable_vet 1LINF\nwebmaster');
    await journey.click('Créer un compte personnel');
    expect(await journey.main()).toContain('Le compte est créé.');
    const created = await world.db('staff_accounts').where({ email }).first();
    expect((await world.db('staff_roles').where({ staff_id: created.id })).map((r) => `${r.role}:${r.scope}`).sort()).toEqual([
      'responsable_vet:1LINF',
      'webmaster:',
    ]);

    const victim = await createStaff(world, [{ role: 'webmaster' }], 'Compte à désactiver');
    expect((await world.api('GET', '/api/staff/me', undefined, victim.auth)).status).toBe(200);
    await journey.open(`${world.baseUrl}/administration/personnels/${victim.id}`);
    await journey.click('Désactiver ce compte (ses sessions se terminent aussitôt)');
    expect(await journey.main()).toContain('Le compte est désactivé');
    expect((await world.api('GET', '/api/staff/me', undefined, victim.auth)).status).toBe(401);
    const actions = await world.db('admin_audit_log').where({ actor_staff_id: admin.id }).orderBy('id');
    expect(actions.map((a) => a.action)).toEqual(['staff.created', 'staff.deactivated']);
    await journey.end();
  }, 120_000);

  it('when an administrateur grants a validated recruiter the right to post offers, then the right is recorded and the log names who granted it', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin droits');
    const recruiter = await activeRecruiter(world, { canPostOffers: false });
    const journey = await loggedIn('admin-offer-right', admin);
    await journey.open(`${world.baseUrl}/administration/recruteurs`);
    await journey.page
      .getByRole('row')
      .filter({ hasText: recruiter.email })
      .getByRole('button', { name: 'Autoriser Volcans Industrie à déposer des offres' })
      .click();
    await journey.page.waitForURL(`${world.baseUrl}/administration/recruteurs`);
    await journey.check();
    expect(await journey.main()).toContain('Le droit de déposer des offres est enregistré.');
    const row = await world.db('recruiter_accounts').where({ id: recruiter.id }).first();
    expect(row.can_post_offers).toBe(true);
    expect(row.offers_right_changed_by).toBe(admin.id);
    const logged = await world.db('admin_audit_log').where({ actor_staff_id: admin.id }).first();
    expect(logged).toMatchObject({ action: 'recruiter.offerPostingGranted', target: recruiter.id });
    await journey.end();
  }, 120_000);
});
