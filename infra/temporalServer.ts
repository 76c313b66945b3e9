/**
 * Finds (or builds, once, inside the repository) the Temporal server of `npm run start:cluster` and
 * of the cluster tests: the `server` binary (frontend, history, matching and worker services, one
 * per process), its schema tool (`temporal-sql-tool`, whose Go package builds as `sql`) and the
 * PostgreSQL schema directories the tool applies, which ship in the server's Go module.
 *
 * Resolution order, as for the CLI (infra/temporalCli.ts), first hit wins:
 *   1. `TEMPORAL_SERVER_PATH` and `TEMPORAL_SQL_TOOL_PATH` (executable files, otherwise we stop:
 *      the user asked for them), with `TEMPORAL_SCHEMA_DIR` (…/schema/postgresql/v12);
 *   2. `temporal-server` and `temporal-sql-tool` on PATH (the names of Temporal's release archives);
 *   3. `<repo>/.tools/temporal-server/`, built earlier by 4 for this very version (a `VERSION` stamp);
 *   4. `go install` of both, pinned, into `.tools/temporal-server/bin` (several minutes the first
 *      time), and the schema copied next to them from the module cache, so that `.tools/` is
 *      self-contained; serialised across processes by the install lock.
 * Otherwise one message says what to install. The Go build cache is Go's default (GOCACHE), so a
 * second build on the same machine, or after `.tools/` was deleted, takes seconds.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findOnPath, isExecutableFile } from './processControl.js';
import { goInstallTool, repoRoot, toolsDir, withInstallLock } from './toolInstall.js';

/** The pinned server version (the issue measured the platform on it). */
export const TEMPORAL_SERVER_VERSION = 'v1.32.1';
export const TEMPORAL_SERVER_GO_MODULE = `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`;
export const TEMPORAL_SQL_TOOL_GO_MODULE = `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`;

export interface TemporalServerTools {
  /** The server binary: `server --config-file … --allow-no-auth start --service <name>`. */
  server: string;
  /** The schema tool: `--plugin postgres12 … setup-schema / update-schema`. */
  sqlTool: string;
  /** `…/schema/postgresql/v12`, holding `temporal/versioned` and `visibility/versioned`. */
  schemaDir: string;
  /** Where they came from, for the logs. */
  source: string;
}

const home = path.join(toolsDir, 'temporal-server');
const local = {
  bin: path.join(home, 'bin'),
  server: path.join(home, 'bin', 'server'),
  sqlTool: path.join(home, 'bin', 'sql'),
  schemaDir: path.join(home, 'schema', 'postgresql', 'v12'),
  stamp: path.join(home, 'VERSION'),
};
const execFileAsync = promisify(execFile);

export function temporalServerHelp(): string {
  return [
    `The Temporal server ${TEMPORAL_SERVER_VERSION} (needed by \`npm run start:cluster\` and the cluster tests) could not be found or built.`,
    'It is built from its Go module: install Go (1.26 or later, https://go.dev/doc/install) and run again, or build it yourself:',
    `  go install ${TEMPORAL_SERVER_GO_MODULE}`,
    `  go install ${TEMPORAL_SQL_TOOL_GO_MODULE}`,
    'then set TEMPORAL_SERVER_PATH=<…/server>, TEMPORAL_SQL_TOOL_PATH=<…/sql> and',
    `TEMPORAL_SCHEMA_DIR=$(go env GOMODCACHE)/go.temporal.io/server@${TEMPORAL_SERVER_VERSION}/schema/postgresql/v12.`,
  ].join('\n');
}

export async function resolveTemporalServer(options: { log?: (line: string) => void } = {}): Promise<TemporalServerTools> {
  const log = (line: string) => options.log?.(`temporal server: ${line}`);

  // 1. Explicit paths are a promise from the user: a wrong one is an error, not a fallback.
  const fromEnv = { server: process.env.TEMPORAL_SERVER_PATH, sqlTool: process.env.TEMPORAL_SQL_TOOL_PATH };
  if (fromEnv.server || fromEnv.sqlTool) {
    for (const [variable, file] of [
      ['TEMPORAL_SERVER_PATH', fromEnv.server],
      ['TEMPORAL_SQL_TOOL_PATH', fromEnv.sqlTool],
    ] as const) {
      if (!file || !(await isExecutableFile(file)))
        throw new Error(
          `${variable}=${file ?? ''} is not an executable file: set both TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH, or neither.`,
        );
    }
    return { server: fromEnv.server!, sqlTool: fromEnv.sqlTool!, schemaDir: await schemaDirFor('environment', log), source: 'environment' };
  }

  // 2. A server the user installed themselves (Temporal's release archives name them so).
  const [server, sqlTool] = await Promise.all([findOnPath('temporal-server'), findOnPath('temporal-sql-tool')]);
  if (server && sqlTool) {
    log(`using ${server} and ${sqlTool} (on PATH)`);
    return { server, sqlTool, schemaDir: await schemaDirFor('PATH', log), source: 'PATH' };
  }

  // 3 and 4. The project-local build, made once.
  const built =
    (await localBuild()) ?? (await withInstallLock('temporal-server-install', log, async () => (await localBuild()) ?? build(log)));
  if (built) {
    log(`using ${path.relative(repoRoot, built.server)} ${TEMPORAL_SERVER_VERSION}`);
    return built;
  }
  throw new Error(temporalServerHelp());
}

