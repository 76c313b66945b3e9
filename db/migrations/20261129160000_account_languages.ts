import type { Knex } from 'knex';

/**
 * Each person's language, stored with their account: chosen on the pages (the header's switch, or
 * the language the page was in when they registered) and used for every mail they receive later,
 * even weeks later (a decision). Candidates already had `locale`; every other account gets one.
 */
export async function up(db: Knex): Promise<void> {
  for (const table of ['graduate_accounts', 'recruiter_accounts', 'ent_accounts', 'staff_accounts']) {
    await db.raw(`ALTER TABLE ${table} ADD COLUMN locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en'))`);
  }
}
