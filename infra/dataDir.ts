/**
 * The data directory of `npm start` (DATA_DIR, default `<repo>/data`): PostgreSQL, the Temporal
 * dev server's SQLite file, the caught mails, the app secret. It survives restarts, so it may hold
 * data written by an older version of the code, which this version cannot always use: before the
 * first release, workflow changes are not patched (running executions of the old code may not
 * replay) and migrations were renamed. A `FORMAT` file written at the first start says which
 * version of the layout wrote it; `npm start` refuses anything else with one clear message.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bump it when a change makes existing development data unusable (a workflow change without
 * `patched()` before the first release, a migration renamed). 2: migrations named by timestamp,
 * workflow histories re-recorded, unreleased patches retired (issue 11). Data without a FORMAT
 * file predates it.
 */
export const DATA_FORMAT = 2;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function dataDirectory(): string {
  return path.resolve(process.env.DATA_DIR || path.join(repoRoot, 'data'));
}

/** What `npm start` finds in the data directory. */
export type DataState = { kind: 'empty' } | { kind: 'current' } | { kind: 'other'; found: string };

export async function dataState(dir: string): Promise<DataState> {
  const marker = await fs.readFile(path.join(dir, 'FORMAT'), 'utf8').catch(() => undefined);
  if (marker !== undefined) {
    const found = marker.trim().split('\n')[0] ?? '';
    return found === String(DATA_FORMAT) ? { kind: 'current' } : { kind: 'other', found: `format ${found || '(empty)'}` };
  }
  // Without a marker, only a database or a Temporal file are data worth refusing to touch.
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  const data = entries.filter((name) => name === 'postgres' || name.startsWith('temporal.sqlite'));
  return data.length > 0 ? { kind: 'other', found: 'no FORMAT file: written before there was one' } : { kind: 'empty' };
}

export async function writeDataFormat(dir: string): Promise<void> {
  await fs.writeFile(
    path.join(dir, 'FORMAT'),
    `${DATA_FORMAT}\n# Layout version of this directory, written by npm start (infra/dataDir.ts). Do not edit.\n`,
  );
}

/** The message `npm start` stops with when the data directory holds data of another version. */
export function otherDataMessage(dir: string, found: string): string {
  const shown = shownPath(dir);
  return [
    `${shown}/ holds data written by another version of the platform (${found}; this version writes format ${DATA_FORMAT}).`,
    'Its workflows may not replay on the current code and its database migrations do not match, so it cannot be started.',
    'Start from zero (this deletes the accounts, workflows and mails kept there):',
    `  npm run reset${process.env.DATA_DIR ? ` (with the same DATA_DIR=${process.env.DATA_DIR})` : ''} && npm start`,
    'or keep it aside and start elsewhere: DATA_DIR=/another/dir npm start',
  ].join('\n');
}

/** Relative to the current directory when inside it (`data`), absolute otherwise. */
export function shownPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}
