import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  candidateAccountWorkflowId,
  candidateEmailChangeWorkflowId,
  credentialRecoveryWorkflowId,
} from '../../workflows/candidateAccount/contract.js';
import { graduateRegistrationWorkflowId } from '../../workflows/graduateRegistration/contract.js';
import { jobOfferWorkflowId, offerApplicationWorkflowId } from '../../workflows/jobOffer/contract.js';
import { recruiterRegistrationWorkflowId } from '../../workflows/recruiterRegistration/contract.js';
import { trainingPreRegistrationWorkflowId } from '../../workflows/trainingPreRegistration/contract.js';
import { calmPlan, createStaff, decideByLink, decisionLinkIn, submitRequest, type TestStaff, waitUntil } from '../support/approvals.js';
import { freshBirthDate, freshCodes, graduateForm, inRegistry, validateAddress } from '../support/graduates.js';
import { historiesDir, replayFinished, replayOptions } from '../support/histories.js';
import { linkIn } from '../support/mailbox.js';
import { activeGraduate, apply, entStudent, moderate, pdfBytes, postOffer, waitForStatus } from '../support/offers.js';
import { actionWithManager, managerTasks, statusOf, submittedPreRegistration } from '../support/training.js';
import { createValidatedCandidate, followLink, login, newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Recorded histories of every outcome of every lifecycle (tests/histories/, the Temporal UI's
 * « Download » format) must keep replaying against the current workflow code: a change that would
 * break running executions fails here. Before the first release, change the code and re-record;
 * after it, see the versioning policy.
 *
 * Outcomes reached in seconds are recorded below, on the dev server; those that take the
 * configured days (expiries, purges, a session that starts) by the `*.days.test.ts` files on the
 * time-skipping test server; a few by the lifecycle's own tests. Each replays its fresh history at
 * once; `RECORD_HISTORIES=1` also writes it (see the README's « Tests » for the command).
 */
const outcomes = [
  'candidateAccount-validated',
  'candidateAccount-purged',
  'candidateAccount-abandoned',
  'credentialRecovery-password-changed',
  'credentialRecovery-expired',
  'candidateEmailChange-applied',
  'candidateEmailChange-taken',
  'candidateEmailChange-expired',
  'graduateRegistration-validated',
  'graduateRegistration-refused',
  'graduateRegistration-expired',
  'graduateRegistration-escalated-validated',
  'graduateRegistration-escalated-expired',
  'recruiterRegistration-validated',
  'recruiterRegistration-refused',
  'recruiterRegistration-expired',
  'jobOffer-published-expired',
  'jobOffer-changes-published-refused',
  'jobOffer-refused',
  'jobOffer-withdrawn',
  'jobOffer-closed-early',
  'jobOffer-unmoderated-expired',
  'jobOffer-changes-lapsed',
  'offerApplicationForward-forwarded',
  'trainingPreRegistration-refused-by-supervisor',
  'trainingPreRegistration-handed-over-accepted-completed',
  'trainingPreRegistration-refused-communicated',
  'trainingPreRegistration-waitlisted-refused-at-session',
  'trainingPreRegistration-withdrawn-while-accepted',
  'trainingPreRegistration-seat-lapsed',
  'trainingPreRegistration-seat-confirmed-completed',
  'trainingPreRegistration-withdrawn',
  'trainingPreRegistration-cancelled',
  'demoApprovalRequest-approved',
  'demoApprovalRequest-refused',
  'demoApprovalRequest-approved-after-removal',
  'demoApprovalRequest-approved-after-undeliverable',
  'graduateRegistration-form-completed-validated',
  'accountLinkRequest-no-account',
  'accountLinkRequest-recovery-started',
  'accountLinkRequest-link-resent',
  'housekeeping-completed',
];

/** The workflow id of the latest link request that ended with `outcome` (the API does not return it). */
async function linkRequestEnded(world: World, outcome: string): Promise<string> {
  const row = await waitUntil(async () =>
    world.db('lifecycle_events').where({ kind: 'accountLinkRequest', status: outcome }).orderBy('id', 'desc').first(),
  );
  return row.workflow_id as string;
}

let world: World;
let webmaster: TestStaff;
beforeAll(async () => {
  world = await startWorld();
  webmaster = await createStaff(world, [{ role: 'webmaster' }], 'Wendy Webmaster');
});
afterAll(() => world?.stop());

describe('recorded histories of every outcome', () => {
  it('when candidate accounts are validated, recovered and change address, then their fresh histories replay', async () => {
    const candidate = await createValidatedCandidate(world);
    await replayFinished(world, candidateAccountWorkflowId(candidate.accountId), 'candidateAccount-validated');

    await world.api('POST', '/api/candidates/forgotten-credentials', { email: candidate.email });
    const recovery = linkIn(await world.mailbox.waitFor(candidate.email, { subject: /Vos identifiants/ }));
    await replayFinished(world, await linkRequestEnded(world, 'recovery_started'), 'accountLinkRequest-recovery-started');
    await world.api('POST', '/api/candidates/forgotten-credentials', { email: `inconnu.${candidate.email}` });
    await replayFinished(world, await linkRequestEnded(world, 'no_account'), 'accountLinkRequest-no-account');
    const pending = newCandidate();
    await world.api('POST', '/api/candidates', pending);
    await world.mailbox.waitFor(pending.email);
    await world.api('POST', '/api/candidates/validation-link', { email: pending.email });
    await world.mailbox.waitFor(pending.email, { count: 2 });
    await replayFinished(world, await linkRequestEnded(world, 'link_resent'), 'accountLinkRequest-link-resent');
    const password = 'Nouveau-Secret-2026';
    expect((await followLink(world, recovery, { password, passwordConfirmation: password })).status).toBe(200);
    await replayFinished(world, credentialRecoveryWorkflowId(candidate.accountId), 'credentialRecovery-password-changed');

    const changeTo = async (email: string, currentPassword: string, newEmail: string) => {
      const session = await login(world, email, currentPassword);
      const auth = { authorization: `Bearer ${session.body.token}` };
      const body = { email: newEmail, emailConfirmation: newEmail, currentPassword };
      expect((await world.api('PUT', '/api/me/email', body, auth)).status).toBe(202);
      return linkIn(await world.mailbox.waitFor(newEmail));
    };
    const applied = `nouvelle.${candidate.email}`;
    expect((await followLink(world, await changeTo(candidate.email, password, applied))).status).toBe(200);
    await replayFinished(world, candidateEmailChangeWorkflowId(candidate.accountId), 'candidateEmailChange-applied');

    // The new address is taken by another account before the link is used: the old one is kept.
    const other = await createValidatedCandidate(world);
    const wanted = `convoitee.${other.email}`;
    const link = await changeTo(other.email, other.password, wanted);
    expect((await world.api('POST', '/api/candidates', newCandidate({ email: wanted }))).status).toBe(201);
    await followLink(world, link);
    await replayFinished(world, candidateEmailChangeWorkflowId(other.accountId), 'candidateEmailChange-taken');
  });

  it('when graduates are validated or refused and a recruiter is refused, then their fresh histories replay', async () => {
    for (const outcome of ['validated', 'refused'] as const) {
      const codes = freshCodes();
      const birthDate = freshBirthDate();
      await inRegistry(world, {
        lastName: 'ROUSSEAU',
        firstNames: 'Inès',
        birthDate,
        diplomas: [{ vetCode: codes.vet, composanteCode: codes.composante, year: 2016 }],
      });
      const manager = await createStaff(world, [{ role: 'responsable_vet', scope: codes.vet }], 'Responsable VET');
      const form = graduateForm({ lastName: 'Rousseau', firstNames: 'Ines', birthDate });
      const created = await world.api('POST', '/api/graduates', form);
      await validateAddress(world, form.email);
      const listed = await world.api('POST', '/api/graduates/registration/diplomas', { email: form.email, password: form.password });
      const choice = { email: form.email, password: form.password, diplomaId: listed.body.diplomas[0].id };
      await world.api('POST', '/api/graduates/registration/diploma-choice', choice);
      const asked = await world.mailbox.waitFor(manager.email, { subject: /^Décision attendue : Inscription/ });
      const decision = outcome === 'validated' ? { outcome: 'approve' } : { outcome: 'refuse', reason: 'Diplôme non reconnu' };
      expect((await decideByLink(world, decisionLinkIn(asked), decision)).status).toBe(200);
      await replayFinished(world, graduateRegistrationWorkflowId(created.body.accountId), `graduateRegistration-${outcome}`);
    }

    // Absent from the registry: the complete form is asked for by mail, then the administrateur validates.
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administrateur');
    const absent = graduateForm({ lastName: 'Absente', firstNames: 'Nora', birthDate: freshBirthDate() });
    const registered = await world.api('POST', '/api/graduates', absent);
    await validateAddress(world, absent.email);
    await world.mailbox.waitFor(absent.email, { subject: /formulaire complet/ });
    const completeForm = {
      email: absent.email,
      password: absent.password,
      phone: '04 73 00 00 00',
      postalAddress: '1 rue de l’Université, 63000 Clermont-Ferrand',
      rememberedDiploma: { title: 'Licence de chimie', year: 2002, composante: 'UFR Sciences' },
    };
    expect((await world.api('POST', '/api/graduates/registration/complete-form', completeForm)).status).toBe(202);
    const formMail = await world.mailbox.waitFor(admin.email, { subject: /Inscription de Nora Absente/ });
    expect((await decideByLink(world, decisionLinkIn(formMail), { outcome: 'approve' })).status).toBe(200);
    await replayFinished(world, graduateRegistrationWorkflowId(registered.body.accountId), 'graduateRegistration-form-completed-validated');

    const form = {
      company: { name: 'Puy Conseil', siret: '12345678900011', address: '2 place de Jaude, 63000 Clermont-Ferrand' },
      contact: { lastName: 'Garnier', firstName: 'Sophie', jobTitle: 'Chargée de recrutement' },
      email: `rh.${Date.now().toString(36)}@entreprise.example`,
      password: 'Recruteur-2026!',
      acceptTerms: true,
    };
    const created = await world.api('POST', '/api/recruiters', form);
    await validateAddress(world, form.email);
    const asked = await world.mailbox.waitFor(admin.email, { subject: /Inscription du recruteur/ });
    expect((await decideByLink(world, decisionLinkIn(asked), { outcome: 'refuse', reason: 'Entreprise inconnue' })).status).toBe(200);
    await replayFinished(world, recruiterRegistrationWorkflowId(created.body.accountId), 'recruiterRegistration-refused');
  });

  it('when offers are refused, withdrawn or closed early and an application is forwarded, then their fresh histories replay', async () => {
    const author = await activeGraduate(world);
    const refused = await postOffer(world, author.auth);
    await moderate(world, webmaster, refused.title, { outcome: 'refuse', reason: 'Hors périmètre.' });
    await replayFinished(world, jobOfferWorkflowId(refused.id), 'jobOffer-refused');

    const withdrawn = await postOffer(world, author.auth);
    await waitUntil(async () => {
      const inbox = await world.api('GET', '/api/approvals/inbox', undefined, webmaster.auth);
      return inbox.body.items?.some((i: { title: string }) => i.title.includes(withdrawn.title));
    });
    await world.api('POST', `/api/me/offers/${withdrawn.id}/withdrawal`, { reason: 'Poste pourvu' }, author.auth);
    await replayFinished(world, jobOfferWorkflowId(withdrawn.id), 'jobOffer-withdrawn');

    const closed = await postOffer(world, author.auth);
    await moderate(world, webmaster, closed.title, { outcome: 'approve' });
    await waitForStatus(world, closed.id, 'published');
    const applied = await apply(world, (await entStudent(world)).auth, closed.id, { message: 'Je suis intéressé.', cv: pdfBytes() });
    expect(applied.status).toBe(201);
    await replayFinished(world, offerApplicationWorkflowId(applied.body.id), 'offerApplicationForward-forwarded');
    await world.api('POST', `/api/me/offers/${closed.id}/withdrawal`, {}, author.auth);
    await replayFinished(world, jobOfferWorkflowId(closed.id), 'jobOffer-closed-early');
  });

  it('when a pre-registration is withdrawn and another ends with its cancelled session, then their fresh histories replay', async () => {
    const { sessionId, manager } = await actionWithManager(world);
    const withdrawn = await submittedPreRegistration(world, sessionId);
    const asked = await world.mailbox.waitFor(withdrawn.supervisorEmail, { subject: /Décision attendue/ });
    await decideByLink(world, decisionLinkIn(asked), { outcome: 'approve' });
    await managerTasks(world, manager.auth, 1);
    await waitUntil(async () => (await statusOf(world, withdrawn.id)) === 'awaiting_project_manager');
    await world.api('POST', `/api/pre-registrations/${withdrawn.id}/withdrawal`, { reason: 'Mutation' }, withdrawn.applicant.auth);
    await replayFinished(world, trainingPreRegistrationWorkflowId(withdrawn.id), 'trainingPreRegistration-withdrawn');

    const cancelled = await submittedPreRegistration(world, sessionId);
    await world.mailbox.waitFor(cancelled.supervisorEmail, { subject: /Décision attendue/ });
    const admin = await createStaff(world, [{ role: 'administrateur' }]);
    expect((await world.api('PATCH', `/api/training/sessions/${sessionId}`, { state: 'cancelled' }, admin.auth)).status).toBe(200);
    await replayFinished(world, trainingPreRegistrationWorkflowId(cancelled.id), 'trainingPreRegistration-cancelled');
  });

  it('when demonstration requests are approved in two steps or refused at the first, then their fresh histories replay', async () => {
    const requester = await createStaff(world, [], 'Camille Agent');
    for (const outcome of ['approved', 'refused'] as const) {
      const boss = `superieur.${outcome}.${Date.now().toString(36)}@entreprise.example`;
      const projectManager = `projet.${outcome}.${Date.now().toString(36)}@universite.example`;
      const { workflowId } = await submitRequest(world, requester.auth, {
        steps: [
          { step: 'superieur', approvers: [{ email: boss }], outcomes: ['approve', 'refuse'], plan: calmPlan },
          {
            step: 'charge-de-projet',
            approvers: [{ email: projectManager }],
            outcomes: ['approve', 'refuse', 'wait_list'],
            plan: calmPlan,
          },
        ],
      });
      const first = decisionLinkIn(await world.mailbox.waitFor(boss, { subject: /Décision attendue/ }));
      if (outcome === 'refused') await decideByLink(world, first, { outcome: 'refuse', reason: 'Période chargée' });
      else {
        await decideByLink(world, first, { outcome: 'approve' });
        await decideByLink(world, decisionLinkIn(await world.mailbox.waitFor(projectManager, { subject: /Décision attendue/ })), {
          outcome: 'approve',
        });
      }
      await replayFinished(world, workflowId, `demoApprovalRequest-${outcome}`);
    }
  });

  it('when a decision loses its approver (deactivated, or an address refused for good), then the fresh histories replay', async () => {
    const requester = await createStaff(world, [], 'Camille Agent');
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Administratrice');
    const scope = `VET${Date.now().toString(36).toUpperCase()}`;
    const leaving = await createStaff(world, [{ role: 'responsable_vet', scope }], 'Responsable sortant');
    const removal = await submitRequest(world, requester.auth, {
      steps: [{ step: 'validation', approvers: [{ role: 'responsable_vet', scope }], outcomes: ['approve', 'refuse'], plan: calmPlan }],
    });
    await world.mailbox.waitFor(leaving.email, { subject: /Décision attendue/ });
    expect((await world.api('PATCH', `/api/staff/${leaving.id}`, { active: false }, admin.auth)).status).toBe(200);
    const escalated = await world.mailbox.waitFor(admin.email, { subject: /Décision attendue/ });
    await decideByLink(world, decisionLinkIn(escalated), { outcome: 'approve' });
    await replayFinished(world, removal.workflowId, 'demoApprovalRequest-approved-after-removal');

    const refused = `parti.${Date.now().toString(36)}@entreprise.example`;
    const other = `present.${Date.now().toString(36)}@entreprise.example`;
    world.mailbox.rejectRecipient(refused);
    const undeliverable = await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: refused }, { email: other }], outcomes: ['approve', 'refuse'], plan: calmPlan }],
    });
    await decideByLink(world, decisionLinkIn(await world.mailbox.waitFor(other, { subject: /Décision attendue/ })), { outcome: 'approve' });
    await replayFinished(world, undeliverable.workflowId, 'demoApprovalRequest-approved-after-undeliverable');
  });

  it('when housekeeping runs, then its fresh history replays', async () => {
    const run = await world.temporal.workflow.start('housekeeping', {
      taskQueue: world.config.temporal.taskQueue,
      workflowId: `housekeeping-replay-${Date.now()}`,
      args: [{ retentionMs: 30 * 86_400_000 }],
    });
    await replayFinished(world, run.workflowId, 'housekeeping-completed');
  });

  it('when the committed histories are replayed, then every outcome is there and each still replays', async () => {
    const files = existsSync(historiesDir) ? readdirSync(historiesDir).filter((f) => f.endsWith('.json')) : [];
    expect(outcomes.filter((name) => !files.includes(`${name}.json`))).toEqual([]);
    // Same format as the Temporal UI's « Download » and `temporal workflow show --output json`.
    const recorded = files.map((file) => ({ workflowId: file, history: JSON.parse(readFileSync(join(historiesDir, file), 'utf8')) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(replayOptions(), recorded)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
