import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStaff } from '../../db/seeds/demoStaff.js';
import { workerDataConverter } from '../../lib/codec/dataConverter.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { workflowsPath } from '../../worker.js';
import { calmPlan, createStaff, decideByLink, decisionLinkIn, submitRequest, type TestStaff, waitUntil } from '../support/approvals.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let requester: TestStaff;
beforeAll(async () => {
  world = await startWorld();
  requester = await createStaff(world, [], 'Camille Agent');
});
afterAll(() => world?.stop());

const supervisor = () => `superieur.${Math.random().toString(36).slice(2)}@entreprise.example`;

describe('deciding by mail link', () => {
  it('when the supérieur hiérarchique opens the link 20 times, then nothing changes until the POST, after which the link shows who decided', async () => {
    const boss = supervisor();
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: boss }], outcomes: ['approve', 'refuse'], plan: calmPlan }],
    });
    const mail = await world.mailbox.waitFor(boss, { subject: /Décision attendue/ });
    expect(mail.text).toContain('Camille Agent demande votre décision');
    const link = decisionLinkIn(mail);

    for (let i = 0; i < 20; i++) {
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Décision attendue');
    }
    const before = await world.db('approval_requests').where({ workflow_id: workflowId }).first();
    expect(before.status).toBe('pending');
    expect(await world.db('decision_links').where({ workflow_id: workflowId }).whereNotNull('used_at')).toHaveLength(0);

    const decided = await decideByLink(world, link, { outcome: 'approve', comment: 'Bonne idée' });
    expect(decided.status).toBe(200);
    expect(decided.html).toContain('Votre décision a été enregistrée');

    const after = await fetch(link);
    expect(after.status).toBe(200);
    expect(await after.text()).toMatch(/Cette demande a été approuvée par .* le \d\d\/\d\d\/\d{4} à \d\d:\d\d/);
    const result = await world.temporal.workflow.getHandle(workflowId).result();
    expect(result.outcome).toBe('approve');
    // Ids only in the history (issue 13): the supérieur is an external party, their address stays in PostgreSQL.
    const bossParty = await world.db('external_parties').where({ email: boss }).first();
    expect(result.decisions[0]).toMatchObject({ channel: 'link', decidedBy: { key: `party:${bossParty.id}` } });
    expect(JSON.stringify(result)).not.toContain(boss);
    // The comment too: the result names it by its id in free_texts, where the text stays.
    const comment = await world.db('free_texts').where({ id: result.decisions[0]!.commentId }).first();
    expect(comment.body).toBe('Bonne idée');
    expect(JSON.stringify(result)).not.toContain('Bonne idée');
  });

  it('when a link is posted without the page’s CSRF token or from another origin, then it is refused and nothing is decided', async () => {
    const boss = supervisor();
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: boss }], plan: calmPlan }],
    });
    const link = decisionLinkIn(await world.mailbox.waitFor(boss));
    const noCsrf = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=approve',
    });
    expect(noCsrf.status).toBe(403);
    const page = await (await fetch(link)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const foreign = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ csrf, outcome: 'approve' }).toString(),
    });
    expect(foreign.status).toBe(403);
    expect((await world.db('approval_requests').where({ workflow_id: workflowId }).first()).status).toBe('pending');
  });

  it('when a refusal has no reason, then the page asks for it (400) and the refusal with a reason is recorded', async () => {
    const boss = supervisor();
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: boss }], plan: calmPlan }],
    });
    const link = decisionLinkIn(await world.mailbox.waitFor(boss));
    const missing = await decideByLink(world, link, { outcome: 'refuse' });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('Le motif du refus est obligatoire');
    const refused = await decideByLink(world, link, { outcome: 'refuse', reason: 'Période de forte activité' });
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('Motif : Période de forte activité');
    expect((await world.temporal.workflow.getHandle(workflowId).result()).outcome).toBe('refuse');
  });

  it('when two approvers decide at the same instant, then exactly one wins and the other gets 409 naming who decided (20 runs)', async () => {
    for (let run = 0; run < 20; run++) {
      const [a, b] = [supervisor(), supervisor()];
      const { workflowId } = await submitRequest(world, requester.auth, {
        steps: [{ step: 'superieur', approvers: [{ email: a }, { email: b }], plan: calmPlan }],
      });
      const tokens = await Promise.all(
        [a, b].map(async (address) => decisionLinkIn(await world.mailbox.waitFor(address)).split('/decisions/')[1]!),
      );
      const answers = await Promise.all(
        tokens.map((token, i) =>
          world.api('POST', `/api/decisions/${token}`, { outcome: i === 0 ? 'approve' : 'refuse', reason: 'Course' }),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(answers.map((r) => r.body))).toEqual([200, 409]);
      const loser = answers.find((r) => r.status === 409)!;
      const winner = answers.find((r) => r.status === 200)!;
      expect(loser.body.message).toContain(`par ${winner.body.decidedBy}`);
      expect(loser.body.decidedBy).toBe(winner.body.decidedBy);
      const result = await world.temporal.workflow.getHandle(workflowId).result();
      expect(result.decisions).toHaveLength(1);
    }
  }, 120_000);

  it('when SMTP refuses as one approver decides, then their answer comes at once and the other approver is told once SMTP is back', async () => {
    const [a, b] = [supervisor(), supervisor()];
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: a }, { email: b }], plan: calmPlan }],
    });
    const token = decisionLinkIn(await world.mailbox.waitFor(a)).split('/decisions/')[1]!;
    await world.mailbox.waitFor(b);
    world.mailbox.refuse(true);
    try {
      // The decision is recorded and answered without waiting for the notice to the other approver.
      const decided = await world.api('POST', `/api/decisions/${token}`, { outcome: 'approve' });
      expect(decided.status).toBe(200);
      const step = await world.db('approval_requests').where({ workflow_id: workflowId, step: 'superieur' }).first();
      expect(step).toMatchObject({ status: 'decided', outcome: 'approve', decided_by_name: a });
      expect(world.mailbox.to(b).filter((m) => /^Demande traitée/.test(m.subject))).toHaveLength(0);
    } finally {
      world.mailbox.refuse(false);
    }
    const notice = await world.mailbox.waitFor(b, { subject: /^Demande traitée/, timeoutMs: 60_000 });
    expect(notice.text).toContain(a);
    const result = await world.temporal.workflow.getHandle(workflowId).result();
    expect(result.outcome).toBe('approve');
  }, 90_000);

  it('when the requester is also an approver by role, then they are not asked and cannot decide their own request (four eyes)', async () => {
    const manager = await createStaff(world, [{ role: 'responsable_composante', scope: 'UFR-DROIT' }], 'Jeanne Responsable');
    const colleague = await createStaff(world, [{ role: 'responsable_composante', scope: 'UFR-DROIT' }], 'Paul Collègue');
    await submitRequest(world, manager.auth, {
      steps: [{ step: 'composante', approvers: [{ role: 'responsable_composante', scope: 'UFR-DROIT' }], plan: calmPlan }],
    });
    await world.mailbox.waitFor(colleague.email);
    expect(world.mailbox.to(manager.email)).toHaveLength(0);
    const colleagueInbox = await world.api('GET', '/api/approvals/inbox', undefined, colleague.auth);
    expect(colleagueInbox.body.total).toBe(1);

    const own = await world.db('approval_tasks').where({ staff_id: manager.id });
    expect(own).toHaveLength(0);
    // Even with a forged task, the workflow's validator refuses the requester.
    const taskId = colleagueInbox.body.items[0].taskId;
    await world.db('approval_tasks').where({ id: taskId }).update({ staff_id: manager.id });
    const self = await world.api('POST', `/api/approvals/inbox/${taskId}/decision`, { outcome: 'approve' }, manager.auth);
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('Vous ne pouvez pas décider de votre propre demande.');
  });

  it('when the requester withdraws, then pending tasks leave the inboxes, the approvers are told, and late links show the withdrawal', async () => {
    const approver = await createStaff(world, [{ role: 'webmaster' }], 'Hugo Web');
    const boss = supervisor();
    const { requestId, workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'moderation', approvers: [{ role: 'webmaster' }, { email: boss }], plan: calmPlan }],
    });
    const link = decisionLinkIn(await world.mailbox.waitFor(boss));
    await waitUntil(async () => (await world.api('GET', '/api/approvals/inbox', undefined, approver.auth)).body.total === 1);

    const stranger = await createStaff(world, [], 'Inconnu');
    expect((await world.api('POST', `/api/approvals/demo-requests/${requestId}/withdrawal`, {}, stranger.auth)).status).toBe(404);
    const withdrawn = await world.api(
      'POST',
      `/api/approvals/demo-requests/${requestId}/withdrawal`,
      { reason: 'Formation annulée' },
      requester.auth,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.outcome).toBe('withdrawn');

    expect((await world.api('GET', '/api/approvals/inbox', undefined, approver.auth)).body.total).toBe(0);
    await world.mailbox.waitFor(boss, { subject: /Demande traitée/ });
    await world.mailbox.waitFor(approver.email, { subject: /Demande traitée/ });
    expect(await (await fetch(link)).text()).toContain('retirée par le demandeur');
    const late = await world.api('POST', `/api/decisions/${link.split('/decisions/')[1]}`, { outcome: 'approve' });
    expect(late.status).toBe(409);
    expect((await world.temporal.workflow.getHandle(workflowId).result()).outcome).toBe('withdrawn');
    const again = await world.api('POST', `/api/approvals/demo-requests/${requestId}/withdrawal`, {}, requester.auth);
    expect(again.status).toBe(409);
  });
});

