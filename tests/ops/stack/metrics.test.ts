import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../../../harness/candidates.js';
import { type PlatformEnv, platformEnv, startApi, startWorker } from '../../../harness/platform.js';
import { type NodeChild, repoRoot } from '../../../harness/processes.js';
import { type Stack, startStack } from '../../../harness/stack.js';
import { staffSession } from '../../../harness/staff.js';
import { dashboardExpressions, metricNamesIn, ruleExpressions } from './metricNames.js';
import { approveFromMail, candidateSession, metricNames, parseMetrics, runIdOf, sample, submitDemoRequest } from './support.js';

const TOKEN = 'metrics-token-for-the-ops-suite';
let stack: Stack;
let platform: PlatformEnv;
let worker: NodeChild;
let api: NodeChild;
const runId = runIdOf();
/** The demonstration lifecycle is for staff only (issue 12): its requester is a member of staff. */
let staff: string;

beforeAll(async () => {
  stack = await startStack({ name: 'approvals-ops-metrics' });
  platform = await platformEnv(stack, { METRICS_TOKEN: TOKEN, ARGON2_MEMORY_KIB: '4096', ARGON2_TIME_COST: '1' });
  [worker, api] = await Promise.all([startWorker(platform), startApi(platform)]);
  // Some real work, so that the SDK's histograms (schedule-to-start, sticky cache…) have samples.
  // A validated candidate account: a lifecycle of its own in the gauges.
  await candidateSession(platform.baseUrl, stack.inbox, runId, 0);
  staff = await staffSession(platform.baseUrl, stack.databaseUrl, runId);
  const approver = `approbateur.${runId}@entreprise.example`;
  await submitDemoRequest(platform.baseUrl, staff, approver, { deadline: 'P7D' });
  expect(await approveFromMail(platform.baseUrl, stack.inbox, approver)).toBe(200);
});
afterAll(async () => {
  await Promise.all([api?.stop(5_000), worker?.stop(5_000)]);
  await stack?.stop();
});

