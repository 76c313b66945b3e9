import type { Knex } from 'knex';

/**
 * Continuing-education training (seed 004): the catalog of actions and their sessions, and the
 * pre-registrations people fill in five steps. Seats are counted under a row lock on the session,
 * so capacity holds even when decisions arrive at the same instant.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE EXTENSION IF NOT EXISTS unaccent');
  // French stemming that ignores accents: « sécurité » finds « securite » and « sécurités ».
  await db.raw(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'fr_unaccent') THEN
      CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
      ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
  END $$`);

  await db.schema.createTable('training_actions', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('code').notNullable().unique();
    t.text('title').notNullable();
    t.text('theme').notNullable();
    t.text('description').notNullable();
    t.text('objectives').notNullable().defaultTo('');
    t.text('audience').notNullable().defaultTo('');
    // The chargé(e) de projet in charge (a staff account); decisions on pre-registrations go to them.
    t.uuid('project_manager_id').references('staff_accounts.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['theme']);
  });
  await db.raw(`ALTER TABLE training_actions ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('fr_unaccent', title), 'A') ||
    setweight(to_tsvector('fr_unaccent', theme), 'B') ||
    setweight(to_tsvector('fr_unaccent', description || ' ' || objectives || ' ' || audience), 'C')) STORED`);
  await db.raw('CREATE INDEX training_actions_search ON training_actions USING gin (search)');

  await db.schema.createTable('training_sessions', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('action_id').notNullable().references('training_actions.id').onDelete('CASCADE');
    t.date('starts_on').notNullable();
    t.date('ends_on').notNullable();
    t.text('place').notNullable();
    t.integer('capacity').notNullable();
    t.text('state').notNullable().defaultTo('open');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['action_id', 'starts_on']);
  });
  await db.raw(
    `ALTER TABLE training_sessions ADD CONSTRAINT training_sessions_state_check CHECK (state IN ('open', 'closed', 'cancelled'))`,
  );
  await db.raw(`ALTER TABLE training_sessions ADD CONSTRAINT training_sessions_dates_check CHECK (ends_on >= starts_on)`);
  await db.raw(`ALTER TABLE training_sessions ADD CONSTRAINT training_sessions_capacity_check CHECK (capacity >= 0)`);

  await db.schema.createTable('pre_registrations', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('session_id').notNullable().references('training_sessions.id');
    t.uuid('applicant_id').notNullable().references('candidate_accounts.id').onDelete('CASCADE');
    t.text('status').notNullable().defaultTo('draft');
    // The five steps of the seed; each is saved as a draft when valid.
    t.jsonb('identity');
    t.jsonb('professional');
    t.jsonb('context');
    t.jsonb('supervisor');
    t.timestamp('submitted_at', { useTz: true });
    // Holds a seat while the status is 'accepted'; the wait-list is ordered by this instant.
    t.timestamp('waitlisted_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['applicant_id', 'created_at']);
    t.index(['session_id', 'status']);
  });
  // One active pre-registration per person and session; ended ones do not block a new one.
  await db.raw(`CREATE UNIQUE INDEX pre_registrations_one_active ON pre_registrations (session_id, applicant_id)
    WHERE status NOT IN ('withdrawn', 'refused', 'cancelled')`);
}
