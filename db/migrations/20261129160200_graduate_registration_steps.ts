import type { Knex } from 'knex';

/**
 * Graduate registration, as issue 12 asks it (the answer to the identity form is the same whoever
 * is in the registry; what to do next arrives by mail):
 *  - `pending_form`: a person absent from the registry fills in the complete form after validating
 *    their address (no longer at once, which told them they were absent);
 *  - `duplicate`: a registry person already validated who registers again is told so by mail; the
 *    attempt holds no address (like refused and expired ones), so the unique index is redefined;
 *  - `validator_levels`: who validates, most specific first (roles and scopes, never names), for
 *    the status page (« en attente de validation par … »).
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('DROP INDEX graduate_accounts_live_email_idx');
  await db.raw(
    `CREATE UNIQUE INDEX graduate_accounts_live_email_idx ON graduate_accounts (email) WHERE status NOT IN ('refused', 'expired', 'duplicate')`,
  );
  await db.raw('ALTER TABLE graduate_accounts ADD COLUMN validator_levels jsonb');
  // « One person, one account »: the active account of a registry person is found by index.
  await db.raw(`CREATE INDEX graduate_accounts_active_registry_idx ON graduate_accounts (registry_graduate_id) WHERE status = 'active'`);
}
