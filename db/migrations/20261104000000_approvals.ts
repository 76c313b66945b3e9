import type { Knex } from 'knex';

/**
 * Human decisions (issue 3): staff accounts with roles and scopes, absences with a delegate, and
 * the projections of the reusable decision step: one row per decision step (`approval_requests`),
 * one per approver asked (`approval_tasks`, the inbox), the decision links (hashed), and the audit.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('staff_accounts', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.specificType('email', 'citext').notNullable().unique();
    t.text('display_name').notNullable();
    // Null for accounts that only sign in through the ENT.
    t.text('password_hash');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });

  await db.schema.createTable('staff_roles', (t) => {
    t.uuid('staff_id').notNullable().references('staff_accounts.id').onDelete('CASCADE');
    t.text('role').notNullable();
    // '' for unscoped roles (administrateur, webmaster): a primary key column cannot be null.
    t.text('scope').notNullable().defaultTo('');
    t.primary(['staff_id', 'role', 'scope']);
    t.index(['role', 'scope']);
  });
  await db.raw(`ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_role_check
    CHECK (role IN ('administrateur', 'responsable_composante', 'responsable_vet', 'webmaster', 'charge_de_projet'))`);

  await db.schema.createTable('staff_absences', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('staff_id').notNullable().references('staff_accounts.id').onDelete('CASCADE');
    t.uuid('delegate_id').notNullable().references('staff_accounts.id').onDelete('CASCADE');
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['staff_id', 'starts_at']);
  });
  await db.raw(
    'ALTER TABLE staff_absences ADD CONSTRAINT staff_absences_window_check CHECK (ends_at > starts_at AND delegate_id <> staff_id)',
  );

  await db.schema.createTable('approval_requests', (t) => {
    t.bigIncrements('id');
    t.text('workflow_id').notNullable();
    // The decision step inside the lifecycle (e.g. `superieur`, `charge-de-projet`).
    t.text('step').notNullable();
    t.text('kind').notNullable();
    t.text('title').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.text('requester_key').notNullable();
    t.text('requester_name').notNullable();
    t.specificType('outcomes', 'text[]').notNullable();
    t.text('status').notNullable();
    t.text('outcome');
    t.text('decided_by_name');
    t.text('decided_by_key');
    t.text('channel');
    t.text('reason');
    t.text('comment');
    t.timestamp('deadline_at', { useTz: true }).notNullable();
    t.timestamp('opened_at', { useTz: true }).notNullable();
    t.timestamp('closed_at', { useTz: true });
    t.unique(['workflow_id', 'step']);
  });
  await db.raw(`ALTER TABLE approval_requests ADD CONSTRAINT approval_requests_status_check
    CHECK (status IN ('pending', 'decided', 'withdrawn', 'expired'))`);

  await db.schema.createTable('approval_tasks', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('workflow_id').notNullable();
    t.text('step').notNullable();
    // `staff:<uuid>` or `email:<address>`: the identity the workflow checks decisions against.
    t.text('approver_key').notNullable();
    t.uuid('staff_id');
    t.specificType('email', 'citext').notNullable();
    t.text('approver_name').notNullable();
    // Set when this task is a delegate's: the absent approver it stands in for.
    t.text('on_behalf_of_key');
    t.text('on_behalf_of_name');
    t.text('status').notNullable().defaultTo('pending');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('closed_at', { useTz: true });
    t.unique(['workflow_id', 'step', 'approver_key']);
    // The inbox: my pending decisions.
    t.index(['staff_id', 'status']);
  });
  await db.raw(`ALTER TABLE approval_tasks ADD CONSTRAINT approval_tasks_status_check
    CHECK (status IN ('pending', 'decided', 'closed', 'handed_over'))`);

  await db.schema.createTable('decision_links', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('workflow_id').notNullable();
    t.text('step').notNullable();
    t.text('approver_key').notNullable();
    // workflow id + step + round + approver: a retried mailing activity replaces its own link.
    t.text('issue_key').notNullable().unique();
    t.binary('token_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['workflow_id', 'step']);
  });

  await db.schema.createTable('approval_audit', (t) => {
    t.bigIncrements('id');
    t.text('workflow_id').notNullable();
    // Upsert key within the workflow, e.g. `superieur:notified:1:staff:<id>`.
    t.text('entry_key').notNullable();
    t.text('step').notNullable();
    t.text('event').notNullable();
    t.text('actor_name');
    t.text('actor_key');
    t.text('on_behalf_of_name');
    t.text('channel');
    t.text('outcome');
    t.text('reason');
    t.text('comment');
    t.jsonb('details').notNullable().defaultTo('{}');
    // The workflow's time of the event, not the time the projection was written.
    t.timestamp('at', { useTz: true }).notNullable();
    t.unique(['workflow_id', 'entry_key']);
    t.index(['workflow_id', 'at']);
  });
}
