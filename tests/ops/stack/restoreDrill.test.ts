import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { backupPostgres, backupTemporalSqlite, postgresTools, restorePostgres, restoreTemporalSqlite } from '../../../harness/backup.js';
import { answerText, candidateFor, http, openAndSubmitLink } from '../../../harness/candidates.js';
import { decisionLinkIn, decisionSubject, type Inbox, type InboxMail, linkIn } from '../../../harness/inbox.js';
import { type PlatformEnv, platformEnv, stackClient, startApi, startWorker } from '../../../harness/platform.js';
import type { NodeChild } from '../../../harness/processes.js';
import { type Stack, startStack } from '../../../harness/stack.js';
import { staffSession } from '../../../harness/staff.js';
import { table } from '../../../harness/stats.js';
import { candidateAccountWorkflowId } from '../../../workflows/candidateAccount/contract.js';
import { candidateSession, runIdOf } from './support.js';

/**
 * The backup and restore drill of the README's runbook: lifecycles in flight on stack A (accounts
 * waiting for their validation click, two-step requests waiting for their first or second
 * decision), both databases backed up online, stack A destroyed, both restored on a fresh stack
 * B, then every person acts on the mails received before the backup: every lifecycle resumes and
 * completes, no mail is lost or sent twice, no row is written twice.
 */
const CANDIDATES = 20;
const REQUESTS = 10;
const DECIDED_BEFORE_BACKUP = 5;

const cheapHashing = { ARGON2_MEMORY_KIB: '4096', ARGON2_TIME_COST: '1' };
const running: { stacks: Stack[]; children: NodeChild[]; dirs: string[] } = { stacks: [], children: [], dirs: [] };
afterAll(async () => {
  await Promise.all(running.children.map((child) => child.stop(5_000)));
  for (const stack of running.stacks) await stack.stop();
  for (const dir of running.dirs) await rm(dir, { recursive: true, force: true });
});

async function startPlatform(stack: Stack, overrides: Record<string, string>) {
  const platform = await platformEnv(stack, { ...cheapHashing, ...overrides });
  const [worker, api] = await Promise.all([startWorker(platform), startApi(platform)]);
  running.children.push(worker, api);
  return { platform, worker, api };
}

async function submitTwoStepRequest(platform: PlatformEnv, session: string, approvers: [string, string]): Promise<string> {
  const plan = { deadline: 'P14D', remindAfter: 'P3D', remindEvery: 'P2D' };
  const created = await http(
    platform.baseUrl,
    'POST',
    '/api/approvals/demo-requests',
    {
      title: 'Demande de l’exercice de restauration',
      details: { Objet: 'exercice' },
      steps: [
        { step: 'superieur', approvers: [{ email: approvers[0] }], plan },
        { step: 'charge-de-projet', approvers: [{ email: approvers[1] }], plan },
      ],
    },
    { authorization: `Bearer ${session}` },
  );
  if (created.status !== 201) throw new Error(`request: ${created.status} ${answerText(created)}`);
  return created.body.workflowId as string;
}

/** Opens a mailed link on `baseUrl` (the restored platform answers at its own address). */
async function act(baseUrl: string, url: string, fields: Record<string, string> = {}) {
  const rewritten = url.replace(/^https?:\/\/[^/]+/, baseUrl);
  const done = await openAndSubmitLink(baseUrl, rewritten, { retrySuperseded: true, fields });
  if (done.post?.status !== 200)
    throw new Error(`${rewritten}: ${done.get.status}/${done.post?.status} ${answerText(done.post ?? done.get)}`);
}

const mailsTo = (inbox: Inbox, address: string, subject: RegExp) => inbox.to(address).filter((m: InboxMail) => subject.test(m.subject));

