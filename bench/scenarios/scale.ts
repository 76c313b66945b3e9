/**
 * Scale scenario: many lifecycles left waiting on people. Do the inbox and « mes candidatures »
 * stay flat, and what does the worker hold?
 *
 * The waiting lifecycles are real training pre-registrations (seed 004) waiting for their
 * supérieur hiérarchique, whose address is a staff member's: each one runs its workflow up to the
 * open decision (confirmation mail to the applicant, decision task in the supervisor's inbox,
 * decision mail). Filling them through the HTTP API would measure argon2 and the five-step form
 * 10,000 times (4–6/s here), so the fill writes the sent forms and their applicants straight into
 * PostgreSQL, as « Envoyer » leaves them, and starts each lifecycle with the very description the
 * API uses (`preRegistrationLifecycleStart`) through the Temporal client.
 *
 * `rows` then tops the projections up with rows written by SQL only (no workflow behind them):
 * the inbox and « mes candidatures » read nothing else, so this measures the queries at 100,000
 * pending tasks on a machine that cannot run 100,000 workflows in a session. The report names
 * which figure comes from which.
 *
 * Reads are timed through the API at each checkpoint (500 requests one after the other, after 20 to
 * warm up: the latency of the read, not the queueing of a 2-core machine), for a typical
 * approver (1 task in 200), the busiest one (1 in 20: an administrateur who signs many), and a
 * candidate with three pre-registrations.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { startLifecycle } from '../../api/lifecycles.js';
import { preRegistrationLifecycleStart } from '../../api/trainingPreRegistration/useCases.js';
import { createDb, type Db } from '../../db/connection.js';
import { externalPartyFor } from '../../db/externalParties.js';
import { drive } from '../../harness/arrivals.js';
import { http } from '../../harness/candidates.js';
import { currentRss, peakRss, rssSampler } from '../../harness/processes.js';
import { type Summary, summarize } from '../../harness/stats.js';
import type { Config } from '../../lib/config.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { createProgressBar } from '../../lib/progressBar.js';

/** Supervisors the tasks are spread over; the busiest gets one task in `busyEvery`. */
const APPROVERS = 200;
const BUSY_EVERY = 20;
const PASSWORD = 'Bench-Scale-2026';
/** The measured candidate has a pre-registration in each of these sessions. */
const SESSIONS = 3;

export interface ScaleCheckpoint {
  label: string;
  pendingTasks: number;
  typicalInbox: number;
  busyInbox: number;
  reads: Record<string, Summary & { errors: number }>;
  workerRss?: number;
}

interface Fixture {
  db: Db;
  approvers: { id: string; email: string }[];
  sessions: { id: string; actionId: string; actionCode: string; actionTitle: string; startsOn: string }[];
  candidateHash: string;
  typicalToken: string;
  busyToken: string;
  candidateToken: string;
  candidateId: string;
  candidateEmail: string;
}

/** Which supervisor decides pre-registration number `i`: the busy one (index 0) every BUSY_EVERY, else round robin. */
const approverIndexFor = (i: number) => (i % BUSY_EVERY === 0 ? 0 : 1 + (i % (APPROVERS - 1)));

async function login(baseUrl: string, path: string, body: Record<string, string>): Promise<string> {
  const answer = await http(baseUrl, 'POST', path, body);
  if (answer.status !== 201) throw new Error(`login ${path}: ${answer.status} ${answer.text.slice(0, 200)}`);
  return answer.body.token as string;
}

