import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calmPlan, createStaff, submitRequest, waitUntil, type TestStaff } from './support/approvals.js';
import { startWorld, type World } from './support/world.js';

let world: World;
let requester: TestStaff;
beforeAll(async () => {
  world = await startWorld();
  requester = await createStaff(world, [], 'Camille Agent');
});
afterAll(() => world?.stop());

const inboxOf = async (who: TestStaff) => (await world.api('GET', '/api/approvals/inbox', undefined, who.auth)).body;

describe('the inbox of pending decisions', () => {
  it('when a chargé de projet has three requests, then the inbox counts them, shows one, and a bulk decision answers per item', async () => {
    const manager = await createStaff(world, [{ role: 'charge_de_projet', scope: 'FC-INBOX' }], 'Sophie Projet');
    const elsewhere = await createStaff(world, [{ role: 'charge_de_projet', scope: 'FC-AUTRE' }], 'Autre Projet');
    const step = { step: 'charge-de-projet', approvers: [{ role: 'charge_de_projet', scope: 'FC-INBOX' }], outcomes: ['approve', 'refuse', 'wait_list'], plan: calmPlan };
    const requests = [];
    for (const title of ['Excel avancé', 'Anglais B2', 'Gestion de projet']) requests.push(await submitRequest(world, requester.auth, { title: `Pré-inscription à « ${title} »`, steps: [step] }));

    const inbox = await waitUntil(async () => {
      const body = await inboxOf(manager);
      return body.total === 3 && body;
    });
    expect(inbox.counts).toEqual({ demoApprovalRequest: 3 });
    expect(inbox.items[0]).toMatchObject({ requester: 'Camille Agent', outcomes: ['approve', 'refuse', 'wait_list'], onBehalfOf: null });
    expect((await inboxOf(elsewhere)).total).toBe(0);

    const [first, second, third] = inbox.items.map((i: { taskId: string }) => i.taskId);
    const one = await world.api('GET', `/api/approvals/inbox/${first}`, undefined, manager.auth);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ status: 'pending', details: { Session: '12 mars 2026' } });
    // Another approver's task is not found, whoever asks (no id guessing).
    expect((await world.api('GET', `/api/approvals/inbox/${first}`, undefined, elsewhere.auth)).status).toBe(404);

    const unknown = randomUUID();
    const bulk = await world.api(
      'POST',
      '/api/approvals/inbox/decisions',
      {
        items: [
          { taskId: first, outcome: 'approve', comment: 'OK' },
          { taskId: second, outcome: 'refuse' },
          { taskId: third, outcome: 'wait_list', comment: 'Session complète' },
          { taskId: unknown, outcome: 'approve' },
          { taskId: first, outcome: 'refuse', reason: 'Changement d’avis' },
        ],
      },
      manager.auth,
    );
    expect(bulk.status).toBe(200);
    expect(bulk.body.decided).toBe(2);
    expect(bulk.body.results.map((r: { status: number }) => r.status)).toEqual([200, 400, 200, 404, 409]);
    expect(bulk.body.results[1].message).toBe('Le motif du refus est obligatoire.');
    expect(bulk.body.results[4].message).toMatch(/déjà été approuvée par Sophie Projet le/);

    expect((await inboxOf(manager)).total).toBe(1);
    const outcomes = await Promise.all(requests.map(async (r) => (await world.db('approval_requests').where({ workflow_id: r.workflowId }).first()).outcome));
    expect(outcomes.sort()).toEqual(['approve', 'wait_list', null].sort());
  });

  it('when someone outside the any-of set decides through the API, then the workflow refuses with 403', async () => {
    const vet = await createStaff(world, [{ role: 'responsable_vet', scope: 'VET-A' }], 'Vet A');
    const { workflowId } = await submitRequest(world, requester.auth, { steps: [{ step: 'vet', approvers: [{ role: 'responsable_vet', scope: 'VET-A' }], plan: calmPlan }] });
    const taskId = await waitUntil(async () => (await inboxOf(vet)).items[0]?.taskId as string | undefined);
    const intruder = await createStaff(world, [{ role: 'responsable_vet', scope: 'VET-B' }], 'Vet B');
    await world.db('approval_tasks').where({ id: taskId }).update({ staff_id: intruder.id });
    const refused = await world.api('POST', `/api/approvals/inbox/${taskId}/decision`, { outcome: 'approve' }, intruder.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Vous ne faites pas partie des personnes pouvant décider de cette demande.');
    expect((await world.db('approval_requests').where({ workflow_id: workflowId }).first()).status).toBe('pending');
  });
});

describe('delegation during an absence', () => {
  it('when an approver declares an absence with hand-over, then pending and new tasks go to the delegate, and the audit names both', async () => {
    const absent = await createStaff(world, [{ role: 'responsable_composante', scope: 'UFR-DELEG' }], 'Marc Absent');
    const delegate = await createStaff(world, [], 'Inès Déléguée');
    const step = { step: 'composante', approvers: [{ role: 'responsable_composante', scope: 'UFR-DELEG' }], plan: calmPlan };
    const before = await submitRequest(world, requester.auth, { title: 'Demande avant l’absence', steps: [step] });
    await world.mailbox.waitFor(absent.email, { subject: /Décision attendue/ });

    const declared = await world.api(
      'POST',
      '/api/staff/me/absences',
      { startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(), delegateId: delegate.id, handOverPending: true },
      absent.auth,
    );
    expect(declared.status).toBe(201);
    expect(declared.body.handedOver).toEqual([{ taskId: expect.any(String), status: 200 }]);
    expect((await inboxOf(absent)).total).toBe(0);
    const handed = await world.mailbox.waitFor(delegate.email, { subject: /délégation/ });
    expect(handed.text).toContain('en remplacement de Marc Absent');

    const during = await submitRequest(world, requester.auth, { title: 'Demande pendant l’absence', steps: [step] });
    const delegateInbox = await waitUntil(async () => {
      const body = await inboxOf(delegate);
      return body.total === 2 && body;
    });
    expect(delegateInbox.items.map((i: { onBehalfOf: string }) => i.onBehalfOf)).toEqual(['Marc Absent', 'Marc Absent']);
    expect(world.mailbox.to(absent.email)).toHaveLength(1);

    for (const item of delegateInbox.items) {
      expect((await world.api('POST', `/api/approvals/inbox/${item.taskId}/decision`, { outcome: 'approve', comment: 'Par délégation' }, delegate.auth)).status).toBe(200);
    }
    for (const { workflowId } of [before, during]) expect((await world.temporal.workflow.getHandle(workflowId).result()).outcome).toBe('approve');

    const audit = (await world.api('GET', `/api/approvals/${before.workflowId}/audit`, undefined, delegate.auth)).body.entries;
    expect(audit.find((e: { event: string }) => e.event === 'handed_over')).toMatchObject({ actor_name: 'Inès Déléguée', on_behalf_of_name: 'Marc Absent' });
    expect(audit.find((e: { event: string }) => e.event === 'decided')).toMatchObject({ actor_name: 'Inès Déléguée', on_behalf_of_name: 'Marc Absent', channel: 'inbox', outcome: 'approve', comment: 'Par délégation' });
    const duringAudit = (await world.api('GET', `/api/approvals/${during.workflowId}/audit`, undefined, requester.auth)).body.entries;
    expect(duringAudit.find((e: { event: string }) => e.event === 'notified')).toMatchObject({ actor_name: 'Inès Déléguée', on_behalf_of_name: 'Marc Absent' });
  });
});
