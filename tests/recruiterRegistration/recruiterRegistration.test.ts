import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recruiterRegistrationWorkflowId } from '../../workflows/recruiterRegistration/contract.js';
import { createStaff, decideByLink, decisionLinkIn } from '../support/approvals.js';
import { validateAddress } from '../support/graduates.js';
import { replayFinished } from '../support/histories.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

let counter = 0;
function recruiterForm(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    company: { name: `Entreprise ${counter}`, siret: '12345678900011', address: '10 avenue de la République, 63000 Clermont-Ferrand' },
    contact: { lastName: 'Garnier', firstName: 'Sophie', jobTitle: 'Chargée de recrutement' },
    email: `rh.${Date.now().toString(36)}.${counter}@entreprise.example`,
    password: 'Recruteur-2026!',
    acceptTerms: true,
    ...overrides,
  };
}
const login = (email: string, password: string) => world.api('POST', '/api/recruiters/sessions', { email, password });
const outcomeMail = (email: string, subject: RegExp) => world.mailbox.waitFor(email, { subject, timeoutMs: 30_000 });

describe('recruiter registration (seed 000, ENTREPRISES / PARTENAIRES)', () => {
  it('when « J’accepte les conditions générales d’utilisation » is not checked, then the registration is refused with 400 and nothing is stored', async () => {
    const { acceptTerms: _omitted, ...withoutTerms } = recruiterForm();
    for (const body of [withoutTerms, { ...withoutTerms, acceptTerms: false }]) {
      const answer = await world.api('POST', '/api/recruiters', body);
      expect(answer.status).toBe(400);
      expect(answer.body.fields.acceptTerms).toContain('J’accepte les conditions générales d’utilisation');
    }
    expect(await world.db('recruiter_accounts').where({ email: withoutTerms.email })).toHaveLength(0);
  });

  it('when the person accepted a version of the terms older than the one in force, then the registration is refused (410) and nothing is stored', async () => {
    const form = { ...recruiterForm(), termsVersion: 'version-retiree' };
    const answer = await world.api('POST', '/api/recruiters', form);
    expect(answer.status).toBe(410);
    expect(answer.body.fields.acceptTerms).toBeTruthy();
    expect(await world.db('recruiter_accounts').where({ email: form.email })).toHaveLength(0);
  });

  it('when the administrateur validates, then the recruiter logs in without the right to post offers, until an administrateur grants it (who and when recorded)', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin recruteurs');
    // The full text of the version in force is what the person reads and accepts.
    const terms = await world.api('GET', '/api/recruiters/terms');
    expect(terms.status).toBe(200);
    expect(terms.body.text).toContain("Conditions générales d'utilisation");
    const form = { ...recruiterForm(), termsVersion: terms.body.version };
    const created = await world.api('POST', '/api/recruiters', form);
    expect(created.status).toBe(201);
    expect(created.body.termsVersion).toBe(terms.body.version);
    const row = await world.db('recruiter_accounts').where({ id: created.body.accountId }).first();
    expect(row.terms_accepted_at).toBeInstanceOf(Date);

    expect((await validateAddress(world, form.email)).html).toContain('transmise à l’administrateur');
    const pending = await login(form.email, form.password);
    expect(pending.status).toBe(403);
    expect(pending.body.message).toContain('en attente de validation');

    const mail = await world.mailbox.waitFor(admin.email, { subject: /Inscription du recruteur/ });
    expect(mail.text).toContain(form.company.name);
    expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'approve' })).status).toBe(200);
    const welcome = await outcomeMail(form.email, /votre inscription est validée/);
    expect(welcome.text).toContain('sans dépôt d’offres');

    const session = await login(form.email, form.password);
    expect(session.status).toBe(201);
    const auth = { authorization: `Bearer ${session.body.token}` };
    const me = await world.api('GET', '/api/recruiters/me', undefined, auth);
    expect(me.body).toMatchObject({ status: 'active', canPostOffers: false, termsVersion: terms.body.version, offersRightChangedAt: null });

    const notAdmin = await createStaff(world, [{ role: 'webmaster' }], 'Webmaster');
    expect(
      (await world.api('PUT', `/api/recruiters/${created.body.accountId}/offer-posting`, { allowed: true }, notAdmin.auth)).status,
    ).toBe(403);
    expect((await world.api('PUT', `/api/recruiters/${created.body.accountId}/offer-posting`, { allowed: true }, auth)).status).toBe(403);
    const granted = await world.api('PUT', `/api/recruiters/${created.body.accountId}/offer-posting`, { allowed: true }, admin.auth);
    expect(granted.status).toBe(200);
    expect(granted.body.canPostOffers).toBe(true);
    expect((await world.api('GET', '/api/recruiters/me', undefined, auth)).body.canPostOffers).toBe(true);
    const after = await world.db('recruiter_accounts').where({ id: created.body.accountId }).first();
    expect(after.offers_right_changed_by).toBe(admin.id);
    expect(after.offers_right_changed_at).toBeInstanceOf(Date);
    await replayFinished(world, recruiterRegistrationWorkflowId(created.body.accountId), 'recruiterRegistration-validated');
  });

  it('when the administrateur refuses, then the reason is mailed and the address can register again', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Admin refus recruteurs');
    const form = recruiterForm();
    expect((await world.api('POST', '/api/recruiters', form)).status).toBe(201);
    expect((await world.api('POST', '/api/recruiters', form)).status).toBe(409);
    await validateAddress(world, form.email);
    const mail = await world.mailbox.waitFor(admin.email, { subject: /Inscription du recruteur/ });
    expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'refuse', reason: 'Entreprise inconnue' })).status).toBe(200);
    expect((await outcomeMail(form.email, /votre inscription est refusée/)).text).toContain('Entreprise inconnue');
    expect((await login(form.email, form.password)).body.message).toContain('refusée');
    expect((await world.api('POST', '/api/recruiters', form)).status).toBe(201);
  });

  it('when the password is wrong too often, then login is throttled like the candidates’ (429), even with the right password', async () => {
    const form = recruiterForm();
    expect((await world.api('POST', '/api/recruiters', form)).status).toBe(201);
    for (let i = 0; i < world.config.login.maxFailures; i++) expect((await login(form.email, 'Mauvais-2026!')).status).toBe(401);
    const throttled = await login(form.email, form.password);
    expect(throttled.status).toBe(429);
    expect(throttled.body.message).toContain('Trop de tentatives');
  });
});
