import type { Knex } from 'knex';

/**
 * The log of administrative actions (OWASP ASVS level 2, V16 « Security logging »): who changed which
 * role, scope, right, text or assignment, when, and from which address. Append-only: the platform
 * only ever inserts; administrateurs read it and export it.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('admin_audit_log', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.uuid('actor_staff_id').references('staff_accounts.id');
    t.text('actor_name').notNullable();
    t.text('action').notNullable();
    t.text('target').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.text('ip');
    t.index(['at']);
  });
}
