import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive } from '../../harness/arrivals.js';
import { http, openAndSubmitLink } from '../../harness/candidates.js';
import { decisionLinkIn, decisionSubject } from '../../harness/inbox.js';
import { staffSession } from '../../harness/staff.js';
import { table } from '../../harness/stats.js';
import { type FaultWorld, sleep, startFaultWorld } from './support/faultRun.js';

/**
 * The decision path under a worker SIGKILL. Opening, resolving and closing a decision step run as
 * local activities inside the worker that holds the workflow: a worker killed between a decision
 * and the next step's mail must leave nothing half done. Requests with two steps, each decided by
 * an external approver from the link of their mail (at random moments, before, during and after
 * the kill); then every request must be approved twice, every projection closed, every approver
 * mailed once.
 */
let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld('decision-worker-kill');
});
afterAll(() => world?.stop());

const N = Number(process.env.FAULTS_DECISIONS_N ?? 80);

/**
 * Opens the decision page and approves with its form, again while there is no answer or a 5xx (the
 * page changes nothing). An « already decided » 409 after such a retry means our earlier POST won.
 */
async function approveFromMail(baseUrl: string, link: string): Promise<number> {
  const until = Date.now() + 240_000;
  for (;;) {
    const { get, post } = await openAndSubmitLink(baseUrl, link, { fields: { outcome: 'approve' } });
    const status = post?.status ?? get.status;
    if ((status !== 0 && status < 500) || Date.now() > until) return status;
    await sleep(1_000);
  }
}