async function setUp(context: { databaseUrl: string; baseUrl: string; config: Config; runId: string }): Promise<Fixture> {
  const db = createDb(context.databaseUrl, 4);
  const hasher = createPasswordHasher(context.config.argon2);
  const staffHash = await hasher.hash(PASSWORD);
  const run = context.runId;
  const approvers: { id: string; email: string }[] = await db('staff_accounts')
    .insert(
      Array.from({ length: APPROVERS }, (_, i) => ({
        email: `superieur.${i}.${run}@universite.example`,
        display_name: `Supérieur ${i}`,
        password_hash: staffHash,
      })),
    )
    .returning(['id', 'email']);
  const [action] = await db('training_actions')
    .insert({
      code: `BENCH-${run}`.slice(0, 40),
      title: 'Excel avancé (banc d’essai)',
      theme: 'Bureautique',
      description: 'Action de formation du banc d’essai.',
    })
    .returning(['id', 'code', 'title']);
  const sessions = [];
  for (let s = 0; s < SESSIONS; s++) {
    const startsOn = new Date(Date.now() + (180 + 30 * s) * 86_400_000).toISOString().slice(0, 10);
    const [row] = await db('training_sessions')
      .insert({ action_id: action.id, starts_on: startsOn, ends_on: startsOn, place: 'Campus', capacity: 20 })
      .returning(['id']);
    sessions.push({
      id: row.id as string,
      actionId: action.id as string,
      actionCode: action.code as string,
      actionTitle: action.title as string,
      startsOn,
    });
  }
  const [candidate] = await db('candidate_accounts')
    .insert({
      file_number: `B${run}`.slice(0, 20),
      last_name: 'Mesure',
      first_name: 'Camille',
      email: `camille.${run}@example.org`,
      password_hash: await hasher.hash(PASSWORD),
      status: 'active',
      validated_at: db.fn.now(),
    })
    .returning(['id', 'email']);
  const typical = approvers[1]!;
  const busy = approvers[0]!;
  return {
    db,
    approvers,
    sessions,
    candidateHash: staffHash,
    typicalToken: await login(context.baseUrl, '/api/staff/sessions', { email: typical.email, password: PASSWORD }),
    busyToken: await login(context.baseUrl, '/api/staff/sessions', { email: busy.email, password: PASSWORD }),
    candidateToken: await login(context.baseUrl, '/api/sessions', { login: candidate.email as string, password: PASSWORD }),
    candidateId: candidate.id as string,
    candidateEmail: candidate.email as string,
  };
}

async function timeReads(baseUrl: string, fixture: Fixture) {
  const get = (path: string, token: string) => async () =>
    (await http(baseUrl, 'GET', path, undefined, { authorization: `Bearer ${token}` })).status;
  const endpoints: Record<string, () => Promise<number>> = {
    'inbox, typical approver (GET /api/approvals/inbox)': get('/api/approvals/inbox', fixture.typicalToken),
    'inbox, busiest approver': get('/api/approvals/inbox', fixture.busyToken),
    '« mes candidatures » (GET /api/me/pre-registrations)': get('/api/me/pre-registrations', fixture.candidateToken),
    'GET /api/me': get('/api/me', fixture.candidateToken),
  };
  const report: Record<string, Summary & { errors: number }> = {};
  for (const [name, call] of Object.entries(endpoints)) {
    for (let i = 0; i < 20; i++) await call(); // warm the plan cache and the connections
    const durations: number[] = [];
    let errors = 0;
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      const status = await call();
      durations.push(performance.now() - t0);
      if (status !== 200) errors += 1;
    }
    report[name] = { ...summarize(durations), errors };
  }
  return report;
}

async function checkpoint(label: string, baseUrl: string, fixture: Fixture, workerPid?: number): Promise<ScaleCheckpoint> {
  const { db } = fixture;
  await db.raw('ANALYZE approval_tasks, approval_requests, pre_registrations, candidate_accounts');
  const count = async (staffId?: string) => {
    const query = db('approval_tasks').where({ status: 'pending' });
    if (staffId) query.andWhere({ staff_id: staffId });
    return Number((await query.count({ n: '*' }))[0]!.n);
  };
  return {
    label,
    pendingTasks: await count(),
    typicalInbox: await count(fixture.approvers[1]!.id),
    busyInbox: await count(fixture.approvers[0]!.id),
    reads: await timeReads(baseUrl, fixture),
    ...(workerPid ? { workerRss: currentRss(workerPid) } : {}),
  };
}

/** Writes `count` sent pre-registrations (and their applicants) as « Envoyer » leaves them; returns them. */
async function writeSentForms(fixture: Fixture, runId: string, from: number, count: number) {
  const { db } = fixture;
  const forms: {
    id: string;
    applicantId: string;
    name: string;
    email: string;
    supervisorEmail: string;
    session: Fixture['sessions'][number];
  }[] = [];
  for (let i = from; i < from + count; i++) {
    // The measured candidate owns the first SESSIONS forms, one per session.
    const own = i < SESSIONS;
    const email = own ? fixture.candidateEmail : `candidat.${runId}.${i}@example.org`;
    forms.push({
      id: randomUUID(),
      applicantId: own ? fixture.candidateId : randomUUID(),
      name: own ? 'Camille Mesure' : `Candidat${i} Banc`,
      email,
      supervisorEmail: fixture.approvers[approverIndexFor(i)]!.email,
      session: fixture.sessions[own ? i : 0]!,
    });
  }
  const newApplicants = forms.filter((f) => f.applicantId !== fixture.candidateId);
  if (newApplicants.length) {
    await db('candidate_accounts').insert(
      newApplicants.map((f, k) => ({
        id: f.applicantId,
        file_number: `B${runId}${from + k}`.slice(0, 30),
        last_name: 'Banc',
        first_name: f.name.split(' ')[0],
        email: f.email,
        password_hash: fixture.candidateHash,
        status: 'active',
        validated_at: db.fn.now(),
      })),
    );
  }
  await db('pre_registrations').insert(
    forms.map((f) => ({
      id: f.id,
      session_id: f.session.id,
      applicant_id: f.applicantId,
      status: 'awaiting_supervisor',
      identity: JSON.stringify({ lastName: f.name.split(' ')[1], firstName: f.name.split(' ')[0] }),
      supervisor: JSON.stringify({ lastName: 'Supérieur', firstName: 'Hiérarchique', email: f.supervisorEmail }),
      submitted_at: db.fn.now(),
    })),
  );
  return forms;
}

