import type { Knex } from 'knex';

/**
 * Free text people type (a decision's reason or comment, a withdrawal's reason, the diploma title a
 * graduate declares): the API stores it here under a uuid it generates, and workflows carry only
 * that id (issue 13: no personal data in workflow histories). Activities and pages read it back.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('free_texts', (t) => {
    t.uuid('id').primary();
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('free_texts');
}
