import type { Knex } from 'knex';

/**
 * The practical details an accepted applicant receives with the decision (and in the calendar file
 * attached to it): the daily hours of the session and what to know before coming (address, access,
 * what to bring). Existing sessions get the usual day, 9:00 to 17:00, Paris time.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`ALTER TABLE training_sessions
    ADD COLUMN day_starts_at time NOT NULL DEFAULT '09:00',
    ADD COLUMN day_ends_at time NOT NULL DEFAULT '17:00',
    ADD COLUMN practical_info text NOT NULL DEFAULT '',
    ADD CONSTRAINT training_sessions_hours_check CHECK (day_ends_at > day_starts_at)`);
}
