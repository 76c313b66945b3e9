import type { Knex } from 'knex';

/**
 * What the domain metrics read at each Prometheus scrape (lib/metrics/domain.ts), kept cheap:
 *  - the pending decisions by kind, age and deadline: a partial index over pending requests only
 *    (an index-only scan of the work still open, however many decisions were ever taken);
 *  - the mails claimed in the mail log but not accepted by the SMTP relay: a partial index over
 *    those rows only (none, normally);
 *  - every lifecycle's current status: `lifecycle_current`, one row per workflow id, kept by a
 *    trigger on `lifecycle_events` (the newest phase wins; a retried write of an older phase,
 *    which keeps its old time, does not), so counting by kind and status never scans the events.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`CREATE INDEX approval_requests_pending ON approval_requests (kind, opened_at, deadline_at) WHERE status = 'pending'`);
  await db.raw('CREATE INDEX mail_log_unsent ON mail_log (template, created_at) WHERE sent_at IS NULL');

  await db.raw(`CREATE TABLE lifecycle_current (
    workflow_id text PRIMARY KEY,
    kind text NOT NULL,
    status text NOT NULL,
    at timestamptz NOT NULL
  )`);
  await db.raw('CREATE INDEX lifecycle_current_kind_status ON lifecycle_current (kind, status)');
  await db.raw(`CREATE FUNCTION lifecycle_current_track() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO lifecycle_current AS c (workflow_id, kind, status, at)
    VALUES (NEW.workflow_id, NEW.kind, NEW.status, NEW.at)
    ON CONFLICT (workflow_id) DO UPDATE SET kind = EXCLUDED.kind, status = EXCLUDED.status, at = EXCLUDED.at
    WHERE c.at <= EXCLUDED.at;
    RETURN NULL;
  END $$`);
  await db.raw(`CREATE TRIGGER lifecycle_events_current AFTER INSERT OR UPDATE OF status ON lifecycle_events
    FOR EACH ROW EXECUTE FUNCTION lifecycle_current_track()`);
  await db.raw(`INSERT INTO lifecycle_current (workflow_id, kind, status, at)
    SELECT DISTINCT ON (workflow_id) workflow_id, kind, status, at FROM lifecycle_events ORDER BY workflow_id, at DESC, id DESC`);
}
