import type { Knex } from 'knex';

/**
 * People the platform knows only by an address (the supérieur hiérarchique of a pre-registration,
 * an external approver of a demonstration request): workflows name them `party:<id>`, and the
 * address stays here (issue 13: no personal data in workflow histories). One row per address.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('external_parties', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('email').notNullable().unique();
    t.text('display_name');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  // The demonstration lifecycle's title and details, typed by its requester: free text stays here.
  await db.schema.createTable('demo_approval_requests', (t) => {
    t.uuid('id').primary();
    t.text('title').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  // Operators read histories in clear through the codec endpoint (api/codec/): a role of its own.
  await db.raw(`ALTER TABLE staff_roles DROP CONSTRAINT staff_roles_role_check`);
  await db.raw(`ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_role_check
    CHECK (role IN ('administrateur', 'responsable_composante', 'responsable_vet', 'webmaster', 'charge_de_projet', 'operateur'))`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`DELETE FROM staff_roles WHERE role = 'operateur'`);
  await db.raw(`ALTER TABLE staff_roles DROP CONSTRAINT staff_roles_role_check`);
  await db.raw(`ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_role_check
    CHECK (role IN ('administrateur', 'responsable_composante', 'responsable_vet', 'webmaster', 'charge_de_projet'))`);
  await db.schema.dropTable('demo_approval_requests');
  await db.schema.dropTable('external_parties');
}
