import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { createDb } from './connection.js';

/**
 * Forward-only migrations, discovered in db/migrations/: one file per migration, named
 * `YYYYMMDDHHMMSS_what_it_does.ts` (the UTC time it was written), applied in name order. A
 * timestamp rather than a counter or a hand-kept list lets branches add migrations in parallel
 * without colliding. The sources run the `.ts` files, the build (dist/db/migrations) the `.js`.
 * Add new ones; never edit one that has been released.
 */
const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const migrationName = /^\d{14}_[a-z0-9_]+$/;

type Migration = { up(db: Knex): Promise<void> };

/** Every migration's name (its file name without extension), oldest first. */
export async function migrationNames(): Promise<string[]> {
  const names = (await readdir(migrationsDir))
    .filter((file) => file.endsWith(extension) && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -extension.length));
  const misnamed = names.filter((name) => !migrationName.test(name));
  if (misnamed.length > 0) {
    throw new Error(`db/migrations: ${misnamed.join(', ')} must be named YYYYMMDDHHMMSS_what_it_does${extension}`);
  }
  return names.sort();
}

const source: Knex.MigrationSource<string> = {
  getMigrations: migrationNames,
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = (await import(pathToFileURL(`${migrationsDir}${name}${extension}`).href)) as Migration;
    return { up: migration.up, down: async () => {} };
  },
};

/**
 * A database migrated by code that had other migrations (an older development `data/`, or newer
 * code deployed before) would otherwise fail inside knex with « the migration directory is
 * corrupt »: say what it is and what to do.
 */
async function refuseUnknownMigrations(db: Knex): Promise<void> {
  if (!(await db.schema.hasTable('knex_migrations'))) return;
  const known = new Set(await migrationNames());
  const applied: string[] = await db('knex_migrations').pluck('name');
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  throw new Error(
    `This database has migrations this code does not have (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}): ` +
      'it was migrated by another version of the platform. A development database made before migrations were named by ' +
      'timestamp: start from zero with `npm run reset`. Otherwise run the version of the code that has these migrations.',
  );
}

export async function migrateToLatest(databaseUrl: string): Promise<string[]> {
  const db = createDb(databaseUrl, 2);
  try {
    await refuseUnknownMigrations(db);
    const [, applied] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
    return applied;
  } finally {
    await db.destroy();
  }
}
