import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graduateRegistrationWorkflowId } from '../../workflows/graduateRegistration/contract.js';
import { approvalStateQuery } from '../../workflows/kit/approval/contract.js';
import { createStaff, decideByLink, decisionLinkIn } from '../support/approvals.js';
import { freshBirthDate, freshCodes, graduateForm, inRegistry, validateAddress } from '../support/graduates.js';
import { replayFinished } from '../support/histories.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  // The escalation plan is data: seconds here, days in production.
  world = await startWorld({
    GRADUATE_ESCALATE_TO_COMPOSANTE: 'PT2S',
    GRADUATE_ESCALATE_TO_ADMIN: 'PT5S',
    GRADUATE_DECISION_DEADLINE: 'PT2M',
    GRADUATE_DIPLOMA_CHOICE_WINDOW: 'PT6S',
  });
});
afterAll(async () => {
  await world?.stop();
});

describe('graduate registration: escalation from the most specific manager up to the administrateur', () => {
  it('when the responsable VET stays silent, then the responsable composante and later the administrateur are asked, and the administrateur decides', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: 'LE GOFF',
      firstNames: 'Jean-Baptiste Louis',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2011 }],
    });
    const vetManager = await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'VET silencieux');
    const composanteManager = await createStaff(
      world,
      [{ role: 'responsable_composante', scope: codes.composante }],
      'Composante silencieuse',
    );
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin escalade');

    const form = graduateForm({ lastName: 'Legoff', firstNames: 'jean baptiste', birthDate });
    const created = await world.api('POST', '/api/graduates', form);
    expect(created.status).toBe(201);
    await validateAddress(world, form.email);
    const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password });
    await world.api('POST', '/api/graduates/registration/diploma-choice', {
      email: form.email,
      password: form.password,
      diplomaId: listed.body.diplomas[0].id,
    });

    const first = await world.mailbox.waitFor(vetManager.email, { subject: /Décision attendue : Inscription/ });
    const second = await world.mailbox.waitFor(composanteManager.email, { subject: /transmise faute de réponse/, timeoutMs: 30_000 });
    const third = await world.mailbox.waitFor(admin.email, { subject: /transmise faute de réponse/, timeoutMs: 30_000 });
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(1500);
    expect(third.receivedAt).toBeGreaterThan(second.receivedAt);

    const state = await world.temporal.workflow.getHandle(graduateRegistrationWorkflowId(created.body.accountId)).query(approvalStateQuery);
    expect(state?.escalationLevel).toBe(2);
    expect(state?.approvers).toEqual([
      { role: 'responsable_vet', scope: codes.vet },
      { role: 'responsable_composante', scope: codes.composante },
      { role: 'administrateur' },
    ]);

    expect((await decideByLink(world, decisionLinkIn(third), { outcome: 'approve' })).status).toBe(200);
    const welcome = await world.mailbox.waitFor(form.email, { subject: /votre compte est validé/, timeoutMs: 30_000 });
    expect(welcome.text).toContain(codes.vet);
    // Everyone asked is told the request is settled; the VET manager's old link no longer decides.
    expect((await decideByLink(world, decisionLinkIn(first), { outcome: 'refuse', reason: 'trop tard' })).status).not.toBe(200);
    await replayFinished(world, graduateRegistrationWorkflowId(created.body.accountId), 'graduateRegistration-escalated-validated');
  });

  it('when a graduate present in the registry never picks a diploma, then the attempt expires, is mailed, and the address is free again', async () => {
    const birthDate = freshBirthDate();
    const codes = freshCodes();
    await inRegistry(world, {
      lastName: 'CŒUR',
      firstNames: 'Benoît',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2014 }],
    });
    const form = graduateForm({ lastName: 'Coeur', firstNames: 'Benoit', birthDate });
    const created = await world.api('POST', '/api/graduates', form);
    await validateAddress(world, form.email);
    await world.mailbox.waitFor(form.email, { subject: /a expiré/, timeoutMs: 30_000 });
    expect((await world.db('graduate_accounts').where({ id: created.body.accountId }).first()).status).toBe('expired');
    expect((await world.api('POST', '/api/graduates/sessions', { email: form.email, password: form.password })).body.message).toContain(
      'expiré',
    );
    expect((await world.api('POST', '/api/graduates', form)).status).toBe(201);
    await replayFinished(world, graduateRegistrationWorkflowId(created.body.accountId), 'graduateRegistration-expired');
  });
});
