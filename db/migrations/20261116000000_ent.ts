import type { Knex } from 'knex';

/**
 * ENT single sign-on (seed 000 « Profils étudiants », « Profil personnels »): accounts known by
 * their ENT subject, pending logins (state, nonce, PKCE verifier) and the staff charter.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('ent_accounts', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    // 'oidc:<issuer>' or 'cas:<base url>': the same uid at two providers is two people.
    t.text('provider').notNullable();
    t.text('subject').notNullable();
    t.text('profile').notNullable();
    t.text('first_name').notNullable().defaultTo('');
    t.text('last_name').notNullable().defaultTo('');
    t.specificType('email', 'citext');
    t.text('student_number');
    t.specificType('affiliations', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('last_login_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['provider', 'subject']);
  });
  await db.raw(`ALTER TABLE ent_accounts ADD CONSTRAINT ent_accounts_profile_check CHECK (profile IN ('student', 'staff'))`);

  await db.schema.createTable('ent_login_attempts', (t) => {
    // Only the digest of `state` is stored; the raw value lives in the browser's cookie and the URL.
    t.binary('state_hash').primary();
    t.text('protocol').notNullable();
    t.text('nonce').notNullable();
    t.text('code_verifier').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['expires_at']);
  });

  await db.schema.createTable('charter_acceptances', (t) => {
    t.bigIncrements('id');
    t.uuid('ent_account_id').notNullable().references('ent_accounts.id').onDelete('CASCADE');
    t.text('charter_version').notNullable();
    t.timestamp('accepted_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    // Accepting the same version twice (double click, two tabs) keeps the first time.
    t.unique(['ent_account_id', 'charter_version']);
  });
}
