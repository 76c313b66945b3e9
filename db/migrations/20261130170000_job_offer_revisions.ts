import type { Knex } from 'knex';

/**
 * The webmaster moderating a re-submitted offer sees what changed since the version they (or a
 * colleague) last saw: each revision of an offer is kept as submitted. A trigger writes the
 * snapshot whenever an offer is created or its `revision` moves, so every path that edits offers
 * (API, pages, workflow activities) keeps the history without knowing about it.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('job_offer_revisions', (t) => {
    t.uuid('offer_id').notNullable().references('job_offers.id').onDelete('CASCADE');
    t.integer('revision').notNullable();
    t.jsonb('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['offer_id', 'revision']);
  });
  await db.raw(`CREATE FUNCTION job_offer_keep_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' OR NEW.revision IS DISTINCT FROM OLD.revision THEN
        INSERT INTO job_offer_revisions (offer_id, revision, content)
        VALUES (NEW.id, NEW.revision, jsonb_build_object(
          'title', NEW.title, 'kind', NEW.kind, 'company', NEW.company, 'location', NEW.location,
          'description', NEW.description, 'contract', NEW.contract, 'starts_on', to_char(NEW.starts_on, 'YYYY-MM-DD'),
          'contact_email', NEW.contact_email::text, 'publication_duration', NEW.publication_duration))
        ON CONFLICT (offer_id, revision) DO UPDATE SET content = EXCLUDED.content;
      END IF;
      RETURN NEW;
    END $$`);
  await db.raw(`CREATE TRIGGER job_offer_revisions_keep AFTER INSERT OR UPDATE ON job_offers
    FOR EACH ROW EXECUTE FUNCTION job_offer_keep_revision()`);
  // Offers already there: their current version is the first one kept.
  await db.raw(`INSERT INTO job_offer_revisions (offer_id, revision, content)
    SELECT id, revision, jsonb_build_object('title', title, 'kind', kind, 'company', company, 'location', location,
      'description', description, 'contract', contract, 'starts_on', to_char(starts_on, 'YYYY-MM-DD'),
      'contact_email', contact_email::text, 'publication_duration', publication_duration) FROM job_offers`);
}
