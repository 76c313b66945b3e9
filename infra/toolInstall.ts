/**
 * Project-local installs of the tools the embedded stack and the tests need (the Temporal CLI, the
 * time-skipping test server, a Temporal server built from Go…), under `<repo>/.tools/`, shared by
 * every resolver in infra/. Installs are serialised across processes by a mkdir lock, because the
 * tests and `npm start` may run at the same time on a fresh checkout.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOnPath, isAlive, isExecutableFile, lastLine, run } from './processControl.js';

/** infra/ is one level below the repository root. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const toolsDir = path.join(repoRoot, '.tools');

type Log = (line: string) => void;

/**
 * `pip install --target <target> <spec>` into a scratch directory, then rename: a half-finished
 * install (Ctrl-C, full disk) never looks like a usable tool. True when `<target>/<binary>` runs.
 */
export async function pipInstallTool(tool: { spec: string; target: string; binary: string }, log: Log): Promise<boolean> {
  const scratch = `${tool.target}.tmp-${process.pid}`;
  const pipArgs = ['install', '--target', scratch, '--disable-pip-version-check', '--no-input', '--quiet', tool.spec];
  const candidates: Array<[string, string[]]> = [
    ['python3', ['-m', 'pip', ...pipArgs]],
    ['python', ['-m', 'pip', ...pipArgs]],
    ['pip3', pipArgs],
    ['pip', pipArgs],
  ];
  await fs.mkdir(toolsDir, { recursive: true });
  for (const [command, args] of candidates) {
    log(`installing ${tool.spec} with \`${command} ${args.slice(0, 3).join(' ')} …\` into ${path.relative(repoRoot, tool.target)}`);
    await fs.rm(scratch, { recursive: true, force: true });
    const result = await run(command, args, { timeoutMs: 10 * 60_000 });
    if (result.code === 0 && (await isExecutableFile(path.join(scratch, tool.binary)))) {
      await fs.rm(tool.target, { recursive: true, force: true });
      await fs.rename(scratch, tool.target);
      return true;
    }
    await fs.rm(scratch, { recursive: true, force: true });
    log(`${command} failed: ${result.missing ? 'not installed' : lastLine(result.output)}`);
    // A missing python3 may still leave a working pip3; any other failure (no network, no wheel
    // for this platform) would fail the same way with the next pip.
    if (!result.missing) return false;
  }
  return false;
}

/** `go install <module>` with GOBIN=<gobin>; true when `<gobin>/<binary>` runs. */
export async function goInstallTool(
  tool: { module: string; gobin: string; binary: string; timeoutMs?: number },
  log: Log,
): Promise<boolean> {
  if (!(await findOnPath('go'))) {
    log('go is not installed: skipping the go build');
    return false;
  }
  log(`building ${tool.module} with go into ${path.relative(repoRoot, tool.gobin)} (this can take several minutes)`);
  await fs.mkdir(tool.gobin, { recursive: true });
  const result = await run('go', ['install', tool.module], {
    env: { ...process.env, GOBIN: tool.gobin },
    timeoutMs: tool.timeoutMs ?? 30 * 60_000,
  });
  if (result.code === 0 && (await isExecutableFile(path.join(tool.gobin, tool.binary)))) return true;
  log(`go install failed: ${result.missing ? 'go is not installed' : lastLine(result.output)}`);
  return false;
}

/**
 * Cross-process lock named `<name>.lock` under `.tools/`: mkdir is atomic. The owner's pid is
 * written inside so that a lock left by a killed process is taken over instead of blocking every
 * later start.
 */
export async function withInstallLock<T>(name: string, log: Log, body: () => Promise<T>, waitMs = 40 * 60_000): Promise<T> {
  await fs.mkdir(toolsDir, { recursive: true });
  const lockDir = path.join(toolsDir, `${name}.lock`);
  const ownerFile = path.join(lockDir, 'owner');
  const deadline = Date.now() + waitMs;
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
      if (!announced) log(`waiting for another process (pid ${owner || '?'}) that is installing it`);
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
