import type { Knex } from 'knex';

/**
 * « Mon compte » (issue 22):
 * - `ent_personal_details`: what a student or member of staff maintains about themselves (phone,
 *   postal address); identity stays the ENT's, the personal mail lives in the directory.
 * - `directory_requests`: one row per lifecycle against the directory (« Première connexion ? »,
 *   « Mot de passe oublié ? », a new personal address, a password change's confirmation): the login
 *   it is about, where its mail goes, the hash of its single-use secret, its expiry and use.
 * - `image_consents`: the history of image-rights choices, one row per choice (append-only); the
 *   latest row per use is the one in force.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('ent_personal_details', (t) => {
    t.uuid('account_id').primary().references('ent_accounts.id').onDelete('CASCADE');
    t.string('phone', 32);
    t.string('postal_address', 400);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });

  await db.schema.createTable('directory_requests', (t) => {
    t.uuid('id').primary();
    t.string('kind', 32).notNullable(); // accountActivation | passwordRecovery | personalEmailChange | passwordChangeConfirmation
    t.string('login', 128).notNullable();
    t.uuid('account_id').references('ent_accounts.id').onDelete('CASCADE');
    t.string('mail_to', 320).notNullable();
    t.string('first_name', 200).notNullable().defaultTo('');
    t.specificType('secret_hash', 'bytea');
    t.string('status', 32).notNullable().defaultTo('started');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.timestamp('ended_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['login', 'kind', 'created_at']);
    t.index(['account_id', 'kind']);
  });

  await db.schema.createTable('image_consents', (t) => {
    t.bigIncrements('id');
    t.uuid('account_id').notNullable().references('ent_accounts.id').onDelete('CASCADE');
    t.string('use', 40).notNullable(); // directory | <service id from IMAGE_RIGHTS_SERVICES>
    t.boolean('granted').notNullable();
    t.string('text_version', 40).notNullable();
    t.timestamp('decided_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['account_id', 'use', 'decided_at']);
  });
}