describe('a lifecycle with two decision steps (seed 004: supérieur hiérarchique, then chargé de projet)', () => {
  it('when the supérieur approves by link and the chargé de projet wait-lists from the inbox, then the state query and the audit tell the whole story, and the history replays', async () => {
    const boss = supervisor();
    const manager = await createStaff(world, [{ role: 'charge_de_projet', scope: 'FC-EXCEL' }], 'Sophie Projet');
    const { requestId, workflowId } = await submitRequest(world, requester.auth, {
      steps: [
        { step: 'superieur', approvers: [{ email: boss }], outcomes: ['approve', 'refuse'], plan: calmPlan },
        {
          step: 'charge-de-projet',
          approvers: [{ role: 'charge_de_projet', scope: 'FC-EXCEL' }],
          outcomes: ['approve', 'refuse', 'wait_list'],
          plan: calmPlan,
        },
      ],
    });
    expect((await decideByLink(world, decisionLinkIn(await world.mailbox.waitFor(boss)), { outcome: 'approve' })).status).toBe(200);
    await world.mailbox.waitFor(manager.email, { subject: /Décision attendue/ });

    const midway = await world.api('GET', `/api/approvals/demo-requests/${requestId}`, undefined, requester.auth);
    expect(midway.body.current).toMatchObject({ step: 'charge-de-projet', status: 'pending', notified: [{ key: manager.key }] });
    expect(midway.body.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'superieur:decided',
      'charge-de-projet:pending',
    ]);

    const taskId = (await world.api('GET', '/api/approvals/inbox', undefined, manager.auth)).body.items[0].taskId;
    const decided = await world.api(
      'POST',
      `/api/approvals/inbox/${taskId}/decision`,
      { outcome: 'wait_list', comment: 'Session complète, liste d’attente' },
      manager.auth,
    );
    expect(decided.status).toBe(200);
    const handle = world.temporal.workflow.getHandle(workflowId);
    expect((await handle.result()).outcome).toBe('wait_list');

    const state = (await world.api('GET', `/api/approvals/demo-requests/${requestId}`, undefined, requester.auth)).body;
    expect(state.current.history.map((h: { event: string }) => h.event)).toEqual(['requested', 'notified', 'decided']);
    const audit = (await world.api('GET', `/api/approvals/${workflowId}/audit`, undefined, requester.auth)).body.entries;
    expect(audit.map((e: { step: string; event: string; channel: string | null }) => `${e.step}:${e.event}:${e.channel ?? ''}`)).toEqual([
      'superieur:requested:',
      'superieur:notified:mail',
      'superieur:decided:link',
      'charge-de-projet:requested:',
      'charge-de-projet:notified:mail',
      'charge-de-projet:decided:inbox',
    ]);
    await expect(
      Worker.runReplayHistory(
        { workflowsPath, dataConverter: workerDataConverter(world.config.temporal.payloadKeys) },
        await handle.fetchHistory(),
        workflowId,
      ),
    ).resolves.toBeUndefined();
  });
});

