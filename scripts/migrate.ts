import { z } from 'zod';
import { migrateToLatest } from '../db/migrate.js';

/** `npm run migrate`: applies pending forward-only migrations to DATABASE_URL. */
const url = z
  .string()
  .regex(/^postgres(ql)?:\/\//)
  .safeParse(process.env.DATABASE_URL);
if (!url.success) {
  console.error('Invalid configuration:\n  DATABASE_URL: missing or not a postgres:// URL');
  process.exit(1);
}
try {
  const applied = await migrateToLatest(url.data);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database already up to date');
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
