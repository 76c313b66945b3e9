/**
 * The engines under the platform for the benchmark, the fault suite and the build check: PostgreSQL, a Temporal
 * dev server with its SQLite in a file (so it can be restarted and resume), and an SMTP receiver.
 * Embedded by default, all under one temporary directory; or, for the benchmark, a PostgreSQL
 * and a Temporal given by BENCH_DATABASE_URL / BENCH_TEMPORAL_ADDRESS (the SMTP receiver is
 * always ours: the benchmark reads the mails).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrateToLatest } from '../db/migrate.js';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../infra/embeddedPostgres.js';
import { getFreePort } from '../infra/processControl.js';
import { resolveTemporalCli, type TemporalCli } from '../infra/temporalCli.js';
import { startTemporalDevServer, type TemporalDevServer } from '../infra/temporalDevServer.js';
import { type Inbox, startInbox } from './inbox.js';
import { findProcess } from './processes.js';

export interface StackOptions {
  /** Prefix of the temporary directory under the OS temp dir. */
  name: string;
  log?: (line: string) => void;
  /** Use these instead of embedded engines (benchmark against a configured stack). */
  external?: { databaseUrl?: string; temporalAddress?: string; namespace?: string };
  /** `--sqlite-pragma` values for the dev server (e.g. synchronous=OFF); none = the CLI's defaults. */
  sqlitePragmas?: string[];
  /** Apply the migrations from the sources (default); false leaves an empty database (the build check migrates with dist/). */
  migrate?: boolean;
}

export interface Stack {
  dir: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  inbox: Inbox;
  /** What the report says about the Temporal server. */
  temporalSettings: Record<string, unknown>;
  /** Pids of the embedded engines (for CPU accounting); undefined when external. */
  postgresPid(): number | undefined;
  temporalPid(): number | undefined;
  /** Embedded only: stop / start again on the same data and port. */
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  stopTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  stop(): Promise<void>;
}

const DATABASE = 'approvals';

export async function startStack(options: StackOptions): Promise<Stack> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), `${options.name}-`));
  const log = options.log;
  const external = options.external ?? {};

  // PostgreSQL: a persistent cluster (it must survive its own restart), deleted by stop().
  const pgDataDir = path.join(dir, 'postgres');
  const pgPort = external.databaseUrl ? 0 : await getFreePort();
  let postgres: EmbeddedPostgresHandle | undefined;
  const startPostgres = async () => {
    postgres = await startEmbeddedPostgres({
      dataDir: pgDataDir,
      port: pgPort,
      database: DATABASE,
      persistent: true,
      log: log && ((l) => log(`[postgres] ${l}`)),
    });
  };

  // Temporal: SQLite file in the temp dir, fixed port so clients reconnect after a restart.
  const dbFilename = path.join(dir, 'temporal.sqlite');
  const temporalPort = external.temporalAddress ? 0 : await getFreePort();
  let cli: TemporalCli | undefined;
  let temporal: TemporalDevServer | undefined;
  const startTemporal = async () => {
    cli ??= await resolveTemporalCli({ log });
    temporal = await startTemporalDevServer({
      dbFilename,
      port: temporalPort,
      cli,
      ...(options.sqlitePragmas?.length ? { sqlitePragmas: options.sqlitePragmas } : {}),
      log: log && ((l) => log(`[temporal] ${l}`)),
    });
  };

  const inboxPromise = startInbox();
  await Promise.all([external.databaseUrl ? undefined : startPostgres(), external.temporalAddress ? undefined : startTemporal()]);
  const inbox = await inboxPromise;
  const databaseUrl = external.databaseUrl ?? postgres!.url;
  if (options.migrate !== false) await migrateToLatest(databaseUrl);

  const temporalAddress = external.temporalAddress ?? temporal!.address;
  const namespace = external.namespace ?? 'default';
  const temporalSettings: Record<string, unknown> = external.temporalAddress
    ? { address: temporalAddress, namespace, embedded: false }
    : {
        embedded: true,
        cli: cli?.type === 'existing-path' ? `${await cliVersion(cli.path)} (${cli.source})` : cli?.source,
        command: 'temporal server start-dev --headless --log-level warn',
        database: `SQLite file ${dbFilename}`,
        sqlitePragmas: options.sqlitePragmas?.length ? options.sqlitePragmas : 'journal_mode=wal, synchronous=normal (the infra default)',
        namespace,
        dynamicConfig: 'CLI defaults (none passed)',
      };

  return {
    dir,
    databaseUrl,
    temporalAddress,
    namespace,
    inbox,
    temporalSettings,
    postgresPid: () => (external.databaseUrl ? undefined : findProcess(['postgres', '-D', pgDataDir])),
    temporalPid: () => (external.temporalAddress ? undefined : findProcess(['start-dev', '--port', String(temporalPort)])),
    async stopPostgres() {
      await postgres?.stop();
    },
    startPostgres,
    async stopTemporal() {
      await temporal?.stop();
    },
    startTemporal,
    async stop() {
      await inbox.close().catch(() => undefined);
      await temporal?.stop().catch(() => undefined);
      await postgres?.stop().catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the dev server's SQLite runs in WAL mode (a -wal file next to the database). */
export function sqliteJournalObserved(stack: Stack): string {
  const file = path.join(stack.dir, 'temporal.sqlite');
  if (!existsSync(file)) return 'n/a';
  return existsSync(`${file}-wal`) ? 'WAL (a -wal file exists)' : 'rollback journal (no -wal file)';
}

async function cliVersion(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)(file, ['--version']).catch(() => ({ stdout: 'temporal (version unknown)' }));
  return stdout.trim().split('\n')[0] ?? '';
}