const scrapeApi = async () => {
  const response = await fetch(`${platform.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
};
const scrapeWorker = async () => (await fetch(platform.workerMetricsUrl)).text();

/** Names a scrape exposes, including those declared (`# TYPE`) with no series yet. */
function exposedNames(text: string): Set<string> {
  const names = metricNames(parseMetrics(text));
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)/gm)) {
    names.add(name!);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('metrics: what the platform exposes, and who may read it', () => {
  it('when /metrics is asked without the bearer token or with a wrong one, then 401', async () => {
    expect((await fetch(`${platform.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${platform.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
  });

  it('when requests were answered, then they are counted by route pattern and status, never by raw path', async () => {
    await http(platform.baseUrl, 'GET', `/liens/${'x'.repeat(43)}`);
    await http(platform.baseUrl, 'GET', '/no/such/page/secret-looking-value');
    const samples = parseMetrics(await scrapeApi());
    expect(sample(samples, 'approvals_http_requests_total', { route: '/api/candidates', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(sample(samples, 'approvals_http_requests_total', { route: '/liens/:token', status: '404' })).toBe(1);
    expect(sample(samples, 'approvals_http_requests_total', { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(sample(samples, 'approvals_http_request_duration_seconds_count', { route: '/api/approvals/demo-requests' })).toBe(1);
    const text = [...samples.keys()].join('\n');
    expect(text).not.toContain('xxxxxxxx');
    expect(text).not.toContain('secret-looking-value');
  });

  it('when a decision is pending, then the domain gauges count it by kind and age, and the lifecycles by status', async () => {
    const approver = `attente.${runId}@entreprise.example`;
    await submitDemoRequest(platform.baseUrl, staff, approver, { deadline: 'P7D' });
    await stack.inbox.waitFor(approver, /^Décision attendue/);
    const samples = parseMetrics(await scrapeApi());
    expect(sample(samples, 'approvals_decisions_pending', { kind: 'demoApprovalRequest', age: 'lt_1d' })).toBe(1);
    expect(sample(samples, 'approvals_decisions_pending', { kind: 'demoApprovalRequest', age: 'ge_14d' })).toBe(0);
    expect(sample(samples, 'approvals_decisions_overdue', { kind: 'demoApprovalRequest' })).toBe(0);
    expect(sample(samples, 'approvals_decision_oldest_pending_age_seconds', { kind: 'demoApprovalRequest' })).toBeLessThan(600);
    expect(sample(samples, 'approvals_lifecycles', { kind: 'candidateAccount', status: 'active' })).toBe(1);
    expect(sample(samples, 'approvals_lifecycles', { kind: 'demoApprovalRequest', status: 'approved' })).toBe(1);
    expect(sample(samples, 'approvals_task_queue_pollers', { type: 'workflow' })).toBeGreaterThanOrEqual(1);
    expect(sample(samples, 'approvals_domain_metrics_up', { source: 'postgresql' })).toBe(1);
    expect(sample(samples, 'approvals_domain_metrics_up', { source: 'temporal' })).toBe(1);
  });

  it('when the SMTP relay refuses, then the mail waits in the mail log as unsent, and is counted until the relay accepts it', async () => {
    stack.inbox.refuse(true);
    try {
      const email = `refus.${runId}@example.org`;
      const created = await http(platform.baseUrl, 'POST', '/api/candidates', {
        lastName: 'Relais',
        firstName: 'Refus',
        email,
        emailConfirmation: email,
        password: 'Cratere-Bleu-Domes-2026',
      });
      expect(created.status).toBe(201);
      const refused = await until(
        async () => parseMetrics(await scrapeApi()),
        (s) => (sample(s, 'approvals_mails_unsent', { template: 'account_validation' }) ?? 0) >= 1,
      );
      expect(sample(refused, 'approvals_mails_unsent', { template: 'account_validation' })).toBe(1);
      expect(sample(refused, 'approvals_mail_oldest_unsent_age_seconds')).toBeGreaterThanOrEqual(0);
    } finally {
      stack.inbox.refuse(false);
    }
    const accepted = await until(
      async () => parseMetrics(await scrapeApi()),
      (s) => sample(s, 'approvals_mails_unsent', { template: 'account_validation' }) === undefined,
      90_000,
    );
    expect(sample(accepted, 'approvals_mails_unsent', { template: 'account_validation' })).toBeUndefined();
  });

  it('when no worker runs past a decision’s deadline, then it is counted overdue until a worker handles the deadline', async () => {
    const approver = `delai.${runId}@entreprise.example`;
    await submitDemoRequest(platform.baseUrl, staff, approver, { deadline: 'PT8S' });
    await stack.inbox.waitFor(approver, /^Décision attendue/);
    await worker.stop(10_000);
    const overdue = await until(
      async () => parseMetrics(await scrapeApi()),
      (s) => sample(s, 'approvals_decisions_overdue', { kind: 'demoApprovalRequest' }) === 1,
      30_000,
    );
    expect(sample(overdue, 'approvals_decisions_overdue', { kind: 'demoApprovalRequest' })).toBe(1);
    worker = await startWorker(platform);
    const handled = await until(
      async () => parseMetrics(await scrapeApi()),
      (s) => sample(s, 'approvals_decisions_overdue', { kind: 'demoApprovalRequest' }) === 0,
    );
    expect(sample(handled, 'approvals_decisions_overdue', { kind: 'demoApprovalRequest' })).toBe(0);
  });

  it('when the dashboard’s and the alerts’ queries are read, then every metric they name is exposed by the API, the worker or Prometheus itself', async () => {
    // The worker was restarted by the test above: some work with an activity (a validation mail), so
    // that its activity histograms have samples, whatever the tests before did.
    const email = `tableau.${runId}@example.org`;
    const created = await http(platform.baseUrl, 'POST', '/api/candidates', {
      lastName: 'Tableau',
      firstName: 'Bord',
      email,
      emailConfirmation: email,
      password: 'Cratere-Bleu-Domes-2026',
    });
    expect(created.status).toBe(201);
    await stack.inbox.waitFor(email, /Validez votre compte/);
    const worker = await scrapeWorker();
    const exposed = new Set([...exposedNames(await scrapeApi()), ...exposedNames(worker), 'up']);
    const expressions = [
      ...dashboardExpressions(join(repoRoot, 'ops', 'grafana', 'approvals.json')),
      ...ruleExpressions(join(repoRoot, 'ops', 'prometheus', 'alerts.yml')),
    ];
    const used = [...new Set(expressions.flatMap(metricNamesIn))].sort();
    console.log(`${expressions.length} queries name ${used.length} metrics: ${used.join(', ')}`);
    expect(used.filter((name) => !exposed.has(name))).toEqual([]);
    // The SDK's metrics are there under their usual names (and labels the dashboard groups by).
    expect(worker).toMatch(/^temporal_workflow_task_schedule_to_start_latency_bucket\{[^}]*task_queue="/m);
    expect(worker).toMatch(/^temporal_worker_task_slots_available\{[^}]*worker_type="/m);
    expect(worker).toMatch(/^temporal_num_pollers\{[^}]*poller_type="/m);
  });
});