describe('fault: the worker dies while decisions are being made', () => {
  it('when the worker is killed with SIGKILL mid-run and a new one starts, then every decision is recorded once and every next approver is mailed once', async () => {
    const { db, platform, stack } = world;
    const runId = randomBytes(3).toString('hex');
    // The demonstration lifecycle is for staff only (issue 12): the requester is a member of staff.
    const bearer = { authorization: `Bearer ${await staffSession(platform.baseUrl, stack.databaseUrl, runId)}` };
    const approver = (step: number, i: number) => `approbateur${step}.${runId}.${i}@entreprise.example`;

    const started = Date.now();
    const fault = sleep(8_000).then(async () => {
      console.log(`[decisions] worker SIGKILL at ${((Date.now() - started) / 1000).toFixed(1)} s`);
      world.worker.kill('SIGKILL');
      await world.worker.exited;
      await world.startWorker();
      console.log(`[decisions] new worker polling at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
    const requests = drive({
      label: 'decisions',
      n: N,
      rate: 4,
      quiet: !process.stderr.isTTY,
      run: async (i) => {
        const plan = { deadline: 'P14D' };
        const created = await http(
          platform.baseUrl,
          'POST',
          '/api/approvals/demo-requests',
          {
            title: `Demande ${i} pendant la panne`,
            steps: [
              { step: 'superieur', approvers: [{ email: approver(1, i) }], plan },
              { step: 'charge-de-projet', approvers: [{ email: approver(2, i) }], plan },
            ],
          },
          bearer,
        );
        if (created.status !== 201) throw new Error(`submit ${i}: ${created.status} ${created.text.slice(0, 200)}`);
        const statuses: number[] = [];
        for (const step of [1, 2]) {
          const mail = await stack.inbox.waitFor(approver(step, i), decisionSubject, { timeoutMs: 240_000 });
          await sleep(Math.random() * 6_000);
          statuses.push(await approveFromMail(platform.baseUrl, decisionLinkIn(mail)));
        }
        const outcome = (await world.temporal.workflow.getHandle(created.body.workflowId as string).result()) as {
          outcome: string;
          decisions: { outcome: string }[];
        };
        return { workflowId: created.body.workflowId as string, statuses, outcome: outcome.outcome, decisions: outcome.decisions.length };
      },
    });
    const [done] = await Promise.all([requests, fault]);

    const ids = done.results.map((r) => r.workflowId);
    const facts = (
      await db.raw(
        `SELECT w.id,
           (SELECT count(*) FROM approval_requests r WHERE r.workflow_id = w.id) AS steps,
           (SELECT count(*) FROM approval_requests r WHERE r.workflow_id = w.id AND r.status = 'decided' AND r.outcome = 'approve' AND r.channel = 'link') AS steps_approved,
           (SELECT count(*) FROM approval_tasks t WHERE t.workflow_id = w.id) AS tasks,
           (SELECT count(*) FROM approval_tasks t WHERE t.workflow_id = w.id AND t.status = 'decided' AND t.request_status = 'decided') AS tasks_decided,
           (SELECT count(*) FROM decision_links l WHERE l.workflow_id = w.id) AS links,
           (SELECT count(*) FROM decision_links l WHERE l.workflow_id = w.id AND l.used_at IS NOT NULL) AS links_used,
           (SELECT count(*) FROM approval_audit a WHERE a.workflow_id = w.id AND a.event = 'decided') AS audit_decided,
           (SELECT count(*) FROM mail_log m WHERE m.idempotency_key LIKE w.id || ':%' AND m.sent_at IS NOT NULL) AS mails_sent,
           (SELECT count(*) FROM lifecycle_events e WHERE e.workflow_id = w.id) AS events
         FROM unnest(?::text[]) AS w(id)`,
        [ids],
      )
    ).rows as Record<string, string | number>[];
    const count = (key: string, expected: number) => facts.filter((f) => Number(f[key]) === expected).length;

    const received = stack.inbox.all().filter((m) => m.to.includes(`.${runId}.`) && decisionSubject.test(m.subject));
    const perApprover = new Map<string, Set<string>>();
    for (const mail of received) perApprover.set(mail.to, (perApprover.get(mail.to) ?? new Set()).add(`${mail.messageId}|${mail.text}`));
    const counts: Record<string, number> = {
      requests: N,
      'requests approved at both steps': done.results.filter((r) => r.outcome === 'approve' && r.decisions === 2).length,
      'requests failed': done.failures.length,
      'decision answers 200 (others: 409 after a lost answer)': done.results.flatMap((r) => r.statuses).filter((s) => s === 200).length,
      'requests with 2 steps, both approved by link': count('steps_approved', 2),
      'requests with exactly 2 tasks, both decided': facts.filter((f) => Number(f.tasks) === 2 && Number(f.tasks_decided) === 2).length,
      'requests with 2 links, both used': facts.filter((f) => Number(f.links) === 2 && Number(f.links_used) === 2).length,
      'requests with 2 « decided » audit lines': count('audit_decided', 2),
      'requests with 2 decision mails logged as sent': count('mails_sent', 2),
      'requests with 3 lifecycle events (2 steps + approved)': count('events', 3),
      'approvers mailed': perApprover.size,
      'approvers mailed twice (identical copies)': [...perApprover.entries()].filter(
        ([to, copies]) => copies.size === 1 && received.filter((m) => m.to === to).length > 1,
      ).length,
      'approvers mailed differing copies': [...perApprover.values()].filter((copies) => copies.size > 1).length,
      'API/worker error log lines': world.errorLogs.length,
    };
    console.log(
      `\n== decisions under worker SIGKILL: ${N} requests, ${((Date.now() - started) / 1000).toFixed(0)} s\n${table([['count', 'value'], ...Object.entries(counts).map(([k, v]) => [k, String(v)])])}`,
    );
    if (done.failures.length) console.log(done.failures.slice(0, 5));

    expect(counts).toMatchObject({
      'requests approved at both steps': N,
      'requests failed': 0,
      'requests with 2 steps, both approved by link': N,
      'requests with exactly 2 tasks, both decided': N,
      'requests with 2 links, both used': N,
      'requests with 2 « decided » audit lines': N,
      'requests with 2 decision mails logged as sent': N,
      'requests with 3 lifecycle events (2 steps + approved)': N,
      'approvers mailed': 2 * N,
      'approvers mailed differing copies': 0,
      'API/worker error log lines': 0,
    });
    // Every decision POST got its 200, or a 409 because an earlier attempt of the same person had won.
    expect(done.results.flatMap((r) => r.statuses).every((s) => s === 200 || s === 409)).toBe(true);
  });
});
