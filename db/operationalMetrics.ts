import type { DbOrTx } from './connection.js';

/**
 * The queries behind the domain metrics (lib/metrics/domain.ts), each served by a partial index
 * or the `lifecycle_current` table (migration 20261129150000_operations_metrics).
 */

/** Age buckets of a pending decision, in days since the step opened: [label, from, to). */
export const decisionAgeBuckets = [
  ['lt_1d', 0, 1],
  ['1d_3d', 1, 3],
  ['3d_7d', 3, 7],
  ['7d_14d', 7, 14],
  ['ge_14d', 14, null],
] as const;

export interface PendingDecisions {
  kind: string;
  byAge: Record<(typeof decisionAgeBuckets)[number][0], number>;
  /** Past their deadline and still pending: the workflow's deadline timer has not been handled. */
  overdue: number;
  oldestAgeSeconds: number;
}

export async function pendingDecisions(db: DbOrTx): Promise<PendingDecisions[]> {
  const buckets = decisionAgeBuckets
    .map(
      ([label, from, to]) =>
        `count(*) FILTER (WHERE opened_at <= now() - interval '${from} days'${to === null ? '' : ` AND opened_at > now() - interval '${to} days'`}) AS "${label}"`,
    )
    .join(',\n      ');
  const { rows } = await db.raw(
    `SELECT kind,
      ${buckets},
      count(*) FILTER (WHERE deadline_at < now()) AS overdue,
      greatest(0, extract(epoch FROM now() - min(opened_at)))::float8 AS oldest
    FROM approval_requests WHERE status = 'pending' GROUP BY kind`,
  );
  return rows.map((row: Record<string, unknown>) => ({
    kind: String(row.kind),
    byAge: Object.fromEntries(decisionAgeBuckets.map(([label]) => [label, Number(row[label])])) as PendingDecisions['byAge'],
    overdue: Number(row.overdue),
    oldestAgeSeconds: Number(row.oldest),
  }));
}

export interface UnsentMails {
  template: string;
  count: number;
  oldestAgeSeconds: number;
}

/** Mails claimed in the mail log that the SMTP relay has not accepted (yet): retried, or refused. */
export async function unsentMails(db: DbOrTx): Promise<UnsentMails[]> {
  const { rows } = await db.raw(
    `SELECT template, count(*) AS count, greatest(0, extract(epoch FROM now() - min(created_at)))::float8 AS oldest
    FROM mail_log WHERE sent_at IS NULL GROUP BY template`,
  );
  return rows.map((row: Record<string, unknown>) => ({
    template: String(row.template),
    count: Number(row.count),
    oldestAgeSeconds: Number(row.oldest),
  }));
}

/** How many lifecycles are in each status, per kind (their newest phase). */
export async function lifecyclesByStatus(db: DbOrTx): Promise<{ kind: string; status: string; count: number }[]> {
  const { rows } = await db.raw('SELECT kind, status, count(*) AS count FROM lifecycle_current GROUP BY kind, status');
  return rows.map((row: Record<string, unknown>) => ({ kind: String(row.kind), status: String(row.status), count: Number(row.count) }));
}
