import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, decideByLink, decisionLinkIn, submitRequest, type TestStaff, waitUntil } from '../support/approvals.js';
import { actionWithManager, submittedPreRegistration } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Finding 5: deactivation and a password set by an administrateur end the person's sessions;
 * every authorisation reads `active`; the mailed decision link of someone deactivated decides
 * nothing; their open decisions go to the other approvers, or escalate, through `requestDecision`.
 */
let world: World;
let admin: TestStaff;
beforeAll(async () => {
  world = await startWorld();
  admin = await createStaff(world, [{ role: 'administrateur' }], 'Administratrice');
});
afterAll(() => world?.stop());

const deactivate = (staffId: string) => world.api('PATCH', `/api/staff/${staffId}`, { active: false }, admin.auth);

describe('a deactivated member of staff', () => {
  it('when a chargé de projet is deactivated, then their open session can no longer list applicants or edit a session', async () => {
    const { sessionId, manager } = await actionWithManager(world);
    await submittedPreRegistration(world, sessionId);
    const list = () => world.api('GET', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, manager.auth);
    expect((await list()).status).toBe(200);

    expect((await deactivate(manager.id)).status).toBe(200);
    expect([401, 403]).toContain((await list()).status);
    expect([401, 403]).toContain(
      (await world.api('PATCH', `/api/training/sessions/${sessionId}`, { place: 'Ailleurs' }, manager.auth)).status,
    );
    const open = await world.db('sessions').where({ principal_kind: 'staff', principal_id: manager.id }).whereNull('revoked_at');
    expect(open).toHaveLength(0);
  });

  it('when an administrateur sets a new password, then the person’s open sessions end', async () => {
    const agent = await createStaff(world, [], 'Agent nouveau mot de passe');
    expect((await world.api('GET', '/api/staff/me', undefined, agent.auth)).status).toBe(200);
    const reset = await world.api('PATCH', `/api/staff/${agent.id}`, { password: 'Nouvelle-Phrase-Personnel-2026' }, admin.auth);
    expect(reset.status).toBe(200);
    expect((await world.api('GET', '/api/staff/me', undefined, agent.auth)).status).toBe(401);
  });

  it('when the only approver of a decision is deactivated, then their link is refused and the step escalates at once to the next level', async () => {
    const scope = `VET${Date.now().toString(36).toUpperCase()}`;
    const vet = await createStaff(world, [{ role: 'responsable_vet', scope }], 'Responsable VET désactivé');
    const requester = await createStaff(world, [], 'Demandeur');
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [
        {
          step: 'validation',
          approvers: [{ role: 'responsable_vet', scope }],
          // The planned escalation is an hour away: only the deactivation can bring it now.
          plan: { deadline: 'PT2H', escalations: [{ after: 'PT1H', approvers: [{ role: 'administrateur' }] }], onDeadline: 'expire' },
        },
      ],
    });
    const link = decisionLinkIn(await world.mailbox.waitFor(vet.email, { subject: /Décision attendue/ }));

    const deactivated = await deactivate(vet.id);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.handedOver).toEqual([expect.objectContaining({ status: 200 })]);

    expect((await decideByLink(world, link, { outcome: 'approve' })).status).toBe(403);
    const task = await world.db('approval_tasks').where({ workflow_id: workflowId, approver_key: vet.key }).first();
    expect(task.status).toBe('withdrawn');
    const escalated = await world.mailbox.waitFor(admin.email, { subject: /Décision attendue/ });
    expect((await decideByLink(world, decisionLinkIn(escalated), { outcome: 'approve' })).status).toBe(200);
    await waitUntil(async () => (await world.db('approval_requests').where({ workflow_id: workflowId }).first()).status === 'decided');
  });

  it('when another person holds the role by then, then the deactivated approver’s decision goes to them', async () => {
    const scope = `VET${Date.now().toString(36).toUpperCase()}B`;
    const leaving = await createStaff(world, [{ role: 'responsable_vet', scope }], 'Responsable VET sortant');
    const requester = await createStaff(world, [], 'Demandeur bis');
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'validation', approvers: [{ role: 'responsable_vet', scope }], plan: { deadline: 'PT2H', onDeadline: 'expire' } }],
    });
    await world.mailbox.waitFor(leaving.email, { subject: /Décision attendue/ });
    const successor = await createStaff(world, [{ role: 'responsable_vet', scope }], 'Responsable VET entrant');

    expect((await deactivate(leaving.id)).status).toBe(200);
    const mail = await world.mailbox.waitFor(successor.email, { subject: /Décision attendue/ });
    expect((await decideByLink(world, decisionLinkIn(mail), { outcome: 'approve' })).status).toBe(200);
    const audit = await world.api('GET', `/api/approvals/${workflowId}/audit`, undefined, admin.auth);
    expect(audit.body.entries.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['removed', 'decided']));
  });
});
