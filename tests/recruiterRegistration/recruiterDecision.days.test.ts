import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recruiterRegistrationWorkflowId } from '../../workflows/recruiterRegistration/contract.js';
import { createStaff, waitUntil } from '../support/approvals.js';
import { validateAddress } from '../support/graduates.js';
import { replayFinished } from '../support/histories.js';
import { type DaysWorld, startTimeSkippingWorld } from '../support/timeSkipping.js';

/**
 * The configured plan of seed 000's recruiter decision (defaults: reminders after P3D then every
 * P3D, expiry at P30D), with the real activities, PostgreSQL and SMTP, on the time-skipping test server.
 */
let world: DaysWorld;
beforeAll(async () => {
  world = await startTimeSkippingWorld();
});
afterAll(() => world?.stop());

describe('seed 000 on the calendar: a recruiter waiting for the administrateur', () => {
  it('when the administrateur stays silent, then they are reminded every 3 days and after 30 days the request expires and the recruiter is told', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administrateur');
    const form = {
      company: { name: 'Volcans Industrie', siret: '12345678900011', address: '10 avenue de la République, 63000 Clermont-Ferrand' },
      contact: { lastName: 'Garnier', firstName: 'Sophie', jobTitle: 'Chargée de recrutement' },
      email: `rh.${Date.now().toString(36)}@entreprise.example`,
      password: 'Recruteur-2026!',
      acceptTerms: true,
    };
    const created = await world.api('POST', '/api/recruiters', form);
    await validateAddress(world, form.email);
    await world.mailbox.waitFor(admin.email, { subject: /^Décision attendue : Inscription du recruteur/ });

    await world.skip('P29D');
    const reminders = () => world.mailbox.to(admin.email).filter((m) => /^Rappel : décision attendue/.test(m.subject));
    await waitUntil(async () => reminders().length >= 9);
    expect(reminders()).toHaveLength(9); // days 3, 6, … 27
    expect((await world.db('recruiter_accounts').where({ id: created.body.accountId }).first()).status).toBe('pending_approval');
    await world.skip('P1D');
    await world.mailbox.waitFor(form.email, { subject: /votre demande d’inscription a expiré/ });
    expect((await world.db('recruiter_accounts').where({ id: created.body.accountId }).first()).status).toBe('expired');
    await replayFinished(world, recruiterRegistrationWorkflowId(created.body.accountId), 'recruiterRegistration-expired');
  });
});
