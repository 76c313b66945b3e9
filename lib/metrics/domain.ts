/**
 * The domain's metrics, read from PostgreSQL (db/operationalMetrics.ts, indexed) and Temporal at
 * each scrape: what the work queue looks like, not what the process did. Every API replica
 * serves the same values; dashboards and alerts aggregate them with `max`.
 */
import type { Client } from '@temporalio/client';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../../db/connection.js';
import { decisionAgeBuckets, lifecyclesByStatus, pendingDecisions, unsentMails } from '../../db/operationalMetrics.js';

/** A scrape must answer within Prometheus' timeout (10 s by default) even when a dependency hangs. */
const QUERY_TIMEOUT_MS = 3_000;

const withTimeout = <T>(work: Promise<T>, what: string): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), QUERY_TIMEOUT_MS).unref())]);

export function createDomainMetrics(registry: Registry, deps: { db: Db; temporal: Client; taskQueue: string; namespace: string }) {
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });
  const pending = gauge(
    'approvals_decisions_pending',
    'Decisions waiting for an approver, by lifecycle kind and age since the step opened.',
    ['kind', 'age'],
  );
  const overdue = gauge(
    'approvals_decisions_overdue',
    'Pending decisions past their deadline: the workflow has not handled its deadline timer (worker missing or stuck).',
    ['kind'],
  );
  const oldest = gauge('approvals_decision_oldest_pending_age_seconds', 'Age of the oldest pending decision, by kind.', ['kind']);
  const unsent = gauge(
    'approvals_mails_unsent',
    'Mails claimed in the mail log and not accepted by the SMTP relay yet (being retried, or refused), by template.',
    ['template'],
  );
  const unsentAge = gauge('approvals_mail_oldest_unsent_age_seconds', 'Age of the oldest mail not accepted by the SMTP relay yet.', []);
  const lifecycles = gauge('approvals_lifecycles', 'Lifecycles by kind and current status (their newest phase).', ['kind', 'status']);
  const pollers = gauge(
    'approvals_task_queue_pollers',
    'Workers polling the platform task queue (seen by Temporal in the last minutes), by task type.',
    ['task_queue', 'type'],
  );
  const up = gauge('approvals_domain_metrics_up', 'Whether the last scrape could read each source (1) or not (0).', ['source']);

  async function readDatabase(): Promise<void> {
    const [decisions, mails, statuses] = await withTimeout(
      Promise.all([pendingDecisions(deps.db), unsentMails(deps.db), lifecyclesByStatus(deps.db)]),
      'domain metrics queries',
    );
    for (const g of [pending, overdue, oldest, unsent, lifecycles]) g.reset();
    for (const d of decisions) {
      for (const [age] of decisionAgeBuckets) pending.set({ kind: d.kind, age }, d.byAge[age]);
      overdue.set({ kind: d.kind }, d.overdue);
      oldest.set({ kind: d.kind }, d.oldestAgeSeconds);
    }
    for (const m of mails) unsent.set({ template: m.template }, m.count);
    unsentAge.set(mails.reduce((max, m) => Math.max(max, m.oldestAgeSeconds), 0));
    for (const l of statuses) lifecycles.set({ kind: l.kind, status: l.status }, l.count);
  }

  async function readTemporal(): Promise<void> {
    const service = deps.temporal.workflowService;
    const connection = deps.temporal.connection;
    pollers.reset();
    for (const [type, taskQueueType] of [
      ['workflow', 1],
      ['activity', 2],
    ] as const) {
      const { pollers: seen } = await connection.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
        service.describeTaskQueue({ namespace: deps.namespace, taskQueue: { name: deps.taskQueue }, taskQueueType }),
      );
      pollers.set({ task_queue: deps.taskQueue, type }, seen?.length ?? 0);
    }
  }

  return {
    /** Reads every source; one that fails is reported by `approvals_domain_metrics_up{source}` = 0. */
    async refresh(): Promise<void> {
      const [database, temporal] = await Promise.allSettled([readDatabase(), readTemporal()]);
      up.set({ source: 'postgresql' }, database.status === 'fulfilled' ? 1 : 0);
      up.set({ source: 'temporal' }, temporal.status === 'fulfilled' ? 1 : 0);
    },
  };
}
