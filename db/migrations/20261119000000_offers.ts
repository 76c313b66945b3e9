import type { Knex } from 'knex';

/**
 * Job and internship offers (seed 002, « Carrière »). One row per offer, followed by one
 * `jobOffer` lifecycle; `status` is its projection (stable codes, French labels in the API).
 * Applications keep the CV in PostgreSQL (`bytea`, a few MB at most) so their forward by mail
 * can be retried from the database alone.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('job_offers', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('author_kind').notNullable(); // graduate | recruiter
    t.uuid('author_id').notNullable();
    t.text('author_name').notNullable();
    // pending_review → changes_requested ⇄ pending_review → published → expired | withdrawn; refused
    t.text('status').notNullable().defaultTo('pending_review');
    t.text('title').notNullable();
    t.text('kind').notNullable();
    t.text('company').notNullable();
    t.text('location').notNullable();
    t.text('description').notNullable();
    t.text('contract').notNullable();
    t.date('starts_on').notNullable();
    t.specificType('contact_email', 'citext').notNullable();
    t.text('publication_duration').notNullable(); // ISO 8601, e.g. P30D
    t.integer('revision').notNullable().defaultTo(1);
    t.timestamp('published_at', { useTz: true });
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['author_kind', 'author_id', 'created_at']);
  });
  await db.raw(
    `ALTER TABLE job_offers ADD CONSTRAINT job_offers_status_check CHECK (status IN ('pending_review', 'changes_requested', 'published', 'refused', 'expired', 'withdrawn'))`,
  );
  await db.raw(`ALTER TABLE job_offers ADD CONSTRAINT job_offers_author_kind_check CHECK (author_kind IN ('graduate', 'recruiter'))`);
  await db.raw(`ALTER TABLE job_offers ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('fr_unaccent', title), 'A') || setweight(to_tsvector('fr_unaccent', description), 'B')) STORED`);
  await db.raw('CREATE INDEX job_offers_search ON job_offers USING gin (search)');
  // Browsing only ever reads published offers, newest first.
  await db.raw(`CREATE INDEX job_offers_published ON job_offers (published_at DESC) WHERE status = 'published'`);

  await db.schema.createTable('job_offer_applications', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('offer_id').notNullable().references('job_offers.id').onDelete('CASCADE');
    t.text('applicant_kind').notNullable(); // graduate | student
    t.uuid('applicant_id').notNullable();
    t.text('applicant_name').notNullable();
    t.specificType('applicant_email', 'citext').notNullable();
    t.text('message').notNullable();
    t.text('cv_filename').notNullable();
    t.binary('cv').notNullable();
    t.integer('cv_size').notNullable();
    t.timestamp('forwarded_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    // « Applying twice to the same offer is refused »: for ever, not only while a forward runs.
    t.unique(['offer_id', 'applicant_kind', 'applicant_id'], { indexName: 'job_offer_applications_once' });
  });
}
