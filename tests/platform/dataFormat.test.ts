import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationNames } from '../../db/migrate.js';
import { DATA_FORMAT, dataState, writeDataFormat } from '../../infra/dataDir.js';
import { startDatabase } from '../support/database.js';

describe('migrations discovered from db/migrations', () => {
  let database: Awaited<ReturnType<typeof startDatabase>>;
  beforeAll(async () => {
    database = await startDatabase();
  });
  afterAll(() => database.stop());

  it('when the folder is read, then every migration is named by timestamp, oldest first, and all of them were applied', async () => {
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect([...names].sort()).toEqual(names);
    const applied: string[] = await database.db('knex_migrations').orderBy('id').pluck('name');
    expect(applied).toEqual(names);
  });

  it('when a database was migrated by the old numbered migrations, then migrating refuses and tells how to reset', async () => {
    await database.db('knex_migrations').insert({ name: '001_accounts', batch: 1, migration_time: new Date() });
    await expect(migrateToLatest(database.url)).rejects.toThrow(/001_accounts.*npm run reset/s);
  });
});

describe('the data directory of npm start', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'approvals-data-format-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('when it is empty, then it is new; once marked, it is current', async () => {
    const fresh = join(dir, 'fresh');
    await mkdir(fresh);
    expect(await dataState(fresh)).toEqual({ kind: 'empty' });
    await writeDataFormat(fresh);
    expect((await readFile(join(fresh, 'FORMAT'), 'utf8')).split('\n')[0]).toBe(String(DATA_FORMAT));
    expect(await dataState(fresh)).toEqual({ kind: 'current' });
  });

  it('when it holds a database but no FORMAT file, or another format, then it belongs to another version', async () => {
    const old = join(dir, 'old');
    await mkdir(join(old, 'postgres'), { recursive: true });
    expect((await dataState(old)).kind).toBe('other');
    await writeFile(join(old, 'FORMAT'), '1\n');
    expect(await dataState(old)).toEqual({ kind: 'other', found: 'format 1' });
  });

  it('when npm start finds data of an older version, then it stops at once with one message telling how to reset', async () => {
    const old = join(dir, 'started');
    await mkdir(join(old, 'postgres'), { recursive: true });
    await writeFile(join(old, 'temporal.sqlite'), '');
    const failure = await promisify(execFile)('npx', ['tsx', 'scripts/start.ts'], {
      env: { ...process.env, DATA_DIR: old },
      timeout: 60_000,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('holds data written by another version of the platform');
    expect(failure?.stderr).toContain('npm run reset');
    // Nothing was started on it, nothing was written into it.
    expect(failure?.stdout).not.toMatch(/PostgreSQL ready|Temporal dev server ready/);
    await expect(readFile(join(old, 'FORMAT'), 'utf8')).rejects.toThrow();
  });
});
