import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calmPlan, createStaff, submitRequest, type TestStaff, waitUntil } from '../support/approvals.js';
import { startWorld, type World } from '../support/world.js';

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
    const step = {
      step: 'charge-de-projet',
      approvers: [{ role: 'charge_de_projet', scope: 'FC-INBOX' }],
      outcomes: ['approve', 'refuse', 'wait_list'],
      plan: calmPlan,
    };
    const requests = [];
    for (const title of ['Excel avancé', 'Anglais B2', 'Gestion de projet'])
      requests.push(await submitRequest(world, requester.auth, { title: `Pré-inscription à « ${title} »`, steps: [step] }));

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
    const outcomes = await Promise.all(
      requests.map(async (r) => (await world.db('approval_requests').where({ workflow_id: r.workflowId }).first()).outcome),
    );
    expect(outcomes.sort()).toEqual(['approve', 'wait_list', null].sort());
  });

  it('when someone outside the any-of set decides through the API, then the workflow refuses with 403', async () => {
    const vet = await createStaff(world, [{ role: 'responsable_vet', scope: 'VET-A' }], 'Vet A');
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'vet', approvers: [{ role: 'responsable_vet', scope: 'VET-A' }], plan: calmPlan }],
    });
    const taskId = await waitUntil(async () => (await inboxOf(vet)).items[0]?.taskId as string | undefined);
    const intruder = await createStaff(world, [{ role: 'responsable_vet', scope: 'VET-B' }], 'Vet B');
    await world.db('approval_tasks').where({ id: taskId }).update({ staff_id: intruder.id });
    const refused = await world.api('POST', `/api/approvals/inbox/${taskId}/decision`, { outcome: 'approve' }, intruder.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Vous ne faites pas partie des personnes pouvant décider de cette demande.');
    expect((await world.db('approval_requests').where({ workflow_id: workflowId }).first()).status).toBe('pending');
  });
});

