/**
 * The fault suite's world: the real platform (worker.ts and server.ts as child processes) on an
 * embedded PostgreSQL, a Temporal dev server with a SQLite file, and an SMTP receiver, all of
 * which a test can break and repair. `runScenario` puts a few hundred candidate-account
 * lifecycles in flight, injects the fault, waits until every person is done, then counts what
 * exists: workflows, rows, mails (in `mail_log` and at the receiver), answers of the API.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { createDb, type Db } from '../../../db/connection.js';
import { drive } from '../../../harness/arrivals.js';
import { type PatientOutcome, patientCandidateLifecycle, type RecordedAnswer, subjects } from '../../../harness/candidates.js';
import { type PlatformEnv, platformEnv, stackClient, startApi, startWorker } from '../../../harness/platform.js';
import type { NodeChild } from '../../../harness/processes.js';
import { type Stack, startStack } from '../../../harness/stack.js';
import { limitsNote } from '../../../harness/staff.js';
import { table } from '../../../harness/stats.js';
import { candidateAccountWorkflowId } from '../../../workflows/candidateAccount/contract.js';
import { LifecycleStatus } from '../../../workflows/kit/searchAttributes.js';

export interface FaultWorld {
  stack: Stack;
  platform: PlatformEnv;
  worker: NodeChild;
  api: NodeChild;
  temporal: Client;
  db: Db;
  /** pino lines of level ≥ 50 (error) printed by the API or the worker. */
  errorLogs: string[];
  /** Lines in which the worker's SDK reports a failed activity attempt (to be retried). */
  activityFailures: string[];
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

const verbose = process.env.FAULTS_VERBOSE === '1';

