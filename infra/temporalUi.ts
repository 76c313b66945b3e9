/**
 * The Temporal Web UI of the local cluster (`npm run start:cluster`): Temporal's ui-server, a Go
 * module with the UI's assets embedded, pointed at the cluster's frontend. (The dev server of
 * `npm start` has the same UI built in.)
 *
 * Found like the server (infra/temporalServer.ts): `TEMPORAL_UI_SERVER_PATH`; `temporal-ui-server`
 * on PATH; `<repo>/.tools/temporal-ui/bin/server` built earlier for this version; else `go install`
 * of the pinned module into it. Its package also builds as `server`, hence its own directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type ExitInfo,
  exitPromise,
  findOnPath,
  isExecutableFile,
  isPortBusy,
  OutputTail,
  once,
  portOrFree,
  terminate,
  waitFor,
} from './processControl.js';
import { toYaml } from './temporalClusterConfig.js';
import { goInstallTool, repoRoot, toolsDir, withInstallLock } from './toolInstall.js';

export const TEMPORAL_UI_VERSION = 'v2.54.1';
export const TEMPORAL_UI_GO_MODULE = `github.com/temporalio/ui-server/v2/cmd/server@${TEMPORAL_UI_VERSION}`;

const home = path.join(toolsDir, 'temporal-ui');
const local = { bin: path.join(home, 'bin'), binary: path.join(home, 'bin', 'server'), stamp: path.join(home, 'VERSION') };
const HOST = '127.0.0.1';

export function temporalUiHelp(): string {
  return [
    `The Temporal Web UI server ${TEMPORAL_UI_VERSION} could not be found or built (Go is needed to build it).`,
    `  go install ${TEMPORAL_UI_GO_MODULE}`,
    'then set TEMPORAL_UI_SERVER_PATH=<…/server>, or start the cluster without it: TEMPORAL_UI=off npm run start:cluster.',
  ].join('\n');
}

export async function resolveTemporalUi(options: { log?: (line: string) => void } = {}): Promise<string> {
  const log = (line: string) => options.log?.(`temporal ui: ${line}`);
  const fromEnv = process.env.TEMPORAL_UI_SERVER_PATH;
  if (fromEnv) {
    if (!(await isExecutableFile(fromEnv))) throw new Error(`TEMPORAL_UI_SERVER_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const onPath = await findOnPath('temporal-ui-server');
  if (onPath) {
    log(`using ${onPath} (on PATH)`);
    return onPath;
  }
  const built = async () =>
    (await fs.readFile(local.stamp, 'utf8').catch(() => '')).trim() === TEMPORAL_UI_VERSION && (await isExecutableFile(local.binary));
  const ready =
    (await built()) ||
    (await withInstallLock('temporal-ui-install', log, async () => {
      if (await built()) return true;
      if (!(await goInstallTool({ module: TEMPORAL_UI_GO_MODULE, gobin: local.bin, binary: 'server' }, log))) return false;
      await fs.writeFile(local.stamp, `${TEMPORAL_UI_VERSION}\n`);
      return true;
    }));
  if (!ready) throw new Error(temporalUiHelp());
  log(`using ${path.relative(repoRoot, local.binary)} ${TEMPORAL_UI_VERSION}`);
  return local.binary;
}

export interface TemporalUi {
  url: string;
  pid?: number;
  stop(): Promise<void>;
}

export async function startTemporalUi(options: {
  binary: string;
  /** The cluster frontend, host:port. */
  temporalAddress: string;
  namespace: string;
  /** Its config goes to `<dir>/config/cluster.yaml`. */
  dir: string;
  port?: number;
  ownProcessGroup?: boolean;
  log?: (line: string) => void;
}): Promise<TemporalUi> {
  const port = await portOrFree(options.port, HOST);
  if (await isPortBusy(port, HOST)) throw new Error(`Temporal UI cannot start: port ${port} is already in use`);
  const configDir = path.join(options.dir, 'config');
  await fs.mkdir(configDir, { recursive: true });
  const config = {
    temporalGrpcAddress: options.temporalAddress,
    host: HOST,
    port,
    enableUi: true,
    defaultNamespace: options.namespace,
    showTemporalSystemNamespace: false,
    disableNewsFetch: true,
    refreshInterval: '1m',
    cors: { cookieInsecure: true, unsafeAllowAllOrigins: false },
  };
  await fs.writeFile(path.join(configDir, 'cluster.yaml'), `# written by infra/temporalUi.ts at every start\n${toYaml(config)}`);

  const output = new OutputTail(options.log);
  const child: ChildProcess = spawn(options.binary, ['--root', options.dir, '--env', 'cluster', 'start'], {
    detached: options.ownProcessGroup ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk));
  const exited: Promise<ExitInfo> = exitPromise(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = once(async () => {
    process.off('exit', killOnExit);
    await terminate(child, exited, 5_000);
  });
  const url = `http://localhost:${port}`;
  const giveUp = new AbortController();
  try {
    await Promise.race([
      waitFor(async () => (await fetch(`http://${HOST}:${port}/`, { signal: AbortSignal.timeout(2000) })).ok, {
        timeoutMs: 60_000,
        intervalMs: 250,
        message: `Temporal UI did not answer on ${url} within 60 s`,
        signal: giveUp.signal,
      }),
      exited.then(({ code, signal }) => {
        throw new Error(`Temporal UI exited (${signal ?? `code ${code}`}) while starting`);
      }),
    ]);
  } catch (error) {
    giveUp.abort();
    await stop();
    throw new Error(`${(error as Error).message}\n${output.text()}`);
  }
  return { url, ...(child.pid ? { pid: child.pid } : {}), stop };
}
