import type { Knex } from 'knex';

/**
 * Seed 004's users are employees who log in through the ENT: a pre-registration's applicant is an
 * eCandidat account or an ENT account (`applicant_kind`). Each kind keeps a real foreign key to its
 * own table through a generated column, so an applicant can never point at nothing.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`ALTER TABLE pre_registrations
    ADD COLUMN applicant_kind text NOT NULL DEFAULT 'candidate' CHECK (applicant_kind IN ('candidate', 'ent'))`);
  await db.raw('ALTER TABLE pre_registrations DROP CONSTRAINT pre_registrations_applicant_id_foreign');
  await db.raw(`ALTER TABLE pre_registrations
    ADD COLUMN candidate_id uuid GENERATED ALWAYS AS (CASE WHEN applicant_kind = 'candidate' THEN applicant_id END) STORED
      REFERENCES candidate_accounts (id) ON DELETE CASCADE,
    ADD COLUMN ent_account_id uuid GENERATED ALWAYS AS (CASE WHEN applicant_kind = 'ent' THEN applicant_id END) STORED
      REFERENCES ent_accounts (id) ON DELETE CASCADE`);
  // One active pre-registration per person and session, whatever the kind of account.
  await db.raw('DROP INDEX pre_registrations_one_active');
  await db.raw(`CREATE UNIQUE INDEX pre_registrations_one_active ON pre_registrations (session_id, applicant_kind, applicant_id)
    WHERE status NOT IN ('withdrawn', 'refused', 'cancelled')`);
}
