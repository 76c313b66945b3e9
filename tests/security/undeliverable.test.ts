import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateAccountWorkflowId } from '../../workflows/candidateAccount/contract.js';
import { approvalStateQuery } from '../../workflows/kit/approval/contract.js';
import { MailUndeliverable } from '../../workflows/kit/searchAttributes.js';
import { createStaff, submitRequest, type TestStaff, waitUntil } from '../support/approvals.js';
import { newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Finding 12: a real SMTP server answers 550 for one address. The mail is not retried for ever:
 * the address is recorded as undeliverable, the lifecycle goes on (the step's other approvers,
 * else escalation), and operators see it (table, search attribute, audit).
 */
let world: World;
let requester: TestStaff;
let admin: TestStaff;
beforeAll(async () => {
  world = await startWorld();
  requester = await createStaff(world, [], 'Demandeur');
  admin = await createStaff(world, [{ role: 'administrateur' }], 'Administratrice');
});
afterAll(() => world?.stop());

let n = 0;
const address = (who: string) => `${who}.${Date.now().toString(36)}.${++n}@entreprise.example`;

describe('a recipient refused for good (SMTP 550)', () => {
  it('when one of two approvers’ address is refused, then the other is still asked, and the refusal is recorded and visible', async () => {
    const refused = address('parti');
    const other = address('present');
    world.mailbox.rejectRecipient(refused);
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: refused }, { email: other }], plan: { deadline: 'PT1H', onDeadline: 'expire' } }],
    });
    await world.mailbox.waitFor(other, { subject: /Décision attendue/ });

    const recorded = await waitUntil(async () => world.db('undeliverable_addresses').where({ address: refused }).first());
    expect(recorded.smtp_code).toBe(550);
    expect(await world.db('mail_log').where({ recipient: refused }).whereNotNull('undeliverable_at')).toHaveLength(1);
    const handle = world.temporal.workflow.getHandle(workflowId);
    await waitUntil(async () => (await handle.describe()).typedSearchAttributes.get(MailUndeliverable) === true);
    const state = await handle.query(approvalStateQuery);
    expect(state?.history.map((h) => h.event)).toEqual(expect.arrayContaining(['mail_undeliverable', 'removed']));
    const otherParty = await world.db('external_parties').where({ email: other }).first();
    expect(state?.notified.map((a) => a.key)).toEqual([`party:${otherParty.id}`]);
    const audit = await world.api('GET', `/api/approvals/${workflowId}/audit`, undefined, requester.auth);
    expect(audit.body.entries.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['mail_undeliverable', 'removed']));
  });

  it('when the only approver’s address is refused, then the step escalates at once (to the administrateurs when no level is planned)', async () => {
    const refused = address('inconnu');
    world.mailbox.rejectRecipient(refused);
    await submitRequest(world, requester.auth, {
      title: 'Demande au supérieur introuvable',
      steps: [{ step: 'superieur', approvers: [{ email: refused }], plan: { deadline: 'PT1H', onDeadline: 'expire' } }],
    });
    const mail = await world.mailbox.waitFor(admin.email, { subject: /Décision attendue/ });
    expect(mail.text).toContain('Demande au supérieur introuvable');
  });

  it('when a candidate’s own address is refused, then the mail is not retried for ever: the activity completes and the lifecycle waits for its deadline', async () => {
    const candidate = newCandidate({ email: address('candidat') });
    world.mailbox.rejectRecipient(candidate.email);
    const created = await world.api('POST', '/api/candidates', candidate);
    expect(created.status).toBe(201);
    await waitUntil(async () => world.db('mail_log').where({ recipient: candidate.email }).whereNotNull('undeliverable_at').first());
    const handle = world.temporal.workflow.getHandle(candidateAccountWorkflowId(created.body.accountId));
    await waitUntil(async () => {
      const description = await handle.describe();
      return description.status.name === 'RUNNING' && (description.raw.pendingActivities ?? []).length === 0;
    });
  });
});
