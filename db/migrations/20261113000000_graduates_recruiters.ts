import type { Knex } from 'knex';

/**
 * Graduate and recruiter accounts (seed 000). Each registration attempt is one row, followed by
 * one lifecycle. A refused or expired attempt keeps its row (the audit of who decided) but no
 * longer holds the address: the unique indexes only cover attempts that are pending or active,
 * so the person can register again.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('graduate_accounts', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('last_name').notNullable();
    t.text('first_names').notNullable();
    t.date('birth_date').notNullable();
    t.specificType('email', 'citext').notNullable();
    t.text('password_hash').notNullable();
    // pending_email → pending_diploma (present) → pending_approval → active | refused | expired
    t.text('status').notNullable().defaultTo('pending_email');
    // What the registry lookup said at registration: present (one match), ambiguous, absent.
    t.text('registry_match').notNullable();
    // The registry graduates the typed identity matched (one when present, several when ambiguous).
    t.specificType('registry_candidate_ids', 'uuid[]').notNullable().defaultTo('{}');
    t.uuid('registry_graduate_id').references('registry_graduates.id').onDelete('SET NULL');
    t.text('phone');
    t.text('postal_address');
    // « Absent » form, or « diplôme non trouvé »: the diploma as the person remembers it.
    t.jsonb('declared_diploma');
    t.text('vet_code');
    t.text('composante_code');
    t.text('decided_by');
    t.timestamp('decided_at', { useTz: true });
    t.text('refusal_reason');
    t.timestamp('validated_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(
    `CREATE UNIQUE INDEX graduate_accounts_live_email_idx ON graduate_accounts (email) WHERE status NOT IN ('refused', 'expired')`,
  );

  // « Vous appartenez alors au groupe composante et vet/formation ».
  await db.schema.createTable('graduate_groups', (t) => {
    t.uuid('graduate_id').notNullable().references('graduate_accounts.id').onDelete('CASCADE');
    t.text('group_kind').notNullable(); // composante | vet
    t.text('code').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['graduate_id', 'group_kind', 'code']);
  });
  await db.raw(`ALTER TABLE graduate_groups ADD CONSTRAINT graduate_groups_kind_check CHECK (group_kind IN ('composante', 'vet'))`);

  await db.schema.createTable('recruiter_accounts', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('company_name').notNullable();
    t.text('siret');
    t.text('company_address').notNullable();
    t.text('company_website');
    t.text('contact_last_name').notNullable();
    t.text('contact_first_name').notNullable();
    t.text('contact_job_title');
    t.text('contact_phone');
    t.specificType('email', 'citext').notNullable();
    t.text('password_hash').notNullable();
    t.text('status').notNullable().defaultTo('pending_email'); // → pending_approval → active | refused | expired
    // « J'accepte les conditions générales d'utilisation »: which version, when.
    t.text('terms_version').notNullable();
    t.timestamp('terms_accepted_at', { useTz: true }).notNullable();
    // « inscription simple sans dépôt d'offres »: posting offers is a separate right, granted later.
    t.boolean('can_post_offers').notNullable().defaultTo(false);
    t.uuid('offers_right_changed_by').references('staff_accounts.id');
    t.timestamp('offers_right_changed_at', { useTz: true });
    t.text('decided_by');
    t.timestamp('decided_at', { useTz: true });
    t.text('refusal_reason');
    t.timestamp('validated_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(
    `CREATE UNIQUE INDEX recruiter_accounts_live_email_idx ON recruiter_accounts (email) WHERE status NOT IN ('refused', 'expired')`,
  );
}
