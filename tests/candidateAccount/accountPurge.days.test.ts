import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  candidateAccountWorkflowId,
  candidateEmailChangeWorkflowId,
  credentialRecoveryWorkflowId,
} from '../../workflows/candidateAccount/contract.js';
import { replayFinished } from '../support/histories.js';
import { linkIn } from '../support/mailbox.js';
import { type DaysWorld, startTimeSkippingWorld } from '../support/timeSkipping.js';
import { createValidatedCandidate, followLink, login, newCandidate } from '../support/users.js';

/**
 * The configured windows of seed 001 (defaults: P5D to validate a new account or a new address,
 * PT1H for a « choose a new password » link), on the time-skipping test server.
 */
let world: DaysWorld;
beforeAll(async () => {
  world = await startTimeSkippingWorld();
});
afterAll(() => world?.stop());

const accountOf = async (email: string) => world.db('candidate_accounts').where({ email }).first();

describe('the five days to validate a new account (eCandidat)', () => {
  it('when the link is still unused after four days, then the account waits; on the fifth day it is purged, the candidate told, and the address free again', async () => {
    expect(world.config.lifetimes.accountValidationMs).toBe(5 * 86_400_000);
    const candidate = newCandidate();
    const created = await world.api('POST', '/api/candidates', candidate);
    const link = linkIn(await world.mailbox.waitFor(candidate.email, { subject: /Validez votre compte/ }));

    await world.skip('P4D');
    expect(await accountOf(candidate.email)).toMatchObject({ status: 'pending_validation' });
    expect(world.mailbox.to(candidate.email)).toHaveLength(1);

    await world.skip('P1D');
    await world.mailbox.waitFor(candidate.email, { subject: /a été supprimé/ });
    await replayFinished(world, candidateAccountWorkflowId(created.body.accountId), 'candidateAccount-purged');
    expect(await accountOf(candidate.email)).toBeUndefined();
    expect((await followLink(world, link)).getStatus).toBe(410);
    expect((await world.api('POST', '/api/candidates', candidate)).status).toBe(201);
  });

  it('when the candidate validates on the fourth day, then the account is active and stays so after the fifth', async () => {
    const candidate = newCandidate();
    const created = await world.api('POST', '/api/candidates', candidate);
    const link = linkIn(await world.mailbox.waitFor(candidate.email, { subject: /Validez votre compte/ }));

    await world.skip('P4D');
    expect((await followLink(world, link)).status).toBe(200);
    await world.mailbox.waitFor(candidate.email, { subject: /Votre compte est validé/ });
    await world.skip('P2D');
    expect(await world.temporal.workflow.getHandle(candidateAccountWorkflowId(created.body.accountId)).result()).toBe('validated');
    expect(await accountOf(candidate.email)).toMatchObject({ status: 'active' });
    expect((await login(world, candidate.email, candidate.password)).status).toBe(201);
  });

  it('when an account row never commits, then the lifecycle gives up after its retries and ends « abandoned » without mailing anyone', async () => {
    const accountId = randomUUID();
    const handle = await world.temporal.workflow.start('candidateAccount', {
      taskQueue: world.config.temporal.taskQueue,
      workflowId: candidateAccountWorkflowId(accountId),
      args: [{ accountId, validationWindowMs: world.config.lifetimes.accountValidationMs }],
    });
    await world.skip('PT1M'); // the retries' backoff (about half a minute) is skipped too
    expect(await handle.result()).toBe('abandoned');
    expect(await world.db('mail_log').where('idempotency_key', 'like', `${handle.workflowId}%`)).toHaveLength(0);
    await replayFinished(world, handle.workflowId, 'candidateAccount-abandoned');
  });

  it('when a new address and a « choose a new password » link are left unused, then the old address is kept after five days and the link expires after an hour', async () => {
    const candidate = await createValidatedCandidate(world);
    const session = await login(world, candidate.email, candidate.password);
    const newEmail = `nouvelle.${candidate.email}`;
    const body = { email: newEmail, emailConfirmation: newEmail, currentPassword: candidate.password };
    expect((await world.api('PUT', '/api/me/email', body, { authorization: `Bearer ${session.body.token}` })).status).toBe(202);
    await world.mailbox.waitFor(newEmail, { subject: /nouvelle adresse/ });
    await world.skip('P5D');
    await world.mailbox.waitFor(candidate.email, { subject: /abandonnée/ });
    await replayFinished(world, candidateEmailChangeWorkflowId(candidate.accountId), 'candidateEmailChange-expired');
    expect((await login(world, candidate.email, candidate.password)).status).toBe(201);

    // Last, and last of the file: once the recovery (an abandoned child of accountLinkRequest) has
    // completed, the time-skipping test server no longer skips (observed: its sleep never returns).
    await world.api('POST', '/api/candidates/forgotten-credentials', { email: candidate.email });
    await world.mailbox.waitFor(candidate.email, { subject: /Vos identifiants/ });
    await world.skip('PT1H');
    expect(await world.temporal.workflow.getHandle(credentialRecoveryWorkflowId(candidate.accountId)).result()).toBe('expired');
    await replayFinished(world, credentialRecoveryWorkflowId(candidate.accountId), 'credentialRecovery-expired');
  });
});
