import type { Knex } from 'knex';

/**
 * Security (issue 12): the atomic login throttle, quotas for mails to typed addresses, session idle
 * timeouts, undeliverable addresses, link requests answered the same for known and unknown
 * addresses, the audit of graduate registry lookups, and approvers withdrawn from a decision.
 */
export async function up(db: Knex): Promise<void> {
  // One row per (account, client): `failures` is counted before the password is checked and the
  // decision to check it at all is taken in the same statement (db/loginThrottle.ts). The old
  // per-identifier table counted after the check, so parallel guesses all got through.
  await db.schema.createTable('login_throttle', (t) => {
    // `candidate:<uuid>`, `staff:<uuid>`…, or the digest of an identifier that names no account.
    t.text('account_key').notNullable();
    // The digest of the client's IP address.
    t.text('client_key').notNullable();
    t.integer('failures').notNullable();
    t.timestamp('next_attempt_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['account_key', 'client_key']);
    t.index(['updated_at']);
  });
  await db.schema.dropTable('login_failures');

  // Fixed-window counters shared by every API replica: mails to typed addresses per recipient and per user.
  await db.schema.createTable('rate_counters', (t) => {
    t.text('scope').notNullable();
    t.text('key').notNullable();
    t.timestamp('window_started_at', { useTz: true }).notNullable();
    t.integer('count').notNullable();
    t.primary(['scope', 'key']);
    t.index(['window_started_at']);
  });

  // Idle timeout beside the absolute one.
  await db.raw('ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()');
  await db.raw('CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)');

  // A recipient the SMTP server refused for good (5xx): recorded, never retried for ever.
  await db.schema.createTable('undeliverable_addresses', (t) => {
    t.specificType('address', 'citext').primary();
    t.integer('smtp_code').notNullable();
    t.text('smtp_response').notNullable();
    t.integer('mails').notNullable().defaultTo(1);
    t.timestamp('first_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('last_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE mail_log ADD COLUMN undeliverable_at timestamptz, ADD COLUMN failure text');
  await db.raw('CREATE INDEX mail_log_undeliverable_idx ON mail_log (undeliverable_at) WHERE undeliverable_at IS NOT NULL');

  // « J'ai oublié mes identifiants » and « Renvoyer le lien »: the typed address waits here for the
  // lifecycle that looks it up, so the API does the same work whether or not it is known.
  await db.schema.createTable('link_requests', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('purpose').notNullable();
    t.specificType('email', 'citext').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(`ALTER TABLE link_requests ADD CONSTRAINT link_requests_purpose_check
    CHECK (purpose IN ('candidate_recovery', 'candidate_link', 'graduate_link', 'recruiter_link'))`);

  // Who looked whom up in the graduate registry (seed 000), for investigations.
  await db.schema.createTable('registry_lookups', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.text('client_ip').notNullable();
    t.specificType('email', 'citext').notNullable();
    // sha256 of the normalised identity typed (name, first names, birth date).
    t.text('identity_digest').notNullable();
    t.text('outcome').notNullable();
    t.specificType('registry_ids', 'uuid[]').notNullable().defaultTo('{}');
    t.uuid('graduate_account_id');
    t.index(['at']);
    t.index(['client_ip', 'at']);
    t.index(['identity_digest', 'at']);
  });

  // An approver taken off a decision (deactivated, or their address refuses mail): their task leaves the inbox.
  await db.raw('ALTER TABLE approval_tasks DROP CONSTRAINT approval_tasks_status_check');
  await db.raw(`ALTER TABLE approval_tasks ADD CONSTRAINT approval_tasks_status_check
    CHECK (status IN ('pending', 'decided', 'closed', 'handed_over', 'withdrawn'))`);
}