export async function startFaultWorld(name: string): Promise<FaultWorld> {
  const stack = await startStack({ name: `approvals-faults-${name}`, log: verbose ? (line) => console.log(line) : undefined });
  // Cheap hashing as in the other integration tests: this suite is about durability, not speed.
  const platform = await platformEnv(stack, { ARGON2_MEMORY_KIB: '4096', ARGON2_TIME_COST: '1', LOG_LEVEL: 'warn' });
  console.log(`[${name}] ${limitsNote(platform.settings)}`);
  const errorLogs: string[] = [];
  const activityFailures: string[] = [];
  const collect = (line: string) => {
    if (verbose) console.log(line);
    if (/"level":(50|60)/.test(line)) errorLogs.push(line);
    if (line.startsWith('[worker]') && /Activity failed/i.test(line)) activityFailures.push(line);
  };
  const world: FaultWorld = {
    stack,
    platform,
    worker: undefined as unknown as NodeChild,
    api: undefined as unknown as NodeChild,
    temporal: await stackClient(stack),
    db: createDb(stack.databaseUrl, 4),
    errorLogs,
    activityFailures,
    async startWorker() {
      world.worker = await startWorker(platform, collect);
    },
    async stop() {
      await Promise.all([world.api?.stop(5_000), world.worker?.stop(5_000)]);
      await world.temporal.connection.close().catch(() => undefined);
      await world.db.destroy().catch(() => undefined);
      await stack.stop();
    },
  };
  try {
    const [worker, api] = await Promise.all([startWorker(platform, collect), startApi(platform, collect)]);
    world.worker = worker;
    world.api = api;
  } catch (error) {
    await world.stop();
    throw error;
  }
  return world;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ScenarioOptions {
  name: string;
  /** Lifecycles (people) and their arrival rate per second. */
  n?: number;
  rate?: number;
  /** When, after the first arrival, the fault is injected; `fault` resolves once repaired. */
  faultAtMs: number;
  fault(world: FaultWorld): Promise<void>;
  /** Each person clicks the link between 0 and this long after the mail arrives. */
  maxClickDelayMs?: number;
}

export interface ScenarioReport {
  name: string;
  durationS: number;
  people: number;
  outcomes: PatientOutcome[];
  answers: RecordedAnswer[];
  counts: Record<string, number>;
  problems: string[];
}

export async function runScenario(world: FaultWorld, options: ScenarioOptions): Promise<ScenarioReport> {
  const n = Number(process.env.FAULTS_N ?? options.n ?? 200);
  const rate = options.rate ?? 10;
  const runId = randomBytes(3).toString('hex');
  const answers: RecordedAnswer[] = [];
  const started = Date.now();
  const maxClickDelayMs = options.maxClickDelayMs ?? 20_000;
  world.errorLogs.length = 0;
  world.activityFailures.length = 0;

  const fault = sleep(options.faultAtMs).then(async () => {
    const t0 = Date.now();
    console.log(`[${options.name}] fault injected at ${((t0 - started) / 1000).toFixed(1)} s`);
    await options.fault(world);
    console.log(`[${options.name}] repaired after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
  const people = drive({
    label: options.name.slice(0, 9),
    n,
    rate,
    quiet: !process.stderr.isTTY,
    run: (index) =>
      patientCandidateLifecycle({
        baseUrl: world.platform.baseUrl,
        inbox: world.stack.inbox,
        runId,
        index,
        // Validations at various points: before, during and after the fault.
        clickDelayMs: Math.round(Math.random() * maxClickDelayMs),
        answers,
        timeoutMs: 360_000,
      }),
  });
  const [drove] = await Promise.all([people, fault]);
  const outcomes = drove.results;
  // A person is done at the welcome mail; the workflow still records its last step after it.
  await waitForWorkflowsToClose(world, outcomes, 180_000);
  const report = await countEverything(world, runId, outcomes, answers, started);
  report.problems.push(...(await explainSlowAnswers(world, outcomes, answers, started)));
  return { name: options.name, durationS: Math.round((Date.now() - started) / 100) / 10, people: n, outcomes, answers, ...report };
}

async function waitForWorkflowsToClose(world: FaultWorld, outcomes: PatientOutcome[], timeoutMs: number) {
  const ids = outcomes.filter((o) => o.accountId).map((o) => candidateAccountWorkflowId(o.accountId!));
  const deadline = Date.now() + timeoutMs;
  for (const id of ids) {
    for (;;) {
      const { status } = await world.temporal.workflow
        .getHandle(id)
        .describe()
        .catch(() => ({ status: { name: 'UNKNOWN' } }));
      if (status.name !== 'RUNNING' || Date.now() > deadline) break;
      await sleep(500);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// After the run: what exists, and what should not.

interface AccountFacts {
  id: string;
  email: string;
  status: string;
  events: number;
  mails_logged: number;
  mails_sent: number;
  tokens: number;
  tokens_used: number;
  sessions: number;
}

async function countEverything(world: FaultWorld, runId: string, outcomes: PatientOutcome[], answers: RecordedAnswer[], started: number) {
  const problems: string[] = [];
  const emailPrefix = `candidat.${runId}.`;
  const accounts: AccountFacts[] = (
    await world.db.raw(
      `SELECT a.id, a.email::text AS email, a.status,
         (SELECT count(*) FROM lifecycle_events e WHERE e.workflow_id = 'candidate-account-' || a.id) AS events,
         (SELECT count(*) FROM mail_log m WHERE m.idempotency_key LIKE 'candidate-account-' || a.id || ':%') AS mails_logged,
         (SELECT count(*) FROM mail_log m WHERE m.idempotency_key LIKE 'candidate-account-' || a.id || ':%' AND m.sent_at IS NOT NULL) AS mails_sent,
         (SELECT count(*) FROM one_time_tokens t WHERE t.workflow_id = 'candidate-account-' || a.id) AS tokens,
         (SELECT count(*) FROM one_time_tokens t WHERE t.workflow_id = 'candidate-account-' || a.id AND t.used_at IS NOT NULL) AS tokens_used,
         (SELECT count(*) FROM sessions s WHERE s.principal_id = a.id) AS sessions
       FROM candidate_accounts a WHERE a.email LIKE ?`,
      [`${emailPrefix}%`],
    )
  ).rows;
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const byEmail = new Map(accounts.map((a) => [a.email, a]));

  // Every workflow of this scenario, with its status (the cluster runs several scenarios in one world).
  const workflows = new Map<string, string>();
  // Lifecycles whose API transaction never committed (the person got a 503, not a 201) end
  // « abandoned » on purpose: they are the compensation, not an orphan.
  const abandoned = new Set<string>();
  const since = new Date(started - 1_000).toISOString();
  for await (const execution of world.temporal.workflow.list({ query: `WorkflowType = "candidateAccount" AND StartTime >= "${since}"` })) {
    workflows.set(execution.workflowId, execution.status.name);
    if (execution.typedSearchAttributes.get(LifecycleStatus) === 'abandoned') abandoned.add(execution.workflowId);
  }
  const results = new Map<string, string>();
  await Promise.all(
    accounts.map(async (account) => {
      const id = candidateAccountWorkflowId(account.id);
      if (workflows.get(id) === 'COMPLETED') results.set(id, String(await world.temporal.workflow.getHandle(id).result()));
    }),
  );

  // Lost 2xx: a 201 whose workflow, rows or mails are not all there.
  let lost = 0;
  for (const outcome of outcomes) {
    if (!outcome.accountId) continue;
    const account = byId.get(outcome.accountId);
    const id = candidateAccountWorkflowId(outcome.accountId);
    const wrong: string[] = [];
    if (!account) wrong.push('no account row');
    else {
      if (account.status !== 'active') wrong.push(`account ${account.status}`);
      if (account.events !== 2) wrong.push(`${account.events} lifecycle_events rows (expected 2)`);
      if (account.mails_sent !== 2 || account.mails_logged !== 2)
        wrong.push(`mail_log ${account.mails_sent} sent / ${account.mails_logged} rows (expected 2 / 2)`);
      if (account.tokens !== 1 || account.tokens_used !== 1)
        wrong.push(`${account.tokens} tokens, ${account.tokens_used} used (expected 1 / 1)`);
    }
    if (workflows.get(id) !== 'COMPLETED' || results.get(id) !== 'validated')
      wrong.push(`workflow ${workflows.get(id) ?? 'missing'} ${results.get(id) ?? ''}`);
    if (wrong.length) {
      lost += 1;
      problems.push(`201 for ${outcome.email}: ${wrong.join(', ')}`);
    }
  }
  for (const outcome of outcomes) if (!outcome.done) problems.push(`${outcome.email} not done: ${outcome.error}`);

  // Mails at the receiver, per recipient and subject.
  let validationMails = 0;
  let validatedMails = 0;
  let duplicateMails = 0;
  let differingDuplicates = 0;
  for (const outcome of outcomes) {
    const received = world.stack.inbox.to(outcome.email);
    for (const subject of [subjects.validation, subjects.validated]) {
      const matching = received.filter((m) => subject.test(m.subject));
      if (subject === subjects.validation) validationMails += matching.length;
      else validatedMails += matching.length;
      if (matching.length > 1) {
        duplicateMails += matching.length - 1;
        // SMTP has no exactly-once: a copy with the same Message-ID and the same text is what
        // deliverOnce accepts (receivers drop it). A copy that differs (another link) is a bug.
        const identical = new Set(matching.map((m) => `${m.messageId}\n${m.text}`)).size === 1;
        if (!identical) differingDuplicates += matching.length - 1;
        const sameId = new Set(matching.map((m) => m.messageId)).size === 1;
        const links = new Set(matching.map((m) => /\/liens\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1]));
        problems.push(
          `${matching.length} mails "${matching[0]!.subject}" to ${outcome.email} (Message-ID ${sameId ? 'identical' : 'different'}, text ${identical ? 'identical' : 'different'}${subject === subjects.validation ? `, ${links.size} distinct link(s)` : ''})`,
        );
      }
    }
  }

  // Rows that should exist once per account.
  const rowsTwice = accounts.filter((a) => a.events > 2 || a.mails_logged > 2 || a.tokens > 1).length;
  const accountsWithout2xx = outcomes.filter((o) => !o.accountId && byEmail.has(o.email)).length;
  const orphanWorkflows = [...workflows.keys()].filter((id) => !abandoned.has(id) && !byId.has(id.replace(/^candidate-account-/, '')));
  if (orphanWorkflows.length)
    problems.push(
      `${orphanWorkflows.length} candidateAccount workflow(s) without an account row: ${orphanWorkflows.slice(0, 3).join(', ')} (${orphanWorkflows.map((id) => workflows.get(id)).join(', ')})`,
    );

  const statusOf = (status: string) => [...workflows.values()].filter((s) => s === status).length;
  const counts: Record<string, number> = {
    people: outcomes.length,
    'people done (validated, logged in, welcome mail)': outcomes.filter((o) => o.done).length,
    'creations answered 201': outcomes.filter((o) => o.accountId).length,
    'creations that committed behind an error answer': outcomes.filter((o) => o.createdBehindAnError).length,
    'lost 2xx (201 without its workflow, rows or mails)': lost,
    'account rows': accounts.length,
    'account rows without a 201': accountsWithout2xx,
    'workflows COMPLETED': statusOf('COMPLETED'),
    'workflows FAILED': statusOf('FAILED'),
    'workflows RUNNING': statusOf('RUNNING'),
    'workflows without an account row': orphanWorkflows.length,
    'workflows abandoned (API transaction rolled back, answered 503)': abandoned.size,
    'lifecycle_events rows': sum(accounts, 'events'),
    'mail_log rows (sent)': sum(accounts, 'mails_sent'),
    'one_time_tokens rows': sum(accounts, 'tokens'),
    'accounts with a row written twice': rowsTwice,
    'validation mails received (SMTP)': validationMails,
    'welcome mails received (SMTP)': validatedMails,
    'mails received twice (same recipient+subject)': duplicateMails,
    '… of which differing (other Message-ID or other link)': differingDuplicates,
    'SMTP commands refused (421)': world.stack.inbox.refusedCount(),
    'link clicks refused « remplacé » (workflow lagging)': outcomes.reduce((s, o) => s + o.supersededRefusals, 0),
    'logins refused « pas validé » after the link was accepted': outcomes.reduce((s, o) => s + o.loginsRefusedAfterValidation, 0),
    'API/worker error log lines': world.errorLogs.length,
    'activity attempts failed (retried by Temporal)': world.activityFailures.length,
  };
  for (const [key, value] of Object.entries(tally(answers))) counts[`HTTP ${key}`] = value;
  return { counts, problems };
}

/**
 * For the slowest answer (over 20 s, or none at all), the workflow's history around it: which
 * event the request waited on. Printed with the problems, for the report.
 */
async function explainSlowAnswers(
  world: FaultWorld,
  outcomes: PatientOutcome[],
  answers: RecordedAnswer[],
  started: number,
): Promise<string[]> {
  const slow = answers.filter((a) => a.status === 0 || a.ms > 20_000).sort((a, b) => b.ms - a.ms);
  if (slow.length === 0) return [];
  const worst = slow[0]!;
  const accountId = outcomes.find((o) => o.email === worst.email)?.accountId;
  const lines = [
    `${slow.length} answer(s) slower than 20 s or missing; slowest: ${worst.step} of ${worst.email}, ${worst.status || 'no answer'} after ${(worst.ms / 1000).toFixed(1)} s (sent at +${((worst.at - started) / 1000).toFixed(1)} s)`,
  ];
  if (!accountId) return lines;
  try {
    const history = JSON.parse(
      historyToJSON(await world.temporal.workflow.getHandle(candidateAccountWorkflowId(accountId)).fetchHistory()),
    );
    for (const event of history.events ?? []) {
      const at = Date.parse(event.eventTime);
      const type = String(event.eventType ?? '').replace('EVENT_TYPE_', '');
      const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
      lines.push(`    +${((at - started) / 1000).toFixed(1)} s ${type}${activity ? ` (${activity})` : ''}`);
    }
  } catch (error) {
    lines.push(`    (history unavailable: ${(error as Error).message})`);
  }
  return lines;
}

function sum(rows: AccountFacts[], key: keyof AccountFacts): number {
  return rows.reduce((total, row) => total + Number(row[key]), 0);
}

/** `create 201`, `create 503`, `link form 0` (no answer)… */
function tally(answers: RecordedAnswer[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const answer of answers) {
    const key = `${answer.step} ${answer.status === 0 ? 'no answer' : answer.status}`;
    result[key] = (result[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

export function printReport(report: ScenarioReport, world: FaultWorld): void {
  const rows = [['count', 'value'], ...Object.entries(report.counts).map(([key, value]) => [key, String(value)])];
  const lines = [`\n== ${report.name}: ${report.people} lifecycles, ${report.durationS} s`, table(rows)];
  if (report.problems.length) lines.push('Problems:', ...report.problems.slice(0, 60).map((p) => `  - ${p}`));
  const distinctErrors = [...new Set(world.errorLogs.map(errorSummary))];
  if (distinctErrors.length) lines.push('Error log lines (distinct):', ...distinctErrors.slice(0, 8).map((e) => `  - ${e}`));
  console.log(lines.join('\n'));
}

function errorSummary(line: string): string {
  try {
    const entry = JSON.parse(line.replace(/^\[[^\]]+\] /, ''));
    return `${entry.msg}${entry.err ? `: ${entry.err.type} ${String(entry.err.message).slice(0, 160)}` : ''}`;
  } catch {
    return line.slice(0, 200);
  }
}

/** What every scenario must show: each promise of `nothingLostNothingTwice` kept. */
export const everyPromiseKept = {
  everyPersonDone: true,
  noLost2xx: true,
  noWorkflowFailedOrStuck: true,
  noOrphanWorkflow: true,
  noRowTwice: true,
  noDifferentMailTwice: true,
  no500: true,
} as const;

/** The suite's promise: nothing lost, nothing twice, and an honest answer during the outage. */
export function nothingLostNothingTwice(report: ScenarioReport) {
  const c = report.counts;
  return {
    everyPersonDone: c['people done (validated, logged in, welcome mail)'] === report.people,
    noLost2xx: c['lost 2xx (201 without its workflow, rows or mails)'] === 0,
    noWorkflowFailedOrStuck: c['workflows FAILED'] === 0 && c['workflows RUNNING'] === 0,
    noOrphanWorkflow: c['workflows without an account row'] === 0,
    noRowTwice: c['accounts with a row written twice'] === 0,
    // Identical copies (same Message-ID, same text) are the one duplicate SMTP cannot rule out.
    noDifferentMailTwice: c['… of which differing (other Message-ID or other link)'] === 0,
    no500: Object.entries(c).every(([key, value]) => !/^HTTP .* 500$/.test(key) || value === 0),
  };
}
