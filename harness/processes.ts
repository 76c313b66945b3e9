/**
 * Child processes of the benchmark, the fault suite and the build check (the real worker, the
 * real API, the baseline worker), and what Linux tells us about any process: peak memory (VmHWM), current
 * memory (VmRSS) and CPU time, so each component's cost is measured on its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ExitInfo, exitPromise, terminate } from '../infra/processControl.js';

/** harness/ is one level below the repository root. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface NodeChild {
  name: string;
  pid: number;
  child: ChildProcess;
  exited: Promise<ExitInfo>;
  /** Last lines of its output, for error messages. */
  output(): string;
  /** Resolves when a line of its stdout/stderr matches. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM (graceful drain), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Runs an entry point in its own Node process: a TypeScript source with `node --import tsx` (one
 * process, so its pid is the one whose memory we read; `npx tsx` would add a wrapper process), a
 * compiled `.js` file (dist/) with plain `node`, as production runs it.
 */
export function spawnNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  options: { ipc?: boolean; log?: (line: string) => void } = {},
): NodeChild {
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let partial = '';
  const onChunk = (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 60) lines.shift();
      options.log?.(`[${name}] ${line}`);
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout!.on('data', onChunk);
  child.stderr!.on('data', onChunk);
  const exited = exitPromise(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  return {
    name,
    pid: child.pid!,
    child,
    exited,
    output: () => [...lines, partial].filter(Boolean).join('\n'),
    waitForLine(pattern, timeoutMs) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms\n${lines.join('\n')}`));
        }, timeoutMs);
        const listener = (line: string) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(line);
        };
        listeners.add(listener);
        void exited.then(({ code, signal }) => {
          if (!listeners.has(listener)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before printing ${pattern}\n${lines.join('\n')}`));
        });
      });
    },
    stop: (graceMs = 15_000) => terminate(child, exited, graceMs, 'SIGTERM'),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// /proc readings (Linux). Everything returns undefined elsewhere or for a vanished process.

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size since the process started, in bytes. */
export const peakRss = (pid: number) => statusField(pid, 'VmHWM');
export const currentRss = (pid: number) => statusField(pid, 'VmRSS');

const CLOCK_TICKS = 100; // USER_HZ on every Linux we run on

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU time in ms used by the process, plus (with `withReaped`) by its children that it has
 * already waited for: PostgreSQL's postmaster reaps its backends, so this counts them too.
 */
export function cpuMs(pid: number, withReaped = false): number | undefined {
  const fields = statFields(pid);
  if (!fields) return undefined;
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
  const ticks = Number(fields[11]) + Number(fields[12]) + (withReaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Live direct children of `pid`. */
/**
 * CPU time the hypervisor gave to other guests while we wanted it (`steal` of /proc/stat, all
 * CPUs, ms). On a shared host it can slow every process of a run at once: the bench reports it.
 */
export function stolenMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    return Number(fields[8]) * (1000 / 100);
  } catch {
    return undefined;
  }
}

export function childPids(pid: number): number[] {
  const result: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) result.push(Number(entry));
  }
  return result;
}

/** CPU ms of a process tree: the root (with reaped children) plus its live children. */
export function treeCpuMs(pid: number): number | undefined {
  const own = cpuMs(pid, true);
  if (own === undefined) return undefined;
  return own + childPids(pid).reduce((sum, child) => sum + (cpuMs(child, true) ?? 0), 0);
}

/** The pid of a running process whose command line contains every one of `parts`. */
export function findProcess(parts: string[]): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (parts.every((part) => cmdline.includes(part))) return Number(entry);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

/** Samples VmRSS every `intervalMs` and keeps the maximum (peak under load, after start-up). */
export function rssSampler(pid: () => number | undefined, intervalMs = 250) {
  let max = 0;
  const timer = setInterval(() => {
    const id = pid();
    const rss = id ? currentRss(id) : undefined;
    if (rss && rss > max) max = rss;
  }, intervalMs);
  timer.unref();
  return {
    peak: () => max,
    reset: () => {
      max = 0;
    },
    stop: () => clearInterval(timer),
  };
}