describe('staff administration', () => {
  it('when the demo staff are seeded twice, then each role has one account that can log in', async () => {
    const hasher = createPasswordHasher(world.config.argon2);
    await seedDemoStaff(world.db, hasher);
    await seedDemoStaff(world.db, hasher);
    expect(await world.db('staff_accounts').where('email', 'like', '%.demo@universite.example')).toHaveLength(6);
    const admin = await world.api('POST', '/api/staff/sessions', { email: 'admin.demo@universite.example', password: 'Demo-Admin-2026' });
    expect(admin.status).toBe(201);
    expect(admin.body.staff).toMatchObject({ displayName: 'Nadia Benali', roles: [{ role: 'administrateur', scope: '' }] });
  });

  it('when an administrateur creates staff with scoped roles, then they can log in; a non-admin gets 403', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Nadia Admin');
    const created = await world.api(
      'POST',
      '/api/staff',
      {
        email: 'Nouveau.Vet@Universite.example',
        displayName: 'Léa Vet',
        password: 'Vet-Demo-2026!',
        roles: [{ role: 'responsable_vet', scope: 'VET-LINF3' }],
      },
      admin.auth,
    );
    expect(created.status).toBe(201);
    const unscoped = await world.api(
      'POST',
      '/api/staff',
      { email: 'x@universite.example', displayName: 'X', roles: [{ role: 'responsable_vet' }] },
      admin.auth,
    );
    expect(unscoped.status).toBe(400);
    expect(Object.keys(unscoped.body.fields)).toContain('roles.0.scope');
    const duplicate = await world.api(
      'POST',
      '/api/staff',
      { email: 'nouveau.vet@universite.example', displayName: 'Léa', roles: [] },
      admin.auth,
    );
    expect(duplicate.status).toBe(409);

    const login = await world.api('POST', '/api/staff/sessions', { email: 'nouveau.vet@universite.example', password: 'Vet-Demo-2026!' });
    expect(login.status).toBe(201);
    expect(login.body.staff.roles).toEqual([{ role: 'responsable_vet', scope: 'VET-LINF3' }]);
    const notAdmin = await world.api('GET', '/api/staff', undefined, { authorization: `Bearer ${login.body.token}` });
    expect(notAdmin.status).toBe(403);

    const disabled = await world.api('PATCH', `/api/staff/${created.body.id}`, { active: false }, admin.auth);
    expect(disabled.status).toBe(200);
    expect(
      (await world.api('POST', '/api/staff/sessions', { email: 'nouveau.vet@universite.example', password: 'Vet-Demo-2026!' })).status,
    ).toBe(401);
    const list = await world.api('GET', '/api/staff', undefined, admin.auth);
    expect(list.body.staff.find((s: { id: string }) => s.id === created.body.id)).toMatchObject({ active: false, displayName: 'Léa Vet' });
  });
});
