import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, submitRequest } from '../support/approvals.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

describe('an escalation that falls on a reminder', () => {
  it('when the reminder and the escalation fire at the same instant, then the newly asked approver receives one mail (« transmise »), and the first approver one reminder', async () => {
    const first = await createStaff(world, [{ role: 'webmaster' }], 'Premier niveau');
    const requester = await createStaff(world, [], 'Demandeur escalade');
    const scope = `ESC-${Date.now().toString(36)}`;
    const second = await createStaff(world, [{ role: 'responsable_vet', scope }], 'Second niveau');
    await submitRequest(world, requester.auth, {
      steps: [
        {
          step: 'moderation',
          approvers: [{ email: first.email }],
          outcomes: ['approve', 'refuse'],
          plan: {
            deadline: 'PT2M',
            remindAfter: 'PT3S',
            remindEvery: 'PT1H',
            escalations: [{ after: 'PT3S', approvers: [{ role: 'responsable_vet', scope }] }],
            onDeadline: 'expire',
          },
        },
      ],
    });
    await world.mailbox.waitFor(second.email, { subject: /transmise/, timeoutMs: 30_000 });
    await world.mailbox.waitFor(first.email, { subject: /Rappel/, timeoutMs: 30_000 });
    // Give a doubled mail the time to arrive before counting.
    await new Promise((r) => setTimeout(r, 2000));
    expect(world.mailbox.to(second.email).map((m) => m.subject)).toHaveLength(1);
    expect(world.mailbox.to(first.email).filter((m) => /Rappel/.test(m.subject))).toHaveLength(1);
  }, 60_000);
});
