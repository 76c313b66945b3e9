/**
 * Second scenario: a request with decisions, decided through the links of the mails.
 *
 * A logged-in candidate submits a demonstration request with two steps, each decided by an
 * external approver (their own address, as a supervisor of seed 004 is). The approver of the first
 * step receives « Décision attendue », opens the link (GET page) and approves with the page's form
 * (CSRF token, Origin), as a browser does; the measured figure is the one the issue names:
 * « decision → next mail received » = from the POST of that form to the arrival, at our SMTP
 * receiver, of the second approver's mail. The second approver then decides too, and the lifecycle
 * is complete when its workflow has closed.
 */
import type { Client } from '@temporalio/client';
import { type DriveResult, drive } from '../../harness/arrivals.js';
import { type Answer, answerText, http, openAndSubmitLink } from '../../harness/candidates.js';
import { decisionLinkIn, decisionSubject, type Inbox } from '../../harness/inbox.js';
import { type Summary, summarize } from '../../harness/stats.js';
import type { Breakdown } from '../history.js';

export interface DecisionTimings {
  /** POST /api/approvals/demo-requests until its 201. */
  startMs: number;
  /** The 201 until the first approver's mail is in the inbox. */
  createdToFirstMailMs: number;
  /** GET of the decision page (changes nothing). */
  pageMs: number;
  /** POST of the decision form until its 200 (the Update has been accepted and answered). */
  decisionPostMs: number;
  /** POST of the first decision until the second approver's mail is in the inbox. */
  decisionToNextMailMs: number;
  /** POST of the second (last) decision until the workflow has closed. */
  lastDecisionToClosedMs: number;
  totalMs: number;
  workflowId: string;
}

function expectStatus(step: string, answer: Answer, status: number): void {
  if (answer.status !== status) throw new Error(`${step}: expected ${status}, got ${answer.status} ${answerText(answer)}`);
}

/** Opens the decision page as a browser would and submits « approve » with its form. */
async function decideThroughLink(baseUrl: string, link: string) {
  const opened = await openAndSubmitLink(baseUrl, link, { fields: { outcome: 'approve', comment: 'Accord (benchmark)' } });
  expectStatus('decision page', opened.get, 200);
  expectStatus('decision form', opened.post!, 200);
  return { pageMs: opened.getMs, postMs: opened.postMs!, postedAt: opened.postedAt! };
}

async function oneRequest(context: {
  baseUrl: string;
  inbox: Inbox;
  client: Client;
  session: string;
  runId: string;
  index: number;
  thinkMs: number;
}): Promise<DecisionTimings> {
  const { baseUrl, inbox, index, runId } = context;
  const approvers = [1, 2].map((n) => `approbateur${n}.${runId}.${index}@entreprise.example`);
  const plan = { deadline: 'P14D', remindAfter: 'P3D', remindEvery: 'P2D' };
  const t0 = performance.now();
  const created = await http(
    baseUrl,
    'POST',
    '/api/approvals/demo-requests',
    {
      title: `Demande ${index} du banc d’essai`,
      details: { Formation: 'Excel avancé', Session: '12 janvier' },
      steps: [
        { step: 'superieur', approvers: [{ email: approvers[0] }], plan },
        { step: 'charge-de-projet', approvers: [{ email: approvers[1] }], plan },
      ],
    },
    { authorization: `Bearer ${context.session}` },
  );
  const startMs = performance.now() - t0;
  expectStatus('submit', created, 201);
  const createdAt = Date.now();
  const workflowId = created.body.workflowId as string;

  const first = await inbox.waitFor(approvers[0]!, decisionSubject, { timeoutMs: 600_000 });
  const createdToFirstMailMs = Math.max(0, first.receivedAt - createdAt);
  await new Promise((resolve) => setTimeout(resolve, context.thinkMs));
  const firstDecision = await decideThroughLink(baseUrl, decisionLinkIn(first));

  const second = await inbox.waitFor(approvers[1]!, decisionSubject, { timeoutMs: 600_000 });
  const decisionToNextMailMs = Math.max(0, second.receivedAt - firstDecision.postedAt);
  await new Promise((resolve) => setTimeout(resolve, context.thinkMs));
  const lastDecision = await decideThroughLink(baseUrl, decisionLinkIn(second));
  const outcome = (await context.client.workflow.getHandle(workflowId).result()) as { outcome: string };
  if (outcome.outcome !== 'approve') throw new Error(`lifecycle ended ${outcome.outcome}, expected approve`);
  return {
    startMs,
    createdToFirstMailMs,
    pageMs: firstDecision.pageMs,
    decisionPostMs: firstDecision.postMs,
    decisionToNextMailMs,
    lastDecisionToClosedMs: Date.now() - lastDecision.postedAt,
    totalMs: performance.now() - t0,
    workflowId,
  };
}

export interface DecisionReport {
  completed: number;
  failed: number;
  failures: { index: number; error: string }[];
  offeredRatePerS: number;
  throughputPerS: number;
  latencyMs: Record<string, Summary>;
  /** Filled by the caller from the workflow histories. */
  historyBreakdown?: Breakdown;
  medianTimeline?: string[];
  /** Share of the machine's CPU time the host gave to other guests during the scenario. */
  hostCpuStolenPct?: number;
}

export function decisionReport(result: DriveResult<DecisionTimings>, rate: number): DecisionReport {
  const pick = (key: keyof DecisionTimings) => summarize(result.results.map((r) => r[key] as number));
  return {
    completed: result.results.length,
    failed: result.failures.length,
    failures: result.failures.slice(0, 5),
    offeredRatePerS: rate,
    throughputPerS: Math.round((result.results.length / (result.makespanMs / 1000)) * 100) / 100,
    latencyMs: {
      start: pick('startMs'),
      createdToFirstMail: pick('createdToFirstMailMs'),
      decisionPage: pick('pageMs'),
      decisionPost: pick('decisionPostMs'),
      decisionToNextMail: pick('decisionToNextMailMs'),
      lastDecisionToClosed: pick('lastDecisionToClosedMs'),
      total: pick('totalMs'),
    },
  };
}

/** Runs `n` two-step requests at `rate` arrivals/s (after `warmup` uncounted ones). */
export async function decisionScenario(context: {
  baseUrl: string;
  inbox: Inbox;
  client: Client;
  /** A session of any logged-in person: the requester. */
  session: string;
  runId: string;
  n: number;
  rate: number;
  warmup: number;
  thinkMs: number;
}): Promise<{ result: DriveResult<DecisionTimings>; report: DecisionReport }> {
  const run = (label: string) => (index: number) => oneRequest({ ...context, runId: `${context.runId}-${label}`, index });
  if (context.warmup > 0) await drive({ label: 'warm-up', n: context.warmup, rate: context.rate, run: run('warmup'), quiet: true });
  const result = await drive({ label: 'decisions', n: context.n, rate: context.rate, run: run('run') });
  return { result, report: decisionReport(result, context.rate) };
}
