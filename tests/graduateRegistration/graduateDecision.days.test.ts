import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graduateRegistrationWorkflowId } from '../../workflows/graduateRegistration/contract.js';
import { createStaff } from '../support/approvals.js';
import { freshBirthDate, freshCodes, graduateForm, inRegistry, validateAddress } from '../support/graduates.js';
import { replayFinished } from '../support/histories.js';
import { type DaysWorld, startTimeSkippingWorld } from '../support/timeSkipping.js';

/**
 * The configured plan of seed 000's graduate decision (defaults: the responsable composante is
 * asked too after P7D, the administrateur after P14D, expiry at P30D), with the real activities,
 * PostgreSQL and SMTP, on the time-skipping test server.
 */
let world: DaysWorld;
beforeAll(async () => {
  world = await startTimeSkippingWorld();
});
afterAll(() => world?.stop());

describe('seed 000 on the calendar: a graduate waiting for the managers of their diploma', () => {
  it('when every manager stays silent, then the responsable composante is asked on the 7th day, the administrateur on the 14th, and the attempt expires on the 30th', async () => {
    const codes = freshCodes();
    const birthDate = freshBirthDate();
    await inRegistry(world, {
      lastName: 'FAURE',
      firstNames: 'Léa',
      birthDate,
      diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2018 }],
    });
    const vetManager = await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'VET silencieux');
    const composanteManager = await createStaff(world, [{ role: 'responsable_composante', scope: codes.composante }], 'Composante');
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administrateur');
    const form = graduateForm({ lastName: 'Faure', firstNames: 'Lea', birthDate });
    const created = await world.api('POST', '/api/graduates', form);
    await validateAddress(world, form.email);
    const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password });
    const chosen = { email: form.email, password: form.password, diplomaId: listed.body.diplomas[0].id };
    expect((await world.api('POST', '/api/graduates/registration/diploma-choice', chosen)).status).toBe(202);
    await world.mailbox.waitFor(vetManager.email, { subject: /^Décision attendue : Inscription/ });
    const handedOn = (email: string) => world.mailbox.to(email).filter((m) => /transmise faute de réponse/.test(m.subject));

    await world.skip('P6D');
    expect(handedOn(composanteManager.email)).toHaveLength(0);
    await world.skip('P1D');
    await world.mailbox.waitFor(composanteManager.email, { subject: /transmise faute de réponse/ });
    await world.skip('P6D');
    expect(handedOn(admin.email)).toHaveLength(0);
    await world.skip('P1D');
    await world.mailbox.waitFor(admin.email, { subject: /transmise faute de réponse/ });

    await world.skip('P15D');
    expect((await world.db('graduate_accounts').where({ id: created.body.accountId }).first()).status).toBe('pending_approval');
    await world.skip('P1D');
    await world.mailbox.waitFor(form.email, { subject: /votre demande d’inscription a expiré/ });
    expect((await world.db('graduate_accounts').where({ id: created.body.accountId }).first()).status).toBe('expired');
    await replayFinished(world, graduateRegistrationWorkflowId(created.body.accountId), 'graduateRegistration-escalated-expired');
  });
});
