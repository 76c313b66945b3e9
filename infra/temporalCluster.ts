/**
 * A real Temporal cluster on one machine, for `npm run start:cluster` and the cluster tests: the
 * server built from its Go module (infra/temporalServer.ts) on PostgreSQL, each service in its
 * own process — the frontend, two history processes sharing the shards, matching, and the
 * internal worker service — then the namespace and the project's search attributes registered
 * through the frontend.
 *
 *   PostgreSQL ──▶ schema tool: databases created and upgraded (persistence, visibility)
 *              ──▶ frontend :7233 · history ×2 · matching · worker   (ringpop on loopback)
 *              ──▶ namespace + search attributes (operator API)
 *
 * Every service can be killed, stopped and started again on its ports (the fault scenarios), and
 * writes its JSON log to `<dir>/logs/<name>.log`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { msToTs } from '@temporalio/common/lib/time.js';
import pg from 'pg';
import { allSearchAttributes } from '../workflows/kit/searchAttributes.js';
import { startEmbeddedPostgres } from './embeddedPostgres.js';
import {
  canConnect,
  type ExitInfo,
  exitPromise,
  getFreePort,
  isPortBusy,
  OutputTail,
  once,
  run,
  terminate,
  waitFor,
} from './processControl.js';
import {
  type ClusterPostgres,
  clusterDynamicConfig,
  dynamicConfigFile,
  processConfig,
  type ServicePorts,
  type ServiceRole,
  toYaml,
} from './temporalClusterConfig.js';
import { resolveTemporalServer, type TemporalServerTools } from './temporalServer.js';

export type { ClusterPostgres, ServiceRole } from './temporalClusterConfig.js';

export interface TemporalClusterOptions {
  /** Where the configuration files and the services' logs are written. */
  dir: string;
  postgres: ClusterPostgres;
  /** The frontend's gRPC port; 0 / undefined = a free one. */
  frontendPort?: number;
  /** 16 by default; fixed for the life of the databases (the server refuses another number later). */
  historyShards?: number;
  /** How many history processes share the shards (2 by default). */
  historyProcesses?: number;
  namespace?: string;
  /** Retention of closed workflows in the namespace (days, 3 by default). */
  retentionDays?: number;
  /** Extra dynamic config values (merged over the cluster's own). */
  dynamicConfig?: Record<string, unknown>;
  /** Already resolved binaries (avoids resolving twice). */
  tools?: TemporalServerTools;
  /** Progress lines ("frontend ready…"); the services' own logs go to their files. */
  log?: (line: string) => void;
  /** Run each service in a process group of its own (npm run start:cluster stops them itself). */
  ownProcessGroup?: boolean;
}

export interface ClusterService {
  /** `frontend`, `history-1`, `history-2`, `matching`, `worker`. */
  name: string;
  role: ServiceRole;
  ports: ServicePorts;
  logFile: string;
  pid(): number | undefined;
  running(): boolean;
  start(): Promise<void>;
  /** SIGTERM: the service hands its shards and task queues over, then exits. */
  stop(): Promise<void>;
  /** SIGKILL: the process is gone at once, as when its machine dies. */
  kill(): Promise<void>;
  /** Lines of its log matching `pattern` since `since` (ms epoch); read from its log file. */
  logLines(pattern: RegExp, since?: number): Promise<string[]>;
}

export interface TemporalCluster {
  address: string;
  namespace: string;
  historyShards: number;
  services: ClusterService[];
  service(name: string): ClusterService;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const STOP_GRACE_MS = 20_000;
const READY_TIMEOUT_MS = 120_000;

export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const log = options.log ?? (() => undefined);
  const namespace = options.namespace ?? 'default';
  const historyShards = options.historyShards ?? 16;
  const tools = options.tools ?? (await resolveTemporalServer({ log }));
  const dir = path.resolve(options.dir);
  await fs.mkdir(path.join(dir, 'logs'), { recursive: true });

