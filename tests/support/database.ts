import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../../db/connection.js';
import './provided.js';

/**
 * A fresh database cloned from the migrated template, as `startWorld()` makes, without the worker,
 * the API and the mailbox: for tests of data access and imports that need PostgreSQL only.
 */
export async function startDatabase(): Promise<{ db: Db; url: string; stop(): Promise<void> }> {
  const templateUrl = new URL(inject('templateDatabaseUrl'));
  const databaseName = `test_${randomBytes(4).toString('hex')}`;
  const admin = createDb(Object.assign(new URL(templateUrl), { pathname: '/postgres' }).toString(), 1);
  try {
    await admin.raw(`CREATE DATABASE ${databaseName} TEMPLATE ${templateUrl.pathname.slice(1)}`);
  } finally {
    await admin.destroy();
  }
  const url = Object.assign(new URL(templateUrl), { pathname: `/${databaseName}` }).toString();
  const db = createDb(url, 4);
  return { db, url, stop: () => db.destroy() };
}
