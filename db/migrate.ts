import type { Knex } from 'knex';
import { createDb } from './connection.js';
import * as m001 from './migrations/001_accounts.js';
import * as m002 from './migrations/002_approvals.js';
import * as m003 from './migrations/003_graduate_registry.js';
import * as m004 from './migrations/004_training.js';
import * as m005 from './migrations/005_graduates_recruiters.js';
import * as m006 from './migrations/006_ent.js';
import * as m007 from './migrations/007_offers.js';
import * as m008 from './migrations/008_inbox_index.js';

/**
 * Forward-only migrations, listed in code (not discovered on disk) so they work the same under
 * tsx, a bundler or compiled output. Append new ones; never edit a released one.
 */
const migrations: Record<string, { up(db: Knex): Promise<void> }> = {
  '001_accounts': m001,
  '002_approvals': m002,
  '003_graduate_registry': m003,
  '004_training': m004,
  '005_graduates_recruiters': m005,
  '006_ent': m006,
  '007_offers': m007,
  '008_inbox_index': m008,
};

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => ({ up: migrations[name]!.up, down: async () => {} }),
};

export async function migrateToLatest(databaseUrl: string): Promise<string[]> {
  const db = createDb(databaseUrl, 2);
  try {
    const [, applied] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
    return applied;
  } finally {
    await db.destroy();
  }
}
