import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, decisionLinkIn, submitRequest, type TestStaff } from '../support/approvals.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let requester: TestStaff;
beforeAll(async () => {
  world = await startWorld();
  requester = await createStaff(world, [], 'Camille Agent');
});
afterAll(() => world?.stop());

describe('reminders, escalation and the final deadline (plans in seconds)', () => {
  it('when nobody answers, then the responsable VET is reminded, the request widens to the composante then the admin, and the deadline refuses', async () => {
    const vet = await createStaff(world, [{ role: 'responsable_vet', scope: 'VET-T1' }], 'Claire Vet');
    const composante = await createStaff(world, [{ role: 'responsable_composante', scope: 'UFR-T' }], 'Julien Composante');
    const admin = await createStaff(world, [{ role: 'administrateur' }], 'Nadia Admin');
    const started = Date.now();
    const { workflowId } = await submitRequest(world, requester.auth, {
      title: 'Validation du compte diplômé de Léo Petit',
      steps: [
        {
          step: 'validation',
          approvers: [{ role: 'responsable_vet', scope: 'VET-T1' }],
          outcomes: ['approve', 'refuse'],
          plan: {
            deadline: 'PT9S',
            remindAfter: 'PT2S',
            remindEvery: 'PT2S',
            escalations: [
              { after: 'PT3S', approvers: [{ role: 'responsable_composante', scope: 'UFR-T' }] },
              { after: 'PT5S', approvers: [{ role: 'administrateur' }] },
            ],
            onDeadline: 'refuse',
          },
        },
      ],
    });

    await world.mailbox.waitFor(vet.email, { subject: /^Décision attendue :/ });
    const reminder = await world.mailbox.waitFor(vet.email, { subject: /^Rappel/ });
    expect(reminder.receivedAt - started).toBeGreaterThanOrEqual(1800);
    const escalated = await world.mailbox.waitFor(composante.email, { subject: /transmise faute de réponse/ });
    expect(escalated.receivedAt - started).toBeGreaterThanOrEqual(2800);
    const toAdmin = await world.mailbox.waitFor(admin.email, { subject: /transmise faute de réponse/ });
    expect(toAdmin.receivedAt).toBeGreaterThan(escalated.receivedAt);

    const result = await world.temporal.workflow.getHandle(workflowId).result();
    expect(result.outcome).toBe('refuse');
    expect(result.decisions[0]).toMatchObject({ channel: 'deadline', outcome: 'refuse' });
    // Reminders go to every approver still pending, the escalated ones included.
    expect(world.mailbox.to(vet.email).filter((m) => /^Rappel/.test(m.subject)).length).toBeGreaterThanOrEqual(3);
    expect(world.mailbox.to(composante.email).some((m) => /^Rappel/.test(m.subject))).toBe(true);
    for (const person of [vet, composante, admin]) await world.mailbox.waitFor(person.email, { subject: /Demande traitée/ });

    const audit = await world.api('GET', `/api/approvals/${workflowId}/audit`, undefined, admin.auth);
    expect(audit.status).toBe(200);
    const events = audit.body.entries.map((e: { event: string }) => e.event);
    expect(events[0]).toBe('requested');
    expect(events.filter((e: string) => e === 'escalated')).toHaveLength(2);
    expect(events.filter((e: string) => e === 'notified')).toHaveLength(3);
    expect(events).toContain('reminded');
    expect(events).toContain('expired');
    expect(audit.body.entries.find((e: { event: string }) => e.event === 'expired')).toMatchObject({
      outcome: 'refuse',
      channel: 'deadline',
    });

    const csv = await fetch(`${world.baseUrl}/api/approvals/${workflowId}/audit?format=csv`, { headers: admin.auth });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('at,step,event,actor_name,on_behalf_of_name,channel,outcome,reason,comment');
    expect(lines).toHaveLength(audit.body.entries.length + 1);
    expect(lines.some((l) => l.includes(',notified,Julien Composante,,mail,'))).toBe(true);

    const outsider = await createStaff(world, [{ role: 'webmaster' }], 'Hors périmètre');
    expect((await world.api('GET', `/api/approvals/${workflowId}/audit`, undefined, outsider.auth)).status).toBe(404);
  });

  it('when the deadline expires a request, then its link shows that no decision was taken and a late POST gets 410', async () => {
    const boss = `superieur.${Date.now()}@entreprise.example`;
    const { workflowId } = await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: boss }], plan: { deadline: 'PT2S', onDeadline: 'expire' } }],
    });
    const link = decisionLinkIn(await world.mailbox.waitFor(boss));
    expect((await world.temporal.workflow.getHandle(workflowId).result()).outcome).toBe('expired');
    const page = await fetch(link);
    expect(await page.text()).toContain('aucune décision n’a été prise');
    const late = await world.api('POST', `/api/decisions/${link.split('/decisions/')[1]}`, { outcome: 'approve' });
    expect(late.status).toBe(410);
    expect(late.body.message).toContain('délai de décision est dépassé');
  });
});