/** Real lifecycles: forms in PostgreSQL, workflows started at `rate`/s, until each has its task open. */
async function fillWithLifecycles(context: {
  client: Client;
  config: Config;
  taskQueue: string;
  runId: string;
  fixture: Fixture;
  count: number;
  rate: number;
}) {
  const { fixture, count } = context;
  const batch = 1000;
  const started: string[] = [];
  const t0 = performance.now();
  let failures = 0;
  for (let from = 0; from < count; from += batch) {
    const forms = await writeSentForms(fixture, context.runId, from, Math.min(batch, count - from));
    const result = await drive({
      label: `lifecycles ${from + 1}–${from + forms.length} of ${count}`,
      n: forms.length,
      rate: context.rate,
      run: async (k) => {
        const f = forms[k]!;
        const start = preRegistrationLifecycleStart(context.config, {
          preRegistrationId: f.id,
          applicant: { id: f.applicantId },
          // As the API does: addresses become external parties, the lifecycle gets their ids.
          applicantParty: await externalPartyFor(fixture.db, f.email),
          supervisorParty: await externalPartyFor(fixture.db, f.supervisorEmail),
          session: f.session,
        });
        await startLifecycle(context.client, context.taskQueue, start);
        started.push(start.workflowId);
      },
    });
    failures += result.failures.length;
  }
  const startedInS = (performance.now() - t0) / 1000;
  // Every lifecycle has reached its open decision when its supervisor task exists.
  const bar = createProgressBar({ label: 'waiting for every decision task', counts: true, piped: 'every10Percent' });
  const deadline = Date.now() + Math.max(600_000, started.length * 1_000);
  let open = 0;
  while (Date.now() < deadline) {
    open = Number(
      (
        await fixture
          .db('approval_tasks')
          .where({ status: 'pending', step: 'superieur' })
          .whereLike('workflow_id', 'training-pre-registration-%')
          .count({ n: '*' })
      )[0]!.n,
    );
    bar.update(open, started.length, `${failures} failed to start`);
    if (open >= started.length) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  bar.finish();
  const totalS = (performance.now() - t0) / 1000;
  return {
    started: started.length,
    failedToStart: failures,
    waitingOnTheirDecision: open,
    startRatePerS: Math.round((started.length / startedInS) * 10) / 10,
    reachedWaitingPerS: Math.round((open / totalS) * 10) / 10,
    seconds: Math.round(totalS),
  };
}

/** Projection rows only (no workflow): tops pending tasks up to `total`, with pre-registrations and applicants. */
async function fillWithRows(fixture: Fixture, runId: string, total: number) {
  const { db } = fixture;
  const chunk = 20_000;
  const current = Number((await db('approval_tasks').where({ status: 'pending' }).count({ n: '*' }))[0]!.n);
  const missing = Math.max(0, total - current);
  const bar = createProgressBar({ label: 'projection rows', counts: true, piped: 'every10Percent' });
  const approverIds = fixture.approvers.map((a) => a.id);
  for (let done = 0; done < missing; done += chunk) {
    const size = Math.min(chunk, missing - done);
    const offset = current + done;
    await db.transaction(async (tx) => {
      const params = {
        run: runId,
        offset,
        size,
        session: fixture.sessions[0]!.id,
        hash: fixture.candidateHash,
        approvers: approverIds,
        busyEvery: BUSY_EVERY,
        n: APPROVERS,
      };
      // Same distribution as the lifecycles: the busiest approver gets one in BUSY_EVERY, the others round robin.
      await tx.raw(
        `CREATE TEMP TABLE bench_rows ON COMMIT DROP AS
           SELECT i, gen_random_uuid() AS applicant_id, gen_random_uuid() AS pre_registration_id,
                  (:approvers::uuid[])[CASE WHEN i % :busyEvery = 0 THEN 1 ELSE 2 + (i % (:n - 1)) END] AS staff_id
             FROM generate_series(:offset::int, :offset::int + :size::int - 1) AS i`,
        params,
      );
      await tx.raw(
        `INSERT INTO candidate_accounts (id, file_number, last_name, first_name, email, password_hash, status, validated_at)
           SELECT applicant_id, 'S' || :run || '-' || i, 'Ligne', 'Candidat' || i, 'ligne.' || :run || '.' || i || '@example.org', :hash, 'active', now() FROM bench_rows`,
        params,
      );
      await tx.raw(
        `INSERT INTO pre_registrations (id, session_id, applicant_id, status, supervisor, submitted_at)
           SELECT pre_registration_id, :session, applicant_id, 'awaiting_supervisor', '{}'::jsonb, now() FROM bench_rows`,
        params,
      );
      await tx.raw(
        `INSERT INTO approval_requests (workflow_id, step, kind, title, details, requester_key, requester_name, outcomes, status, deadline_at, opened_at)
           SELECT 'bench-rows-' || pre_registration_id, 'superieur', 'trainingPreRegistration', 'Pré-inscription de Candidat' || i || ' à « Excel avancé »',
                  '{}'::jsonb, 'candidate:' || applicant_id, 'Candidat' || i || ' Ligne', ARRAY['approve','refuse'], 'pending',
                  now() + interval '14 days' + (i % 1000) * interval '1 minute', now() FROM bench_rows`,
        params,
      );
      await tx.raw(
        `INSERT INTO approval_tasks (workflow_id, step, approver_key, staff_id, email, approver_name, kind, deadline_at, request_status)
           SELECT r.workflow_id, 'superieur', 'staff:' || b.staff_id, b.staff_id, s.email, s.display_name, r.kind, r.deadline_at, r.status
             FROM bench_rows b JOIN staff_accounts s ON s.id = b.staff_id
             JOIN approval_requests r ON r.workflow_id = 'bench-rows-' || b.pre_registration_id AND r.step = 'superieur'`,
      );
    });
    bar.update(done + size, missing);
  }
  bar.finish();
  return { rowsAdded: missing };
}

export interface ScaleReport {
  lifecycles?: Awaited<ReturnType<typeof fillWithLifecycles>>;
  rows?: Awaited<ReturnType<typeof fillWithRows>>;
  workerRss: { beforeFill?: number; peakDuringFill?: number; afterFill?: number; peakVmHWM?: number };
  runningPreRegistrationWorkflows?: number;
  checkpoints: ScaleCheckpoint[];
}

export async function scaleScenario(context: {
  databaseUrl: string;
  baseUrl: string;
  client: Client;
  config: Config;
  taskQueue: string;
  workerPid: number;
  runId: string;
  /** Real lifecycles left waiting. */
  lifecycles: number;
  /** Then pending tasks topped up to this total with projection rows (0: none). */
  rows: number;
  fillRate: number;
  say(line: string): void;
}): Promise<ScaleReport> {
  const fixture = await setUp(context);
  try {
    const checkpoints = [await checkpoint('before', context.baseUrl, fixture, context.workerPid)];
    const report: ScaleReport = { workerRss: { beforeFill: currentRss(context.workerPid) }, checkpoints };
    if (context.lifecycles > 0) {
      context.say(
        `scale: ${context.lifecycles} training pre-registrations left waiting on their supervisor (${context.fillRate} starts/s)`,
      );
      const sampler = rssSampler(() => context.workerPid);
      report.lifecycles = await fillWithLifecycles({ ...context, fixture, count: context.lifecycles, rate: context.fillRate });
      sampler.stop();
      report.workerRss = {
        ...report.workerRss,
        peakDuringFill: sampler.peak(),
        afterFill: currentRss(context.workerPid),
        peakVmHWM: peakRss(context.workerPid),
      };
      report.runningPreRegistrationWorkflows = (
        await context.client.workflow
          .count(`WorkflowType = "trainingPreRegistration" AND ExecutionStatus = "Running"`)
          .catch(() => undefined)
      )?.count;
      checkpoints.push(
        await checkpoint(`${report.lifecycles.waitingOnTheirDecision} lifecycles waiting`, context.baseUrl, fixture, context.workerPid),
      );
    }
    if (context.rows > 0) {
      context.say(`scale: pending tasks topped up to ${context.rows} with projection rows (no workflow behind them)`);
      report.rows = await fillWithRows(fixture, context.runId, context.rows);
      checkpoints.push(await checkpoint(`${context.rows} pending tasks (rows added by SQL)`, context.baseUrl, fixture, context.workerPid));
    }
    return report;
  } finally {
    await fixture.db.destroy();
  }
}
