import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, submitRequest, type TestStaff, waitUntil } from '../support/approvals.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Property: under any interleaving of concurrent decisions (several approvers, several outcomes),
 * withdrawals by the requester and the step's deadline, exactly one outcome is recorded, at most one
 * actor was told « yes », and the audit agrees with the workflow's result.
 */
let world: World;
let requester: TestStaff;
let approvers: TestStaff[];

beforeAll(async () => {
  world = await startWorld();
  requester = await createStaff(world, [], 'Demandeur');
  approvers = [
    await createStaff(world, [{ role: 'administrateur' }], 'Approbateur A'),
    await createStaff(world, [{ role: 'administrateur' }], 'Approbateur B'),
    await createStaff(world, [{ role: 'administrateur' }], 'Approbateur C'),
  ];
});
afterAll(() => world?.stop());

type Action = { kind: 'decide'; approver: number; outcome: 'approve' | 'refuse'; delayMs: number } | { kind: 'withdraw'; delayMs: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('decide' as const),
    approver: fc.integer({ min: 0, max: 2 }),
    outcome: fc.constantFrom('approve' as const, 'refuse' as const),
    delayMs: fc.integer({ min: 0, max: 2500 }),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), delayMs: fc.integer({ min: 0, max: 2500 }) }),
);

/** The approver's task for this request, pending or not: a short deadline may close it before we look. */
async function taskOf(approver: TestStaff, workflowId: string): Promise<string> {
  return waitUntil(
    async () => (await world.db('approval_tasks').where({ workflow_id: workflowId, staff_id: approver.id }).first('id'))?.id,
  );
}

describe('approval step under any interleaving', () => {
  it('when decisions, withdrawals and the deadline race, then exactly one outcome is recorded and the audit agrees', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        async (actions, deadlineSeconds) => {
          const title = `Propriété ${Date.now()}-${Math.random().toString(36).slice(2)}`;
          const { requestId, workflowId } = await submitRequest(world, requester.auth, {
            title,
            steps: [
              {
                step: 'decision',
                approvers: [{ role: 'administrateur' }],
                outcomes: ['approve', 'refuse'],
                plan: { deadline: `PT${deadlineSeconds}S`, onDeadline: 'expire' },
              },
            ],
          });
          const tasks = await Promise.all(approvers.map((a) => taskOf(a, workflowId)));
          const started = Date.now();
          const answers = await Promise.all(
            actions.map(async (a) => {
              await new Promise((r) => setTimeout(r, Math.max(0, a.delayMs - (Date.now() - started))));
              if (a.kind === 'withdraw') {
                const answer = await world.api(
                  'POST',
                  `/api/approvals/demo-requests/${requestId}/withdrawal`,
                  { reason: 'propriété' },
                  requester.auth,
                );
                return { status: answer.status, outcome: answer.status === 200 ? 'withdrawn' : undefined };
              }
              const body = a.outcome === 'refuse' ? { outcome: 'refuse', reason: 'propriété' } : { outcome: 'approve' };
              const answer = await world.api(
                'POST',
                `/api/approvals/inbox/${tasks[a.approver]}/decision`,
                body,
                approvers[a.approver]!.auth,
              );
              return { status: answer.status, outcome: answer.status === 200 ? a.outcome : undefined };
            }),
          );
          const result = (await world.temporal.workflow.getHandle(workflowId).result()) as { outcome: string };

          // No 5xx, and only the answers the vocabulary allows.
          for (const answer of answers) expect([200, 400, 404, 409, 410]).toContain(answer.status);
          const winners = answers.filter((a) => a.status === 200);
          expect(winners.length).toBeLessThanOrEqual(1);
          if (winners.length === 1) expect(result.outcome).toBe(winners[0]!.outcome);
          else expect(result.outcome).toBe('expired');

          const audit = await waitUntil(async () => {
            const lines = await world
              .db('approval_audit')
              .where({ workflow_id: workflowId })
              .whereIn('event', ['decided', 'withdrawn', 'expired']);
            return lines.length > 0 && lines;
          });
          expect(audit).toHaveLength(1);
          const final = audit[0]!;
          expect(final.event === 'decided' ? final.outcome : final.event).toBe(result.outcome);
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  }, 300_000);
});
