/**
 * Runs the Temporal dev server (`temporal server start-dev`: server + SQLite + optional Web UI in
 * one process) for `npm start` and the tests.
 *
 * We spawn the CLI ourselves rather than through `TestWorkflowEnvironment.createLocal`, because:
 *   - `ownProcessGroup` (npm start): a Ctrl-C in the terminal then reaches `npm start` only, which
 *     stops the API and the worker first and Temporal afterwards, instead of Temporal dying under
 *     a worker that is still finishing its tasks. By default (tests) the server stays in our
 *     process group, so a Ctrl-C or a `timeout` that kills the test run kills it too;
 *   - its stderr is ours: a port already taken or a corrupt SQLite file is reported with the
 *     server's own words instead of a bare "failed to start";
 *   - stop is SIGTERM, then SIGKILL after 10 s, and an `exit` hook kills it if our process exits
 *     without calling stop() (a SIGKILL of our process still leaves it running: nothing can help).
 * Only when no CLI binary is available (`cached-download`) do we go through createLocal, which
 * downloads the CLI itself (and needs internet).
 *
 * Without `dbFilename` the server keeps everything in memory (tests); with it, workflows survive
 * restarts. `allSearchAttributes` are registered at every start (idempotent for an existing file).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { allSearchAttributes } from '../workflows/kit/searchAttributes.js';
import { exitPromise, isPortBusy, OutputTail, once, portOrFree, terminate, waitFor } from './processControl.js';
import { resolveTemporalCli, type TemporalCli, temporalCliHelp } from './temporalCli.js';

export interface TemporalDevServer {
  /** host:port of the gRPC frontend, e.g. `127.0.0.1:7233`. */
  address: string;
  namespace: string;
  /** Set when the Web UI is enabled. */
  uiUrl?: string;
  /** The CLI process (absent when the SDK runs it: cached-download). */
  pid?: number;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  /** SQLite file; omitted = in-memory server (lost at stop). */
  dbFilename?: string;
  /** gRPC port; 0 / undefined = a free port. */
  port?: number;
  /** Web UI port; 0 / undefined = a free port when the UI is on. */
  uiPort?: number;
  /** Web UI on or off; defaults to on when `uiPort` is given. */
  ui?: boolean;
  /** The Web UI's remote codec endpoint (`--ui-codec-endpoint`): it decodes encrypted payloads there. */
  uiCodecEndpoint?: string;
  /** Namespace to use; `default` always exists, another one is created at start. */
  namespace?: string;
  log?: (line: string) => void;
  /** An already resolved CLI (avoids resolving twice); resolved (and installed) here otherwise. */
  cli?: TemporalCli;
  /**
   * Run in a process group of its own, out of reach of the terminal's Ctrl-C, for a caller that
   * stops it itself in a chosen order (npm start). Default false: it dies with our group.
   */
  ownProcessGroup?: boolean;
  /** How long to wait for the server to answer; default 60 s. */
  startTimeoutMs?: number;
  /**
   * `PRAGMA=VALUE` for the SQLite file. Default with a file: WAL with synchronous=NORMAL, measured
   * to double lifecycle throughput (bench/README.md), still safe against a crash of the process
   * (only an OS crash may lose the last commits).
   */
  sqlitePragmas?: string[];
}

const HOST = '127.0.0.1';
const STOP_GRACE_MS = 10_000;

export async function startTemporalDevServer(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
  const namespace = options.namespace ?? 'default';
  const ui = options.ui ?? options.uiPort !== undefined;
  const port = await portOrFree(options.port, HOST);
  const uiPort = ui ? await portOrFree(options.uiPort, HOST) : undefined;
  if (options.dbFilename) await fs.mkdir(path.dirname(path.resolve(options.dbFilename)), { recursive: true });
  const cli = options.cli ?? (await resolveTemporalCli({ log: options.log }));
  const settings = { ...options, namespace, port, uiPort };
  return cli.type === 'existing-path' ? spawnDevServer(cli.path, settings) : startWithSdkDownload(settings);
}

interface ResolvedSettings extends TemporalDevServerOptions {
  namespace: string;
  port: number;
  uiPort: number | undefined;
}

function devServerArgs(s: ResolvedSettings): string[] {
  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(s.port), '--log-level', 'warn'];
  args.push(...(s.uiPort ? ['--ui-ip', HOST, '--ui-port', String(s.uiPort)] : ['--headless']));
  if (s.uiPort && s.uiCodecEndpoint) args.push('--ui-codec-endpoint', s.uiCodecEndpoint);
  if (s.dbFilename) {
    args.push('--db-filename', path.resolve(s.dbFilename));
    for (const pragma of s.sqlitePragmas ?? ['journal_mode=wal', 'synchronous=normal']) args.push('--sqlite-pragma', pragma);
  }
  // `default` is always created; passing it again is harmless but noisy.
  if (s.namespace !== 'default') args.push('--namespace', s.namespace);
  return [...args, ...searchAttributeArgs()];
}

