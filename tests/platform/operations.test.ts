import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOnce } from '../../activities/kit/mailing.js';
import { renderMail } from '../../mail/layout.js';
import { createSmtpMailer } from '../../mail/mailer.js';
import { candidateAccountWorkflowId } from '../../workflows/candidateAccount/contract.js';
import { linkIn } from '../support/mailbox.js';
import { createValidatedCandidate, newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.stop());

async function waitForVisibility(query: string, expected: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ids: string[] = [];
    for await (const execution of world.temporal.workflow.list({ query })) ids.push(execution.workflowId);
    if (ids.length >= expected || Date.now() > deadline) return ids;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('what operators see, and what they must never see', () => {
  it('when signups wait for validation, then an operator finds them by search attribute', async () => {
    const candidate = newCandidate();
    const created = await world.api('POST', '/api/candidates', candidate);
    await world.mailbox.waitFor(candidate.email);
    const query = `LifecycleKind = "candidateAccount" AND LifecycleStatus = "awaiting_validation" AND SubjectId = "${created.body.accountId}"`;
    expect(await waitForVisibility(query, 1)).toEqual([candidateAccountWorkflowId(created.body.accountId)]);
    const description = await world.temporal.workflow.getHandle(candidateAccountWorkflowId(created.body.accountId)).describe();
    expect(await description.staticSummary()).toBe('Compte candidat : validation de l’adresse mail');
  });

  it('when a lifecycle has run, then its history holds no password, hash, raw token, name or address', async () => {
    const candidate = await createValidatedCandidate(world);
    await world.api('POST', '/api/candidates/forgotten-credentials', { email: candidate.email });
    const recoveryLink = linkIn(await world.mailbox.waitFor(candidate.email, { subject: /Vos identifiants/ }));
    const validationLink = linkIn(world.mailbox.to(candidate.email).find((m) => /Validez/.test(m.subject))!);
    const row = await world.db('candidate_accounts').where({ id: candidate.accountId }).first();

    const handle = world.temporal.workflow.getHandle(candidateAccountWorkflowId(candidate.accountId));
    const history = JSON.stringify(await handle.fetchHistory());
    const decoded = history + Buffer.from(history).toString('base64');
    for (const secret of [
      candidate.password,
      row.password_hash,
      validationLink.split('/liens/')[1]!,
      recoveryLink.split('/liens/')[1]!,
      candidate.email,
      'Kheloufi',
    ]) {
      expect(decoded).not.toContain(secret);
      expect(history).not.toContain(Buffer.from(JSON.stringify(secret)).toString('base64'));
    }
    expect(history).toContain(candidate.accountId);
  });

  it('when a signup lifecycle starts but its account row never commits, then it ends « abandoned » without mailing anyone', async () => {
    const accountId = randomUUID();
    const handle = await world.temporal.workflow.start('candidateAccount', {
      taskQueue: world.config.temporal.taskQueue,
      workflowId: candidateAccountWorkflowId(accountId),
      args: [{ accountId, validationWindowMs: 60_000 }],
    });
    expect(await handle.result()).toBe('abandoned');
    expect(await world.db('mail_log').where('idempotency_key', 'like', `${handle.workflowId}%`)).toHaveLength(0);
  }, 90_000);

  it('when the mail activity is retried with the same key, then the mail is sent once', async () => {
    const mailer = createSmtpMailer(world.config.mail);
    const address = 'idempotence@example.org';
    const mail = { key: 'test-workflow:step-1', template: 'test', to: address, rendered: renderMail('Idempotence', ['Une seule fois.']) };
    expect(await deliverOnce({ db: world.db, mailer }, mail)).toBe('sent');
    expect(await deliverOnce({ db: world.db, mailer }, mail)).toBe('already_sent');
    await world.mailbox.waitFor(address);
    await new Promise((r) => setTimeout(r, 300));
    expect(world.mailbox.to(address)).toHaveLength(1);
    mailer.close();
  });
});