describe('pages of the inbox', () => {
  const page = async (who: TestStaff, query: string) => world.api('GET', `/api/approvals/inbox?${query}`, undefined, who.auth);
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  /** Follows nextCursor from the first page to the last; every page must repeat total and counts. */
  async function allPages(who: TestStaff, limit: number) {
    const pages = [];
    let cursor: string | null = null;
    do {
      const response = await page(who, `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      pages.push(response.body);
      cursor = response.body.nextCursor;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return pages;
  }

  it('when a chargé de projet has seven requests, then limit and nextCursor walk them by deadline, each page counting them all', async () => {
    const manager = await createStaff(world, [{ role: 'charge_de_projet', scope: 'FC-PAGES' }], 'Paul Pages');
    // Submitted out of order: the inbox sorts by deadline, not by arrival.
    const minutes = [50, 20, 40, 10, 60, 30, 70];
    for (const m of minutes) {
      await submitRequest(world, requester.auth, {
        title: `Demande à ${m} minutes`,
        steps: [
          {
            step: 'charge-de-projet',
            approvers: [{ role: 'charge_de_projet', scope: 'FC-PAGES' }],
            plan: { deadline: `PT${m}M`, onDeadline: 'expire' },
          },
        ],
      });
    }
    const everything = await waitUntil(async () => {
      const body = await inboxOf(manager);
      return body.total === 7 && body;
    });
    // Without limit: the default page (50) holds them all, and says there is no other.
    expect(everything.items).toHaveLength(7);
    expect(everything.nextCursor).toBeNull();
    const byDeadline = [10, 20, 30, 40, 50, 60, 70].map((m) => `Demande à ${m} minutes`);
    expect(everything.items.map((i: { title: string }) => i.title)).toEqual(byDeadline);

    const pages = await allPages(manager, 3);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.at(-1).nextCursor).toBeNull();
    for (const p of pages) expect(p).toMatchObject({ total: 7, counts: { demoApprovalRequest: 7 } });
    const walked = pages.flatMap((p) => p.items);
    expect(walked.map((i: { title: string }) => i.title)).toEqual(byDeadline);
    expect(walked.map((i: { taskId: string }) => i.taskId)).toEqual(everything.items.map((i: { taskId: string }) => i.taskId));
    // An exact fit: the last full page already says there is nothing after it.
    const exact = await allPages(manager, 7);
    expect(exact.map((p) => p.items.length)).toEqual([7]);

    // Decided: the task leaves every page and the counts. A task left `pending` while its request
    // is closed (a hand-over that lands as the step closes) is not shown either.
    const soonest = everything.items[0].taskId;
    expect((await world.api('POST', `/api/approvals/inbox/${soonest}/decision`, { outcome: 'approve' }, manager.auth)).status).toBe(200);
    await world.db('approval_tasks').where({ id: soonest }).update({ status: 'pending', closed_at: null });
    const after = await allPages(manager, 4);
    expect(after.map((p) => p.items.length)).toEqual([4, 2]);
    for (const p of after) expect(p).toMatchObject({ total: 6, counts: { demoApprovalRequest: 6 } });
    expect(after.flatMap((p) => p.items).map((i: { title: string }) => i.title)).toEqual(byDeadline.slice(1));

    // Same deadline, to the microsecond (the API shows milliseconds): the task id breaks the tie,
    // and a page boundary between them neither repeats nor skips one.
    const [a, b, c] = after[0].items.map((i: { taskId: string }) => i.taskId);
    await world
      .db('approval_tasks')
      .whereIn('id', [a, b])
      .update({ deadline_at: world.db.raw(`'2099-01-01T00:00:00.000002Z'::timestamptz`) });
    await world
      .db('approval_tasks')
      .where({ id: c })
      .update({ deadline_at: world.db.raw(`'2099-01-01T00:00:00.000001Z'::timestamptz`) });
    const expected = (
      await world
        .db('approval_tasks')
        .where({ staff_id: manager.id, status: 'pending', request_status: 'pending' })
        .orderBy([{ column: 'deadline_at' }, { column: 'id' }])
        .select('id')
    ).map((r: { id: string }) => r.id);
    for (const limit of [1, 2])
      expect((await allPages(manager, limit)).flatMap((p) => p.items).map((i: { taskId: string }) => i.taskId)).toEqual(expected);
  });

  it('when the cursor or the limit is malformed, then 400 names the field in French', async () => {
    const manager = await createStaff(world, [{ role: 'charge_de_projet', scope: 'FC-PAGES-BAD' }], 'Lucie Limites');
    const badCursors = [
      'pas-un-curseur',
      '%%%',
      cursorOf(['2026-03-12T09:00:00.000000Z']),
      cursorOf(['2026-03-12T09:00:00.000000Z', 'pas-un-uuid']),
      cursorOf(['2026-02-31T09:00:00.000000Z', randomUUID()]),
      cursorOf({ deadlineAt: '2026-03-12T09:00:00.000000Z', taskId: randomUUID() }),
      'x'.repeat(300),
      '',
    ];
    for (const cursor of badCursors) {
      const refused = await page(manager, `cursor=${encodeURIComponent(cursor)}`);
      expect(refused.status, cursor).toBe(400);
      expect(refused.body.fields.cursor, cursor).toMatch(/^Curseur invalide/);
    }
    for (const limit of ['0', '201', '-1', '2.5', 'abc', '']) {
      const refused = await page(manager, `limit=${limit}`);
      expect(refused.status, limit).toBe(400);
      expect(refused.body.fields.limit, limit).toBe('La taille de page doit être un entier entre 1 et 200');
    }
    // A well-formed cursor past everything: an empty last page.
    const beyond = await page(manager, `limit=200&cursor=${cursorOf(['2999-01-01T00:00:00.000000Z', randomUUID()])}`);
    expect(beyond.status).toBe(200);
    expect(beyond.body).toEqual({ total: 0, counts: {}, items: [], nextCursor: null });
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
      {
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        delegateId: delegate.id,
        handOverPending: true,
      },
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
      expect(
        (
          await world.api(
            'POST',
            `/api/approvals/inbox/${item.taskId}/decision`,
            { outcome: 'approve', comment: 'Par délégation' },
            delegate.auth,
          )
        ).status,
      ).toBe(200);
    }
    for (const { workflowId } of [before, during])
      expect((await world.temporal.workflow.getHandle(workflowId).result()).outcome).toBe('approve');

    const audit = (await world.api('GET', `/api/approvals/${before.workflowId}/audit`, undefined, delegate.auth)).body.entries;
    expect(audit.find((e: { event: string }) => e.event === 'handed_over')).toMatchObject({
      actor_name: 'Inès Déléguée',
      on_behalf_of_name: 'Marc Absent',
    });
    expect(audit.find((e: { event: string }) => e.event === 'decided')).toMatchObject({
      actor_name: 'Inès Déléguée',
      on_behalf_of_name: 'Marc Absent',
      channel: 'inbox',
      outcome: 'approve',
      comment: 'Par délégation',
    });
    const duringAudit = (await world.api('GET', `/api/approvals/${during.workflowId}/audit`, undefined, requester.auth)).body.entries;
    expect(duringAudit.find((e: { event: string }) => e.event === 'notified')).toMatchObject({
      actor_name: 'Inès Déléguée',
      on_behalf_of_name: 'Marc Absent',
    });
  });
});