/** The `.tools/` build, if it is complete and of the pinned version. */
async function localBuild(): Promise<TemporalServerTools | undefined> {
  const stamp = await fs.readFile(local.stamp, 'utf8').catch(() => '');
  if (stamp.trim() !== TEMPORAL_SERVER_VERSION) return undefined;
  const complete =
    (await isExecutableFile(local.server)) && (await isExecutableFile(local.sqlTool)) && (await isDirectory(local.schemaDir));
  return complete ? { server: local.server, sqlTool: local.sqlTool, schemaDir: local.schemaDir, source: 'go install (.tools)' } : undefined;
}

async function build(log: (line: string) => void): Promise<TemporalServerTools | undefined> {
  await fs.rm(local.stamp, { force: true });
  const started = Date.now();
  for (const [module, binary] of [
    [TEMPORAL_SERVER_GO_MODULE, 'server'],
    [TEMPORAL_SQL_TOOL_GO_MODULE, 'sql'],
  ] as const) {
    if (!(await goInstallTool({ module, gobin: local.bin, binary }, log))) return undefined;
  }
  const source = await moduleSchemaDir(log);
  if (!source) return undefined;
  // Copied out of the module cache (read-only files there), so .tools/ needs nothing else.
  await fs.rm(path.dirname(path.dirname(local.schemaDir)), { recursive: true, force: true });
  await fs.cp(source, local.schemaDir, { recursive: true });
  await makeWritable(path.dirname(path.dirname(local.schemaDir)));
  await fs.writeFile(local.stamp, `${TEMPORAL_SERVER_VERSION}\n`);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  return localBuild();
}

/** For binaries found outside .tools/: TEMPORAL_SCHEMA_DIR, else the .tools copy, else the module cache. */
async function schemaDirFor(source: string, log: (line: string) => void): Promise<string> {
  const fromEnv = process.env.TEMPORAL_SCHEMA_DIR;
  if (fromEnv) {
    if (await hasSchemas(fromEnv)) return fromEnv;
    throw new Error(`TEMPORAL_SCHEMA_DIR=${fromEnv} has no temporal/versioned and visibility/versioned folders (…/schema/postgresql/v12).`);
  }
  if (await hasSchemas(local.schemaDir)) return local.schemaDir;
  const fromModule = await moduleSchemaDir(log);
  if (fromModule) return fromModule;
  throw new Error(`the Temporal server found on ${source} needs its schema directory: set TEMPORAL_SCHEMA_DIR.\n${temporalServerHelp()}`);
}

/** `go mod download` of the server module (a no-op once cached): its schema/postgresql/v12. */
async function moduleSchemaDir(log: (line: string) => void): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('go', ['mod', 'download', '-json', `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`], {
      cwd: tmpdir(), // outside any Go module
      timeout: 10 * 60_000,
      maxBuffer: 1024 * 1024,
    });
    const dir = path.join((JSON.parse(stdout) as { Dir: string }).Dir, 'schema', 'postgresql', 'v12');
    return (await hasSchemas(dir)) ? dir : undefined;
  } catch (error) {
    log(`could not locate the server module's schema: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

async function hasSchemas(dir: string): Promise<boolean> {
  return (await isDirectory(path.join(dir, 'temporal', 'versioned'))) && (await isDirectory(path.join(dir, 'visibility', 'versioned')));
}

async function isDirectory(dir: string): Promise<boolean> {
  return fs.stat(dir).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
}

async function makeWritable(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    await fs.chmod(file, entry.isDirectory() ? 0o755 : 0o644);
  }
  await fs.chmod(dir, 0o755);
}
