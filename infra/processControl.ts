/**
 * Process control for everything that starts and stops other processes: the embedded services
 * (Temporal dev server, PostgreSQL, mail), `npm start`, the harness of the benchmark and the
 * fault suite, and the tests. Ports (a free one, is one busy, does one answer), waiting for a
 * condition, a child's output tail, its exit, a graceful stop escalating to SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** Asks the OS for a free TCP port on `host` (it is released at once, so use it soon after). */
export async function getFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/** `port` itself when it is a real port, or a free one for 0 / undefined. */
export async function portOrFree(port: number | undefined, host = '127.0.0.1'): Promise<number> {
  return port ? port : getFreePort(host);
}

/**
 * True when something accepts connections on host:port, or when we cannot bind it ourselves.
 * Both checks matter: a server bound to 0.0.0.0 or ::1 may not refuse a bind on 127.0.0.1,
 * and a port held by a listener that does not accept yet still fails the bind.
 */
export async function isPortBusy(port: number, host = '127.0.0.1'): Promise<boolean> {
  const canBind = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!canBind) return true;
  return canConnect(port, host);
}

/** True when a TCP connection to host:port succeeds within `timeoutMs`. */
export async function canConnect(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls `check` every `intervalMs` until it returns true; throws `message` after `timeoutMs`,
 * or as soon as `signal` is aborted (so a loop whose outcome no longer matters stops polling).
 */
export async function waitFor(
  check: () => Promise<boolean>,
  { timeoutMs, intervalMs = 200, message, signal }: { timeoutMs: number; intervalMs?: number; message: string; signal?: AbortSignal },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal?.aborted) throw new Error(`${message} (cancelled)`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// ---------------------------------------------------------------------------------------------
// Child-process helpers.

/** Keeps the last lines a child printed (for error messages) and forwards them to `log`. */
export class OutputTail {
  private lines: string[] = [];
  private partial = '';
  constructor(
    private readonly log?: (line: string) => void,
    private readonly max = 40,
  ) {}
  push(chunk: Buffer | string): void {
    const parts = (this.partial + chunk.toString()).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
      this.log?.(line);
    }
  }
  text(): string {
    return [...this.lines, this.partial].filter((line) => line.trim()).join('\n');
  }
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves when the child has exited (or could not be spawned); never rejects. */
export function exitPromise(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: child.exitCode ?? -1, signal: null }));
  });
}

/** Sends `signal`, waits up to `graceMs`, then SIGKILL; returns once the child is gone. */
export async function terminate(
  child: ChildProcess,
  exited: Promise<ExitInfo>,
  graceMs: number,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Wraps an async function so that concurrent and repeated calls share the first call. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => (promise ??= fn());
}

/** True when a process with this pid exists (EPERM: it exists but is not ours). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------
// Commands and executables (the installs of the Temporal CLI and of Chromium).

export async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` in a directory of PATH. */
export async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** The last non-empty line of a command's output (for a one-line error), at most 300 characters. */
export function lastLine(output: string): string {
  const lines = output.trim().split('\n').filter(Boolean);
  return lines.slice(-1)[0]?.slice(0, 300) ?? '(no output)';
}

export interface RunResult {
  code: number | null;
  output: string;
  /** The command itself does not exist (ENOENT). */
  missing: boolean;
}

/** Runs a command to completion, collecting stdout+stderr (kept to the last 64 KiB). */
export function run(
  command: string,
  args: string[],
  { env = process.env, timeoutMs }: { env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-65_536);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, output: error.message, missing: error.code === 'ENOENT' });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, missing: false });
    });
  });
}
