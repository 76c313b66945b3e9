/**
 * Backup and restore of both databases, as the README's runbook (« Operations ») tells an operator
 * to do it, for the drill in tests/ops/stack/restoreDrill.test.ts:
 *   - Temporal's dev server (SQLite): `VACUUM INTO` through the sqlite3 CLI, online. It reads one
 *     consistent snapshot inside a single read transaction (WAL lets the server keep writing), and
 *     unlike the `.backup` command it never restarts when the server writes meanwhile;
 *   - the platform's PostgreSQL: `pg_dump --format=custom`, online (one snapshot), restored with
 *     `pg_restore` into an empty database.
 * Temporal first, PostgreSQL second: what happens between the two snapshots is then in PostgreSQL
 * and not in Temporal, and replaying it is what idempotent activities are for (a mail logged as
 * sent is not sent again, an upsert lands on its row). The other order would lose rows that
 * Temporal believes written.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { resolveDebianTool, sqlite3 } from '../infra/debianTool.js';
import { type PostgresClientTools, resolvePostgresClientTools } from '../infra/postgresClientTools.js';

const exec = promisify(execFile);

/** Online copy of the dev server's SQLite file into `target` (which must not exist). */
export async function backupTemporalSqlite(database: string, target: string, log?: (line: string) => void): Promise<void> {
  const cli = await resolveDebianTool(sqlite3, { log });
  await fs.rm(target, { force: true });
  // The server holds the database open: wait for its write lock rather than fail at once.
  await exec(cli, ['-cmd', '.timeout 30000', database, `VACUUM INTO '${target.replace(/'/g, "''")}'`]);
}

/** A restored copy replaces the database file (the dev server stopped); its -wal and -shm go with the old one. */
export async function restoreTemporalSqlite(backup: string, database: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) await fs.rm(`${database}${suffix}`, { force: true });
  await fs.copyFile(backup, database);
}

async function serverMajor(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

export async function postgresTools(databaseUrl: string, log?: (line: string) => void): Promise<PostgresClientTools> {
  return resolvePostgresClientTools({ serverMajor: await serverMajor(databaseUrl), ...(log ? { log } : {}) });
}

/** `pg_dump --format=custom` of the whole database (schema, data, the migrations table). */
export async function backupPostgres(tools: PostgresClientTools, databaseUrl: string, target: string): Promise<void> {
  await exec(tools.pgDump, ['--format=custom', '--no-owner', '--file', target, '--dbname', databaseUrl], { maxBuffer: 16 * 1024 * 1024 });
}

/** `pg_restore` into an existing, empty database; stops at the first error. */
export async function restorePostgres(tools: PostgresClientTools, databaseUrl: string, backup: string): Promise<void> {
  await exec(tools.pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', databaseUrl, backup], {
    maxBuffer: 16 * 1024 * 1024,
  });
}
