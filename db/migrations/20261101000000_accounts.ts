import type { Knex } from 'knex';

/**
 * Candidate accounts (seed 001), one-time tokens, sessions, login throttling, the mail log that
 * makes mail activities idempotent, and the lifecycle projection read by the API.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE EXTENSION IF NOT EXISTS citext');
  await db.raw('CREATE EXTENSION IF NOT EXISTS pgcrypto');

  await db.raw('CREATE SEQUENCE candidate_file_number_seq START 1');
  await db.schema.createTable('candidate_accounts', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    // The numéro de dossier, the login eCandidat gives a candidate.
    t.text('file_number').notNullable().unique();
    t.text('last_name').notNullable();
    t.text('first_name').notNullable();
    // citext + unique: one account per address, whatever its case; purging the row frees it.
    t.specificType('email', 'citext').notNullable().unique();
    t.specificType('pending_email', 'citext');
    t.text('password_hash').notNullable();
    t.text('status').notNullable();
    // Language of the mails: French by default, English on request.
    t.text('locale').notNullable().defaultTo('fr');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('validated_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(`ALTER TABLE candidate_accounts ADD CONSTRAINT candidate_accounts_status_check
    CHECK (status IN ('pending_validation', 'active', 'email_change_pending'))`);

  await db.schema.createTable('one_time_tokens', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('purpose').notNullable();
    t.uuid('subject_id').notNullable();
    t.text('workflow_id').notNullable();
    // workflow id + step: a retried issuing activity replaces its own token, never adds one.
    t.text('issue_key').notNullable().unique();
    t.binary('token_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['subject_id', 'purpose']);
  });

  await db.schema.createTable('pending_password_changes', (t) => {
    // The new hash waits here, keyed by the reset token, so it never enters workflow history.
    t.uuid('token_id').primary().references('one_time_tokens.id').onDelete('CASCADE');
    t.text('password_hash').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });

  await db.schema.createTable('sessions', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.binary('token_hash').notNullable().unique();
    t.text('principal_kind').notNullable();
    t.uuid('principal_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.index(['principal_kind', 'principal_id']);
  });

  await db.schema.createTable('login_failures', (t) => {
    t.bigIncrements('id');
    // sha256 of the normalised identifier: throttling needs no personal data in clear.
    t.text('identifier_key').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['identifier_key', 'at']);
  });

  await db.schema.createTable('mail_log', (t) => {
    // workflow id + step: a retried mail activity finds its row and does not send again.
    t.text('idempotency_key').primary();
    t.text('template').notNullable();
    t.text('recipient').notNullable();
    t.text('message_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('sent_at', { useTz: true });
  });

  await db.schema.createTable('lifecycle_events', (t) => {
    t.bigIncrements('id');
    t.text('workflow_id').notNullable();
    t.text('kind').notNullable();
    t.uuid('subject_id').notNullable();
    t.text('step').notNullable();
    t.text('status').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    // Upsert key: a retried projection write lands on the same row.
    t.unique(['workflow_id', 'step']);
    t.index(['subject_id', 'at']);
  });
}