  const t0 = Date.now();
  await prepareDatabases(tools, options.postgres, log);
  log(
    `temporal cluster: databases ${options.postgres.persistenceDatabase} and ${options.postgres.visibilityDatabase} ready in ${seconds(Date.now() - t0)}`,
  );

  const dynamicConfigPath = path.join(dir, 'dynamicconfig.yaml');
  await fs.writeFile(dynamicConfigPath, toYaml(dynamicConfigFile({ ...clusterDynamicConfig, ...options.dynamicConfig })));

  const frontendPort = options.frontendPort || (await getFreePort());
  const address = `${HOST}:${frontendPort}`;
  const layout: Array<{ name: string; role: ServiceRole }> = [
    { name: 'frontend', role: 'frontend' },
    ...Array.from({ length: options.historyProcesses ?? 2 }, (_, i) => ({ name: `history-${i + 1}`, role: 'history' as const })),
    { name: 'matching', role: 'matching' },
    { name: 'worker', role: 'worker' },
  ];
  const portsOf = new Map<string, ServicePorts>();
  for (const { name, role } of layout) {
    portsOf.set(name, {
      grpc: role === 'frontend' ? frontendPort : await getFreePort(),
      membership: await membershipPort(),
      metrics: await getFreePort(),
      ...(role === 'frontend' ? { http: await getFreePort() } : {}),
    });
  }
  const firstOfEachRole = Object.fromEntries(
    (['frontend', 'history', 'matching', 'worker'] as const).map((role) => [role, portsOf.get(layout.find((s) => s.role === role)!.name)!]),
  ) as Record<ServiceRole, ServicePorts>;
  const services: ManagedService[] = [];
  for (const { name, role } of layout) {
    const ports = portsOf.get(name)!;
    const configFile = path.join(dir, `${name}.yaml`);
    const config = processConfig({
      role,
      ports,
      otherServices: firstOfEachRole,
      postgres: options.postgres,
      historyShards,
      dynamicConfigFile: dynamicConfigPath,
      frontendAddress: address,
    });
    await fs.writeFile(configFile, `# ${name}: written by infra/temporalCluster.ts at every start\n${toYaml(config)}`);
    services.push(new ManagedService(name, role, ports, tools.server, configFile, path.join(dir, 'logs', `${name}.log`), options));
  }