function searchAttributeArgs(): string[] {
  return allSearchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=${TypedSearchAttributes.toMetadataType(key.type)}`]);
}

async function spawnDevServer(executable: string, s: ResolvedSettings): Promise<TemporalDevServer> {
  const started = Date.now();
  const address = `${HOST}:${s.port}`;
  // Checked first: while ours fails to bind, another server on the port could answer for it.
  for (const port of [s.port, s.uiPort]) {
    if (port && (await isPortBusy(port, HOST))) throw new Error(`Temporal dev server cannot start: port ${port} is already in use`);
  }
  const output = new OutputTail(s.log);
  const child = spawn(executable, devServerArgs(s), {
    detached: s.ownProcessGroup ?? false, // see the header comment
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk));
  const exited = exitPromise(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const stop = once(async () => {
    process.off('exit', killOnExit);
    await terminate(child, exited, STOP_GRACE_MS);
  });

  const giveUp = new AbortController();
  try {
    await Promise.race([
      waitUntilReady(address, s.namespace, s.startTimeoutMs ?? 60_000, giveUp.signal),
      exited.then(({ code, signal }) => {
        throw new Error(`exited (${signal ?? `code ${code}`}) while starting`);
      }),
    ]);
  } catch (error) {
    giveUp.abort();
    await stop();
    throw new Error(
      `Temporal dev server (${executable}) did not start on ${address}: ${(error as Error).message}` +
        `${output.text() ? `\n${output.text()}` : ''}`,
    );
  }
  s.log?.(`temporal: dev server ready on ${address} in ${Date.now() - started} ms (pid ${child.pid})`);
  return {
    address,
    namespace: s.namespace,
    ...(s.uiPort ? { uiUrl: `http://localhost:${s.uiPort}` } : {}),
    ...(child.pid ? { pid: child.pid } : {}),
    stop,
  };
}

/**
 * Ready = the frontend answers, the namespace exists and our search attributes are registered
 * (a worker started right after may upsert them at once).
 */
async function waitUntilReady(address: string, namespace: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  let lastError = 'no answer';
  await waitFor(
    async () => {
      let connection: Connection | undefined;
      try {
        connection = await Connection.connect({ address, connectTimeout: 1000 });
        await connection.workflowService.describeNamespace({ namespace });
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
        const missing = allSearchAttributes.filter((key) => !customAttributes?.[key.name]);
        if (missing.length > 0) {
          lastError = `search attributes not registered yet: ${missing.map((key) => key.name).join(', ')}`;
          return false;
        }
        return true;
      } catch (error) {
        lastError = (error as Error).message;
        return false;
      } finally {
        await connection?.close().catch(() => undefined);
      }
    },
    { timeoutMs, intervalMs: 250, message: `not ready after ${timeoutMs / 1000} s`, signal },
  ).catch((error: Error) => {
    throw new Error(`${error.message} (last error: ${lastError})`);
  });
}

/** Fallback without a local binary: the SDK downloads the CLI (needs internet) and runs it. */
async function startWithSdkDownload(s: ResolvedSettings): Promise<TemporalDevServer> {
  s.log?.('temporal: no local CLI, letting the Temporal SDK download it (needs internet)');
  let testing: typeof import('@temporalio/testing');
  try {
    // A devDependency: imported only on this path so `npm start` never needs it otherwise.
    testing = await import('@temporalio/testing');
  } catch {
    throw new Error(`@temporalio/testing is not installed, so the CLI cannot be downloaded.\n${temporalCliHelp()}`);
  }
  try {
    const env = await testing.TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download' },
        ip: HOST,
        port: s.port,
        ...(s.uiPort ? { ui: true, uiPort: s.uiPort } : { ui: false }),
        ...(s.dbFilename ? { dbFilename: path.resolve(s.dbFilename) } : {}),
        namespace: s.namespace,
        searchAttributes: [...allSearchAttributes],
        log: { format: 'pretty', level: 'warn' },
      },
    });
    return {
      address: `${HOST}:${s.port}`,
      namespace: s.namespace,
      ...(s.uiPort ? { uiUrl: `http://localhost:${s.uiPort}` } : {}),
      stop: once(() => env.teardown()),
    };
  } catch (error) {
    throw new Error(`Downloading the Temporal CLI failed: ${(error as Error).message}\n${temporalCliHelp()}`);
  }
}
