import type { Knex } from 'knex';

/**
 * The graduate registry (seed 000): graduates as the university's student information system
 * exports them, each with the diplomas they obtained. Filled by `npm run import:registry`;
 * read by graduate registration to recognise a person from Nom, Prénom, Date de naissance.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('registry_graduates', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    // Re-import lands on the same row: SIS student number, else INE, else the identity itself
    // (db/registry/registryLine.ts, registryKeyOf).
    t.text('registry_key').notNullable().unique();
    t.text('student_number');
    t.text('ine');
    t.text('last_name').notNullable();
    // Only where it differs from last_name (nom d'usage vs nom de naissance).
    t.text('birth_name');
    t.text('first_names').notNullable();
    t.date('birth_date').notNullable();
    // Normalised forms computed in TypeScript (db/registry/searchKeys.ts), so that the lookup and
    // the stored rows go through the same function; unaccent() is not immutable, so PostgreSQL
    // could not compute them in generated columns anyway.
    t.text('last_name_key').notNullable();
    t.text('birth_name_key');
    t.text('first_names_key').notNullable();
    t.specificType('surname_keys', 'text[]').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  // The registration lookup: birth date equality narrows to a few rows per day out of hundreds of
  // thousands, then `surname_keys && …` filters those. No GIN index on surname_keys: nothing
  // searches by name alone yet, and it would slow every import.
  await db.raw('CREATE INDEX registry_graduates_birth_date_idx ON registry_graduates (birth_date, last_name_key)');

  await db.schema.createTable('registry_diplomas', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('graduate_id').notNullable().references('registry_graduates.id').onDelete('CASCADE');
    // VET = version d'étape, the code the graduate picks and managers are responsible for.
    t.text('vet_code').notNullable();
    t.text('vet_label');
    t.text('composante_code').notNullable();
    t.text('composante_label');
    t.smallint('year').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    // Re-import key of a diploma; also serves "the diplomas of this graduate".
    t.unique(['graduate_id', 'vet_code', 'year']);
  });
}