  const stop = once(async () => {
    // The frontend first (no new requests), the worker service, matching, history last.
    for (const service of [...services].reverse().sort((a, b) => stopOrder(a.role) - stopOrder(b.role))) await service.stop();
  });
  try {
    for (const service of services) {
      if (await isPortBusy(service.ports.grpc)) throw new Error(`${service.name}: port ${service.ports.grpc} is already in use`);
    }
    // One first, alone: on fresh databases, each process writes the cluster metadata at start and
    // concurrent first writes fail. The others then all at once (they find each other through membership).
    const started = Date.now();
    await services[0]!.start();
    await Promise.all(services.slice(1).map((service) => service.start()));
    await registerNamespace(address, namespace, options.retentionDays ?? 3);
    await registerSearchAttributes(address, namespace);
    log(
      `temporal cluster: ${services.map((s) => s.name).join(', ')} ready on ${address} in ${seconds(Date.now() - started)} (namespace ${namespace}, ${historyShards} shards)`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address,
    namespace,
    historyShards,
    services,
    service(name) {
      const found = services.find((s) => s.name === name);
      if (!found) throw new Error(`no cluster service named ${name} (${services.map((s) => s.name).join(', ')})`);
      return found;
    },
    stop,
  };
}

/**
 * A free port below 32768: Temporal stores each process's membership port in a SMALLINT column
 * (cluster_membership.rpc_port), so the OS's ephemeral ports (32768 and up) cannot be used.
 */
const handedOut = new Set<number>();
async function membershipPort(): Promise<number> {
  const start = 21_000 + Math.floor(Math.random() * 10_000);
  for (let port = start; port < start + 1_000; port++) {
    if (handedOut.has(port) || (await isPortBusy(port, HOST))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no free port below 32768 for Temporal membership');
}

const stopOrder = (role: ServiceRole) => ({ frontend: 0, worker: 1, matching: 2, history: 3 })[role];

// ---------------------------------------------------------------------------------------------
// Databases: created, then brought to the server's schema version by its own tool.

/**
 * Room for five Temporal processes and the platform's pools: PostgreSQL's default of 100
 * connections is not enough. Applied with ALTER SYSTEM, so it takes effect at the next start:
 * returns true when the caller must restart PostgreSQL.
 */
export async function ensureConnectionCapacity(url: string, wanted = 400): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ max_connections: string }>('SHOW max_connections');
    if (Number(rows[0]?.max_connections) >= wanted) return false;
    await client.query(`ALTER SYSTEM SET max_connections = ${Number(wanted)}`);
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function prepareDatabases(tools: TemporalServerTools, postgres: ClusterPostgres, log: (line: string) => void) {
  const schemas: Array<[string, string]> = [
    [postgres.persistenceDatabase, path.join(tools.schemaDir, 'temporal', 'versioned')],
    [postgres.visibilityDatabase, path.join(tools.schemaDir, 'visibility', 'versioned')],
  ];
  for (const [database, schemaDir] of schemas) {
    const connect = [
      '--plugin',
      'postgres12',
      '--ep',
      postgres.host,
      '-p',
      String(postgres.port),
      '-u',
      postgres.user,
      '--pw',
      postgres.password,
      '--db',
      database,
    ];
    const sqlTool = async (...command: string[]) => {
      const result = await run(tools.sqlTool, [...connect, ...command], { timeoutMs: 120_000 });
      if (result.code !== 0)
        throw new Error(`temporal-sql-tool ${command[0]} on ${database} failed:\n${result.output.trim().split('\n').slice(-8).join('\n')}`);
    };
    if (!(await databaseExists(postgres, database))) {
      await sqlTool('create-database');
      log(`temporal cluster: created database ${database}`);
    }
    // Version 0.0 creates the schema_version bookkeeping only (a no-op when it exists); the
    // update applies every versioned step the database lacks, up to the server's version.
    await sqlTool('setup-schema', '-v', '0.0');
    await sqlTool('update-schema', '-d', schemaDir);
  }
}

async function databaseExists(postgres: ClusterPostgres, database: string): Promise<boolean> {
  const client = new pg.Client({
    host: postgres.host,
    port: postgres.port,
    user: postgres.user,
    password: postgres.password,
    database: 'postgres',
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Namespace and search attributes, through the frontend as an operator would.

async function withFrontend<T>(address: string, body: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: 5000 });
  try {
    return await body(connection);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

const ALREADY_EXISTS = 6;
const grpcCode = (error: unknown) => (error as { code?: number }).code;

async function registerNamespace(address: string, namespace: string, retentionDays: number) {
  await withFrontend(address, async (connection) => {
    await connection.workflowService
      .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(retentionDays * 86_400_000) })
      .catch((error) => {
        if (grpcCode(error) !== ALREADY_EXISTS) throw error;
      });
    // Every service refreshes its namespace cache every few seconds: wait until it is usable.
    await waitFor(
      async () => {
        await connection.workflowService.describeNamespace({ namespace });
        await connection.workflowService.countWorkflowExecutions({ namespace });
        return true;
      },
      { timeoutMs: READY_TIMEOUT_MS, intervalMs: 500, message: `namespace ${namespace} not usable after ${READY_TIMEOUT_MS / 1000} s` },
    );
  });
}

async function registerSearchAttributes(address: string, namespace: string) {
  await withFrontend(address, async (connection) => {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = allSearchAttributes.filter((key) => !customAttributes?.[key.name]);
    if (missing.length > 0) {
      await connection.operatorService
        .addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!])),
        })
        .catch((error) => {
          if (grpcCode(error) !== ALREADY_EXISTS) throw error;
        });
    }
    await waitFor(
      async () => {
        const listed = await connection.operatorService.listSearchAttributes({ namespace });
        return allSearchAttributes.every((key) => listed.customAttributes?.[key.name]);
      },
      { timeoutMs: 60_000, intervalMs: 500, message: `search attributes not registered on ${namespace} after 60 s` },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// One service process.

class ManagedService implements ClusterService {
  private child: ChildProcess | undefined;
  private exited: Promise<ExitInfo> | undefined;
  private logStream: WriteStream | undefined;
  private readonly output: OutputTail;

  constructor(
    readonly name: string,
    readonly role: ServiceRole,
    readonly ports: ServicePorts,
    private readonly binary: string,
    private readonly configFile: string,
    readonly logFile: string,
    private readonly options: Pick<TemporalClusterOptions, 'ownProcessGroup' | 'log'>,
  ) {
    this.output = new OutputTail(undefined, 30);
  }

  pid() {
    return this.running() ? this.child?.pid : undefined;
  }

  running() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running()) return;
    const started = Date.now();
    this.logStream = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(this.binary, ['--config-file', this.configFile, '--allow-no-auth', 'start', '--service', this.role], {
      detached: this.options.ownProcessGroup ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stream = this.logStream;
    const onData = (chunk: Buffer) => {
      stream.write(chunk);
      this.output.push(chunk);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    this.child = child;
    this.exited = exitPromise(child);
    void this.exited.then(() => stream.end());
    killedWithUs(child, this.exited);

    const giveUp = new AbortController();
    try {
      await Promise.race([
        waitFor(() => this.answers(), {
          timeoutMs: READY_TIMEOUT_MS,
          intervalMs: 250,
          message: `not listening on ${HOST}:${this.ports.grpc} after ${READY_TIMEOUT_MS / 1000} s`,
          signal: giveUp.signal,
        }),
        this.exited.then(({ code, signal }) => {
          throw new Error(`exited (${signal ?? `code ${code}`}) while starting`);
        }),
      ]);
    } catch (error) {
      giveUp.abort();
      await this.stop();
      throw new Error(
        `Temporal ${this.name} did not start: ${(error as Error).message}\n${errorLines(this.output.text())}\n(log: ${this.logFile})`,
      );
    }
    this.options.log?.(`temporal cluster: ${this.name} up in ${seconds(Date.now() - started)} (pid ${child.pid}, gRPC ${this.ports.grpc})`);
  }

  /** The frontend answers the API; the others only need to listen (they are reached through membership). */
  private async answers(): Promise<boolean> {
    if (this.role !== 'frontend') return canConnect(this.ports.grpc, HOST);
    const connection = await Connection.connect({ address: `${HOST}:${this.ports.grpc}`, connectTimeout: 1000 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    if (!this.child || !this.exited) return;
    await terminate(this.child, this.exited, STOP_GRACE_MS, 'SIGTERM');
  }

  async kill(): Promise<void> {
    if (!this.child || !this.exited) return;
    if (this.running()) this.child.kill('SIGKILL');
    await this.exited;
  }

  async logLines(pattern: RegExp, since = 0): Promise<string[]> {
    const text = await fs.readFile(this.logFile, 'utf8').catch(() => '');
    return text.split('\n').filter((line) => {
      if (!pattern.test(line)) return false;
      if (!since) return true;
      const ts = /"ts":"([^"]+)"/.exec(line)?.[1];
      return !ts || Date.parse(ts) >= since;
    });
  }
}

/**
 * Services still running when this process exits without stopping them (an uncaught error) are
 * killed with it; one `exit` listener for all of them (a cluster has many processes).
 */
const liveServices = new Set<ChildProcess>();
let exitHookInstalled = false;
function killedWithUs(child: ChildProcess, exited: Promise<ExitInfo>): void {
  if (!exitHookInstalled)
    process.on('exit', () => {
      for (const service of liveServices) service.kill('SIGKILL');
    });
  exitHookInstalled = true;
  liveServices.add(child);
  void exited.then(() => liveServices.delete(child));
}

/** The error lines of a JSON log tail (the last few), for a start failure. */
function errorLines(text: string): string {
  const lines = text.split('\n');
  const errors = lines.filter((line) => /"level":"(error|fatal|panic)"|panic:|Unable to/.test(line));
  // Messages only: the server's JSON lines carry long stack traces.
  const message = (line: string) =>
    (/"msg":"([^"]*)"(?:.*?"error":"((?:[^"\\]|\\.){0,400}))?/.exec(line)?.slice(1).filter(Boolean).join(': ') ?? line).slice(0, 500);
  return (errors.length ? errors : lines).slice(-4).map(message).join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// The whole thing on one machine: an embedded PostgreSQL holding Temporal's two databases (and
// the platform's, for the callers that want one), then the cluster on it.

export interface LocalTemporalCluster {
  cluster: TemporalCluster;
  address: string;
  namespace: string;
  /** `postgres://…/<database>` on the embedded PostgreSQL. */
  postgresUrl(database: string): string;
  postgresPid(): number | undefined;
  /** Stops PostgreSQL (fast shutdown); Temporal's services and the platform lose it meanwhile. */
  stopPostgres(): Promise<void>;
  /** Starts it again on the same data and port. */
  startPostgres(): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalTemporalClusterOptions extends Omit<TemporalClusterOptions, 'dir' | 'postgres'> {
  /** PostgreSQL's data goes to `<dir>/postgres`, the services' configs and logs to `<dir>/temporal`. */
  dir: string;
  /** false: `dir` is deleted by stop() (tests). */
  persistent: boolean;
  /** 0 / undefined = a free port. */
  postgresPort?: number;
  /** A database created with the platform's extensions, for callers that run the platform on the same PostgreSQL. */
  appDatabase?: string;
  /** PostgreSQL's own log lines. */
  postgresLog?: (line: string) => void;
}

export async function startLocalTemporalCluster(options: LocalTemporalClusterOptions): Promise<LocalTemporalCluster> {
  const dir = path.resolve(options.dir);
  const postgresPort = options.postgresPort || (await getFreePort());
  const startPg = () =>
    startEmbeddedPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: postgresPort,
      database: options.appDatabase ?? 'postgres',
      // Never deleted by its own stop(): the fault scenarios restart it on the same data.
      persistent: true,
      ...(options.ownProcessGroup ? { ownProcessGroup: true } : {}),
      ...(options.postgresLog ? { log: options.postgresLog } : {}),
    });
  let postgres = await startPg();
  let cluster: TemporalCluster | undefined;
  const removeIfThrowaway = async () => {
    if (!options.persistent) await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    if (await ensureConnectionCapacity(postgres.url)) {
      options.log?.('temporal cluster: raising PostgreSQL max_connections for the cluster (one restart)');
      await postgres.stop();
      postgres = await startPg();
    }
    const url = new URL(postgres.url);
    cluster = await startTemporalCluster({
      ...options,
      dir: path.join(dir, 'temporal'),
      postgres: {
        host: url.hostname,
        port: Number(url.port),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        persistenceDatabase: 'temporal',
        visibilityDatabase: 'temporal_visibility',
      },
    });
  } catch (error) {
    await postgres.stop().catch(() => undefined);
    await removeIfThrowaway();
    throw error;
  }
  const running = cluster;
  return {
    cluster: running,
    address: running.address,
    namespace: running.namespace,
    postgresUrl: (database) => Object.assign(new URL(postgres.url), { pathname: `/${database}` }).toString(),
    postgresPid: () => postgres.pid,
    stopPostgres: () => postgres.stop(),
    async startPostgres() {
      postgres = await startPg();
    },
    stop: once(async () => {
      await running.stop();
      await postgres.stop().catch(() => undefined);
      await removeIfThrowaway();
    }),
  };
}
