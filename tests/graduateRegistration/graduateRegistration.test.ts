import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graduateRegistrationWorkflowId } from '../../workflows/graduateRegistration/contract.js';
import { approvalStateQuery } from '../../workflows/kit/approval/contract.js';
import { createStaff, decideByLink, decisionLinkIn, waitUntil } from '../support/approvals.js';
import {
  decisionMail,
  freshBirthDate,
  freshCodes,
  graduateForm,
  inRegistry,
  registryMatchOf,
  validateAddress,
} from '../support/graduates.js';
import { managerTasks } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

const outcomeMail = (email: string, subject: RegExp) => world.mailbox.waitFor(email, { subject, timeoutMs: 30_000 });
const login = (email: string, password: string) => world.api('POST', '/api/graduates/sessions', { email, password });

describe('graduate registration (seed 000, « Profils diplômés »)', () => {
  it('when a graduate present in the registry (typed without accents, birth name, one first name) picks their diploma, then the responsable VET validates by link and the account joins the composante and VET groups', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: 'DUPONT-LEFÈVRE',
      birthName: 'LEFÈVRE',
      firstNames: 'Élodie Marie',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2017, vetLabel: 'Licence Lettres' }],
    });
    const vetManager = await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'Responsable VET');
    const composanteManager = await createStaff(
      world,
      [{ role: 'responsable_composante', scope: codes.composante }],
      'Responsable composante',
    );

    const form = graduateForm({ lastName: 'lefevre', firstNames: 'elodie', birthDate });
    const created = await world.api('POST', '/api/graduates', form);
    expect(created.status).toBe(201);
    expect(await registryMatchOf(world, created.body.accountId)).toBe('present');

    // Before the address is validated, neither the diplomas nor a login.
    expect((await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password })).status).toBe(
      409,
    );
    const early = await login(form.email, form.password);
    expect(early.status).toBe(403);
    expect(early.body.message).toContain('adresse mail n’a pas encore été validée');

    const validated = await validateAddress(world, form.email);
    expect(validated.status).toBe(200);
    expect(validated.html).toContain('/diplomes/inscription/diplome');
    await outcomeMail(form.email, /choisissez votre diplôme/);

    const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password });
    expect(listed.status).toBe(200);
    expect(listed.body.diplomas).toEqual([
      expect.objectContaining({ vetCode: codes.vet, composanteCode: codes.composante, year: 2017, vetLabel: 'Licence Lettres' }),
    ]);
    const chosen = await world.api('POST', '/api/graduates/registration/diploma-choice', {
      email: form.email,
      password: form.password,
      diplomaId: listed.body.diplomas[0].id,
    });
    expect(chosen.status).toBe(202);
    const again = await world.api('POST', '/api/graduates/registration/diploma-choice', {
      email: form.email,
      password: form.password,
      diplomaId: listed.body.diplomas[0].id,
    });
    expect(again.status).toBe(409);

    // The most specific manager is asked first; the composante only on escalation.
    const mail = await decisionMail(world, vetManager.email);
    expect(mail.text).toContain('Licence Lettres');
    expect(world.mailbox.to(composanteManager.email)).toHaveLength(0);
    const decided = await decideByLink(world, decisionLinkIn(mail), { outcome: 'approve' });
    expect(decided.status).toBe(200);

    const welcome = await outcomeMail(form.email, /votre compte est validé/);
    expect(welcome.text).toContain(`composante ${codes.composante}`);
    expect(welcome.text).toContain(`formation (VET) ${codes.vet}`);
    const session = await login(form.email, form.password);
    expect(session.status).toBe(201);
    const me = await world.api('GET', '/api/graduates/me', undefined, { authorization: `Bearer ${session.body.token}` });
    expect(me.body).toMatchObject({
      status: 'active',
      groups: [
        { kind: 'composante', code: codes.composante },
        { kind: 'vet', code: codes.vet },
      ],
    });
    // A graduate session is not a candidate's.
    expect((await world.api('GET', '/api/me', undefined, { authorization: `Bearer ${session.body.token}` })).status).toBe(403);
  });

  it('when a present graduate does not find their diploma, then the responsable composante validates in the inbox and the account joins the composante group only', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: "N'DIAYE",
      firstNames: 'Aïcha',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2019 }],
    });
    const composanteManager = await createStaff(
      world,
      [{ role: 'responsable_composante', scope: codes.composante }],
      'Responsable composante',
    );
    const form = graduateForm({ lastName: 'Ndiaye', firstNames: 'AICHA', birthDate });
    const created = await world.api('POST', '/api/graduates', form);
    expect(await registryMatchOf(world, created.body.accountId)).toBe('present');
    await validateAddress(world, form.email);

    const notMine = await world.api('POST', '/api/graduates/registration/diploma-choice', {
      email: form.email,
      password: form.password,
      diplomaId: '00000000-0000-4000-8000-000000000000',
    });
    expect(notMine.status).toBe(404);
    const chosen = await world.api('POST', '/api/graduates/registration/diploma-choice', {
      email: form.email,
      password: form.password,
      notFound: true,
      composanteCode: codes.composante,
      title: 'DU Journalisme',
      year: 2020,
    });
    expect(chosen.status).toBe(202);

    const [task] = await managerTasks(world, composanteManager.auth, 1);
    expect(task!.title).toContain('AICHA Ndiaye');
    // The declared title reaches the approver from PostgreSQL (the lifecycle carries only its id).
    expect((task as unknown as { details: Record<string, string> }).details['Diplôme déclaré']).toBe('DU Journalisme (2020)');
    const decided = await world.api(
      'POST',
      `/api/approvals/inbox/${task!.taskId}/decision`,
      { outcome: 'approve' },
      composanteManager.auth,
    );
    expect(decided.status).toBe(200);

    const welcome = await outcomeMail(form.email, /votre compte est validé/);
    expect(welcome.text).toContain(`composante ${codes.composante}`);
    expect(welcome.text).not.toContain('formation (VET)');
    const groups = await world
      .db('graduate_groups')
      .where({ graduate_id: (await world.db('graduate_accounts').where({ email: form.email }).first()).id });
    expect(groups.map((g: { group_kind: string; code: string }) => `${g.group_kind}:${g.code}`)).toEqual([
      `composante:${codes.composante}`,
    ]);
  });

  it('when nobody holds the responsable VET role for the diploma, then the responsable composante is asked at once', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: 'DE LA FONTAINE',
      firstNames: 'Loïc',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2013 }],
    });
    const composanteManager = await createStaff(
      world,
      [{ role: 'responsable_composante', scope: codes.composante }],
      'Composante sans VET',
    );
    const form = graduateForm({ lastName: 'Fontaine', firstNames: 'Loic', birthDate });
    const created = await world.api('POST', '/api/graduates', form);
    expect(await registryMatchOf(world, created.body.accountId)).toBe('present');
    await validateAddress(world, form.email);
    const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password });
    await world.api('POST', '/api/graduates/registration/diploma-choice', {
      email: form.email,
      password: form.password,
      diplomaId: listed.body.diplomas[0].id,
    });

    const mail = await decisionMail(world, composanteManager.email);
    expect(mail.subject).toMatch(/^Décision attendue : /);
    const state = await world.temporal.workflow.getHandle(graduateRegistrationWorkflowId(created.body.accountId)).query(approvalStateQuery);
    expect(state?.approvers).toEqual([{ role: 'responsable_composante', scope: codes.composante }]);
    expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'approve' })).status).toBe(200);
    await outcomeMail(form.email, /votre compte est validé/);
  });

  it('when the person is absent from the registry, then the answer is the same as for someone present, the mail leads to the complete form, and the administrateur decides', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administratrice');
    const codes = freshCodes();
    const presentBirthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: 'PRÉSENTE',
      firstNames: 'Anne',
      birthDate: presentBirthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2010 }],
    });
    const present = await world.api(
      'POST',
      '/api/graduates',
      graduateForm({ lastName: 'Présente', firstNames: 'Anne', birthDate: presentBirthDate }),
    );
    const form = graduateForm({ lastName: 'Inconnu', firstNames: 'Personne', birthDate: freshBirthDate() });
    const created = await world.api('POST', '/api/graduates', form);
    // Issue 12, finding 4: nothing in the answer tells whether the person is in the registry.
    expect(created.status).toBe(201);
    expect(present.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(Object.keys(present.body).sort());
    expect(created.body.message).toBe(present.body.message);
    expect(await registryMatchOf(world, created.body.accountId)).toBe('absent');

    const instructions = await world.mailbox.waitFor(form.email, { subject: /validez votre adresse mail/ });
    expect(instructions.text).toContain('formulaire complet');
    const validated = await validateAddress(world, form.email);
    expect(validated.html).toContain('/diplomes/inscription/formulaire');
    await outcomeMail(form.email, /remplissez le formulaire complet/);

    const credentials = { email: form.email, password: form.password };
    const incomplete = await world.api('POST', '/api/graduates/registration/complete-form', { ...credentials, phone: '' });
    expect(incomplete.status).toBe(400);
    expect(Object.keys(incomplete.body.fields)).toEqual(expect.arrayContaining(['phone', 'postalAddress']));
    const sent = await world.api('POST', '/api/graduates/registration/complete-form', {
      ...credentials,
      phone: '04 73 00 00 00',
      postalAddress: '1 rue de l’Université, 63000 Clermont-Ferrand',
      rememberedDiploma: { title: 'Maîtrise de chimie', year: 1998, composante: 'UFR Sciences' },
    });
    expect(sent.status).toBe(202);

    const mail = await decisionMail(world, admin.email);
    expect(mail.text).toContain('Maîtrise de chimie (1998)');
    expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'approve' })).status).toBe(200);
    await outcomeMail(form.email, /votre compte est validé/);
    expect((await login(form.email, form.password)).status).toBe(201);
  });

  it('when a registry person already validated registers again, then they are told so by mail, greeted by the registry’s name, and no second account is made', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: 'SCHÄFER',
      firstNames: 'JÜRGEN',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2008 }],
    });
    const manager = await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'Responsable VET doublon');
    const first = graduateForm({ lastName: 'Schäfer', firstNames: 'jürgen', birthDate });
    const created = await world.api('POST', '/api/graduates', first);
    expect(await registryMatchOf(world, created.body.accountId)).toBe('present');
    const instructions = await world.mailbox.waitFor(first.email, { subject: /validez votre adresse mail/ });
    expect(instructions.text).toContain('Bonjour Jürgen,');
    await validateAddress(world, first.email);
    const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: first.email, password: first.password });
    await world.api('POST', '/api/graduates/registration/diploma-choice', {
      email: first.email,
      password: first.password,
      diplomaId: listed.body.diplomas[0].id,
    });
    expect((await decideByLink(world, decisionLinkIn(await decisionMail(world, manager.email)), { outcome: 'approve' })).status).toBe(200);
    await outcomeMail(first.email, /votre compte est validé/);

    const again = graduateForm({ lastName: 'SCHAFER', firstNames: 'Jurgen', birthDate });
    const second = await world.api('POST', '/api/graduates', again);
    expect(second.status).toBe(201);
    const told = await outcomeMail(again.email, /vous avez déjà un compte/);
    expect(told.text).toContain('Bonjour Jürgen,');
    await waitUntil(async () => (await world.db('graduate_accounts').where({ id: second.body.accountId }).first()).status === 'duplicate');
    const person = (await world.db('graduate_accounts').where({ id: created.body.accountId }).first()).registry_graduate_id;
    expect((await world.db('graduate_accounts').where({ registry_graduate_id: person, status: 'active' })).length).toBe(1);
    expect((await world.db('graduate_accounts').where({ status: 'active', email: again.email })).length).toBe(0);
  });

  it('when the registration is refused, then the reason is mailed, login says so, and the same address can register again', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administrateur refus');
    const identity = {
      lastName: 'Refusé',
      firstNames: 'Paul',
      birthDate: freshBirthDate(),
      phone: '0600000000',
      postalAddress: 'Quelque part',
      rememberedDiploma: { title: 'Licence', year: 2001, composante: 'IUT' },
    };
    const form = graduateForm(identity);
    expect((await world.api('POST', '/api/graduates', form)).status).toBe(201);
    // One pending registration per address.
    expect((await world.api('POST', '/api/graduates', form)).status).toBe(409);
    await validateAddress(world, form.email);

    const mail = await decisionMail(world, admin.email);
    expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'refuse', reason: 'Aucune trace de ce diplôme' })).status).toBe(200);
    const refusal = await outcomeMail(form.email, /votre inscription est refusée/);
    expect(refusal.text).toContain('Aucune trace de ce diplôme');
    const denied = await login(form.email, form.password);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('refusée');

    const retry = await world.api('POST', '/api/graduates', form);
    expect(retry.status).toBe(201);
    expect(retry.body.accountId).not.toBe((await world.db('graduate_accounts').where({ email: form.email, status: 'refused' }).first()).id);
    await validateAddress(world, form.email, /validez votre adresse mail/);
  });

  it('when several graduates match, then the person picks a diploma; one held by both homonyms goes to the administrateur, who validates', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(
      world,
      {
        lastName: 'BERNARDIN',
        firstNames: 'Marie',
        birthDate,
        diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2016 }],
      },
      {
        lastName: 'BERNARDIN',
        firstNames: 'Marie Claire',
        birthDate,
        diplomas: [
          { vetCode: codes.vet, composanteCode: codes.composante, year: 2016 },
          { vetCode: codes.otherVet, composanteCode: codes.composante, year: 2018 },
        ],
      },
    );
    await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'Responsable VET homonymes');
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administrateur homonymes');
    const form = graduateForm({ lastName: 'Bernardin', firstNames: 'Marie', birthDate });
    const created = await world.api('POST', '/api/graduates', form);
    expect(await registryMatchOf(world, created.body.accountId)).toBe('ambiguous');
    await validateAddress(world, form.email);

    // Both people's diplomas, one line per VET and year, and nothing else about them.
    const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password });
    expect(listed.body.diplomas.map((d: { vetCode: string; year: number }) => `${d.vetCode}/${d.year}`).sort()).toEqual(
      [`${codes.vet}/2016`, `${codes.otherVet}/2018`].sort(),
    );
    const shared = listed.body.diplomas.find((d: { vetCode: string }) => d.vetCode === codes.vet);
    expect(
      (
        await world.api('POST', '/api/graduates/registration/diploma-choice', {
          email: form.email,
          password: form.password,
          diplomaId: shared.id,
        })
      ).status,
    ).toBe(202);

    const mail = await decisionMail(world, admin.email);
    expect(mail.text).toContain('à départager');
    const handle = world.temporal.workflow.getHandle(graduateRegistrationWorkflowId(created.body.accountId));
    expect((await handle.query(approvalStateQuery))?.approvers).toEqual([{ role: 'administrateur' }]);
    expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'approve' })).status).toBe(200);
    await outcomeMail(form.email, /votre compte est validé/);
    await waitUntil(async () => (await world.db('graduate_accounts').where({ id: created.body.accountId }).first()).status === 'active');
  });
});