describe('backup and restore drill: both databases, lifecycles in flight', () => {
  it('when both databases are backed up online with lifecycles in flight and restored on a fresh stack, then every lifecycle resumes and completes, nothing lost, nothing twice', async () => {
    const runId = runIdOf();
    const counts: Record<string, number | string> = {};

    // --- Stack A: lifecycles in flight.
    const a = await startStack({ name: 'approvals-ops-drill-a' });
    running.stacks.push(a);
    const onA = await startPlatform(a, {});
    await candidateSession(onA.platform.baseUrl, a.inbox, runId, 0);
    // The requester's own account lifecycle ends (welcome mail) before the backup: it is restored completed.
    {
      const dbA = createDb(a.databaseUrl, 1);
      const clientA = await stackClient(a);
      try {
        const requester = await dbA('candidate_accounts')
          .where({ email: candidateFor(runId, 0).email })
          .first();
        await clientA.workflow.getHandle(candidateAccountWorkflowId(requester.id)).result();
      } finally {
        await dbA.destroy();
        await clientA.connection.close();
      }
    }
    // The demonstration lifecycle is for staff only (issue 12): the requests come from a member of staff.
    const session = await staffSession(onA.platform.baseUrl, a.databaseUrl, runId);
    const candidates = Array.from({ length: CANDIDATES }, (_, i) => candidateFor(runId, i + 1));
    for (const candidate of candidates) {
      const created = await http(onA.platform.baseUrl, 'POST', '/api/candidates', candidate);
      expect(created.status).toBe(201);
    }
    const requests = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const approvers: [string, string] = [`superieur.${runId}.${i}@entreprise.example`, `projet.${runId}.${i}@entreprise.example`];
        return { approvers, workflowId: await submitTwoStepRequest(onA.platform, session, approvers) };
      }),
    );
    await Promise.all(candidates.map((c) => a.inbox.waitFor(c.email, /Validez votre compte/)));
    await Promise.all(requests.map((r) => a.inbox.waitFor(r.approvers[0], decisionSubject)));
    // Half the requests get their first decision: they wait on the second approver.
    for (const request of requests.slice(0, DECIDED_BEFORE_BACKUP)) {
      await act(onA.platform.baseUrl, decisionLinkIn(await a.inbox.waitFor(request.approvers[0], decisionSubject)), { outcome: 'approve' });
      await a.inbox.waitFor(request.approvers[1], decisionSubject);
    }
    const mailsBeforeBackup = a.inbox.all().length;

    // --- Backup, online: Temporal first, then PostgreSQL (harness/backup.ts says why).
    const backupDir = await mkdtemp(path.join(tmpdir(), 'approvals-backup-'));
    running.dirs.push(backupDir);
    const tools = await postgresTools(a.databaseUrl, console.log);
    const temporalBackup = path.join(backupDir, 'temporal.sqlite');
    const postgresBackup = path.join(backupDir, 'approvals.dump');
    let started = Date.now();
    await backupTemporalSqlite(path.join(a.dir, 'temporal.sqlite'), temporalBackup, console.log);
    counts['Temporal backup (VACUUM INTO), ms'] = Date.now() - started;
    started = Date.now();
    await backupPostgres(tools, a.databaseUrl, postgresBackup);
    counts['PostgreSQL backup (pg_dump -Fc), ms'] = Date.now() - started;
    counts['backup sizes, KiB (Temporal / PostgreSQL)'] =
      `${Math.round((await stat(temporalBackup)).size / 1024)} / ${Math.round((await stat(postgresBackup)).size / 1024)}`;
    counts['pg_dump used'] = tools.source;

    // --- Stack A is lost.
    await Promise.all([onA.api.stop(5_000), onA.worker.stop(5_000)]);
    await a.stop();

    // --- Stack B: fresh engines, both databases restored, the same secret and task queue.
    const b = await startStack({ name: 'approvals-ops-drill-b', migrate: false });
    running.stacks.push(b);
    started = Date.now();
    await restorePostgres(tools, b.databaseUrl, postgresBackup);
    await b.stopTemporal();
    await restoreTemporalSqlite(temporalBackup, path.join(b.dir, 'temporal.sqlite'));
    await b.startTemporal();
    counts['restore (pg_restore + Temporal file), ms'] = Date.now() - started;
    const onB = await startPlatform(b, {
      APP_SECRET: onA.platform.env.APP_SECRET!,
      TEMPORAL_TASK_QUEUE: onA.platform.env.TEMPORAL_TASK_QUEUE!,
    });
    const temporal = await stackClient(b);
    const db = createDb(b.databaseUrl, 2);
    try {
      const statuses = async () => {
        const byStatus: Record<string, number> = {};
        for await (const execution of temporal.workflow.list({ query: `TaskQueue = "${onA.platform.env.TEMPORAL_TASK_QUEUE}"` }))
          byStatus[execution.status.name] = (byStatus[execution.status.name] ?? 0) + 1;
        return byStatus;
      };
      const restored = await statuses();
      counts['workflows restored RUNNING'] = restored.RUNNING ?? 0;
      counts['workflows restored COMPLETED (the requester’s account)'] = restored.COMPLETED ?? 0;

      // --- Every person acts on the mail received before the backup.
      for (const candidate of candidates) await act(onB.platform.baseUrl, linkIn(a.inbox.to(candidate.email)[0]!));
      for (const [i, request] of requests.entries()) {
        if (i >= DECIDED_BEFORE_BACKUP) {
          await act(onB.platform.baseUrl, decisionLinkIn(mailsTo(a.inbox, request.approvers[0], decisionSubject)[0]!), {
            outcome: 'approve',
          });
          await act(onB.platform.baseUrl, decisionLinkIn(await b.inbox.waitFor(request.approvers[1], decisionSubject)), {
            outcome: 'approve',
          });
        } else {
          await act(onB.platform.baseUrl, decisionLinkIn(mailsTo(a.inbox, request.approvers[1], decisionSubject)[0]!), {
            outcome: 'approve',
          });
        }
      }
      await Promise.all(candidates.map((c) => b.inbox.waitFor(c.email, /Votre compte est validé/)));
      const everyAccount = await db('candidate_accounts').where('email', 'like', `candidat.${runId}.%`).count({ n: '*' }).first();
      const accounts = (await db('candidate_accounts')
        .whereIn(
          'email',
          candidates.map((c) => c.email),
        )
        .select('id', 'status')) as { id: string; status: string }[];
      const results = await Promise.all([
        ...accounts.map((account) => temporal.workflow.getHandle(candidateAccountWorkflowId(account.id)).result()),
        ...requests.map((request) => temporal.workflow.getHandle(request.workflowId).result()),
      ]);
      const finished = await statuses();

      // --- Counts: what exists, and what should not.
      const perKey = async (table: string, column: string, prefixes: string[]) => {
        const rows = await db(table)
          .where((q) => {
            for (const prefix of prefixes) q.orWhere(column, 'like', `${prefix}%`);
          })
          .select(column);
        return rows.length;
      };
      const accountPrefixes = accounts.map((acc) => candidateAccountWorkflowId(acc.id));
      const requestPrefixes = requests.map((r) => r.workflowId);
      const validationResent = candidates.filter((c) => mailsTo(b.inbox, c.email, /Validez votre compte/).length > 0).length;
      const decisionMailsTwice = requests.filter(
        (r) => mailsTo(a.inbox, r.approvers[1], decisionSubject).length + mailsTo(b.inbox, r.approvers[1], decisionSubject).length !== 1,
      ).length;
      Object.assign(counts, {
        'candidate accounts in flight at backup (awaiting validation)': CANDIDATES,
        'two-step requests in flight (first decision pending / second pending)': `${REQUESTS - DECIDED_BEFORE_BACKUP} / ${DECIDED_BEFORE_BACKUP}`,
        'mails received before the backup (stack A)': mailsBeforeBackup,
        'mails received after the restore (stack B)': b.inbox.all().length,
        'account rows after the restore (20 in flight + the requester’s)': Number(everyAccount?.n),
        'accounts active': accounts.filter((acc) => acc.status === 'active').length,
        'candidate workflows completed « validated »': results.slice(0, accounts.length).filter((r) => r === 'validated').length,
        'requests completed « approve »': results.slice(accounts.length).filter((r) => (r as { outcome: string }).outcome === 'approve')
          .length,
        'workflows after the drill COMPLETED / RUNNING / FAILED': `${finished.COMPLETED ?? 0} / ${finished.RUNNING ?? 0} / ${finished.FAILED ?? 0}`,
        'validation mails sent again after the restore': validationResent,
        'second-step decision mails not received exactly once': decisionMailsTwice,
        'welcome mails after the restore': candidates.filter((c) => mailsTo(b.inbox, c.email, /Votre compte est validé/).length === 1)
          .length,
        'mail_log rows of the accounts (expected 2 each)': await perKey('mail_log', 'idempotency_key', accountPrefixes),
        'lifecycle_events rows of the accounts (expected 2 each)': await perKey('lifecycle_events', 'workflow_id', accountPrefixes),
        'one_time_tokens rows of the accounts (expected 1 each)': await perKey('one_time_tokens', 'workflow_id', accountPrefixes),
        'approval_requests rows of the requests (expected 2 each)': await perKey('approval_requests', 'workflow_id', requestPrefixes),
        'approval_tasks rows of the requests (expected 2 each)': await perKey('approval_tasks', 'workflow_id', requestPrefixes),
        'mail_log rows of the requests': await perKey('mail_log', 'idempotency_key', requestPrefixes),
      });
      console.log(
        `\n== backup and restore drill\n${table([['count', 'value'], ...Object.entries(counts).map(([k, v]) => [k, String(v)])])}`,
      );

      expect(counts['workflows restored RUNNING']).toBe(CANDIDATES + REQUESTS);
      expect(accounts.length).toBe(CANDIDATES);
      expect(Number(everyAccount?.n)).toBe(CANDIDATES + 1);
      expect(counts['accounts active']).toBe(CANDIDATES);
      expect(counts['candidate workflows completed « validated »']).toBe(CANDIDATES);
      expect(counts['requests completed « approve »']).toBe(REQUESTS);
      expect(finished.RUNNING ?? 0).toBe(0);
      expect(finished.FAILED ?? 0).toBe(0);
      expect(validationResent).toBe(0);
      expect(decisionMailsTwice).toBe(0);
      expect(counts['welcome mails after the restore']).toBe(CANDIDATES);
      expect(counts['mail_log rows of the accounts (expected 2 each)']).toBe(2 * CANDIDATES);
      expect(counts['lifecycle_events rows of the accounts (expected 2 each)']).toBe(2 * CANDIDATES);
      expect(counts['one_time_tokens rows of the accounts (expected 1 each)']).toBe(CANDIDATES);
      expect(counts['approval_requests rows of the requests (expected 2 each)']).toBe(2 * REQUESTS);
      expect(counts['approval_tasks rows of the requests (expected 2 each)']).toBe(2 * REQUESTS);
    } finally {
      await temporal.connection.close();
      await db.destroy();
    }
  });
});
