/**
 * The configuration files of a Temporal cluster whose services run as separate processes on one
 * machine (config/development-postgres12.yaml of the server, split per process): every process
 * shares the persistence (PostgreSQL, `postgres12` plugin: the default store and SQL visibility in
 * separate databases), the number of history shards and the dynamic configuration; each has its
 * own gRPC and membership (ringpop) ports on loopback, so that two history processes can share
 * the shards. Processes find each other through the `cluster_membership` table.
 */

export type ServiceRole = 'frontend' | 'history' | 'matching' | 'worker';

export interface ClusterPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The default store (executions, shards, task queues…). */
  persistenceDatabase: string;
  /** SQL visibility (the list and search of workflows). */
  visibilityDatabase: string;
}

export interface ServicePorts {
  grpc: number;
  membership: number;
  /** The frontend's HTTP API (the UI server does not need it; handy for curl). */
  http?: number;
  /** Prometheus scrape endpoint of the process. */
  metrics: number;
}

export interface ProcessConfigInput {
  role: ServiceRole;
  ports: ServicePorts;
  /**
   * Ports of one process of every role: each process must know every service (its membership
   * monitor tracks those listed), though it finds the live ones through membership.
   */
  otherServices: Record<ServiceRole, ServicePorts>;
  postgres: ClusterPostgres;
  historyShards: number;
  dynamicConfigFile: string;
  /** The frontend's gRPC address (cluster metadata). */
  frontendAddress: string;
}

const HOST = '127.0.0.1';

/**
 * Connections per process: the frontend, matching and worker services need a few, the history
 * processes most (they own the shards). PostgreSQL is configured with room for all of them plus
 * the platform's pools (see temporalCluster.ts).
 */
const connections: Record<ServiceRole, { persistence: number; visibility: number }> = {
  frontend: { persistence: 8, visibility: 4 },
  history: { persistence: 16, visibility: 4 },
  matching: { persistence: 8, visibility: 2 },
  worker: { persistence: 4, visibility: 4 },
};

export function processConfig(input: ProcessConfigInput): Record<string, unknown> {
  const { postgres, role, ports } = input;
  const store = (database: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: `${postgres.host}:${postgres.port}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  return {
    log: { stdout: true, level: 'info', format: 'json' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: input.historyShards,
      datastores: {
        'postgres-default': store(postgres.persistenceDatabase, connections[role].persistence),
        'postgres-visibility': store(postgres.visibilityDatabase, connections[role].visibility),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: HOST },
      metrics: { prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `${HOST}:${ports.metrics}` } },
    },
    services: Object.fromEntries(
      (Object.keys(input.otherServices) as ServiceRole[]).map((name) => {
        const own = name === role ? ports : input.otherServices[name];
        return [
          name,
          { rpc: { grpcPort: own.grpc, membershipPort: own.membership, bindOnIP: HOST, ...(own.http ? { httpPort: own.http } : {}) } },
        ];
      }),
    ),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: input.frontendAddress } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: input.dynamicConfigFile, pollInterval: '10s' },
  };
}

/**
 * Dynamic configuration of the local cluster. Defaults are the server's, except:
 * - search attributes registered through the frontend are seen at once by every process;
 * - Worker Versioning's bookkeeping runs in seconds instead of minutes (poller history, drainage
 *   refresh), so that retiring a version can be shown and tested without waiting 5 minutes.
 *   Production keeps the defaults (README, « Deploying new workflow code »).
 */
export const clusterDynamicConfig: Record<string, unknown> = {
  'system.forceSearchAttributesCacheRefreshOnRead': true,
  'matching.PollerHistoryTTL': '15s',
  'matching.wv.VersionDrainageStatusVisibilityGracePeriod': '10s',
  'matching.wv.VersionDrainageStatusRefreshInterval': '5s',
};

/** The dynamic config file format: each key holds a list of { value, constraints }. */
export function dynamicConfigFile(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, [{ value, constraints: {} }]]));
}

/** A small YAML writer for these plain objects (strings, numbers, booleans, objects, arrays). */
export function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        const body = toYaml(item, `${indent}  `);
        return isBlock(item) ? `${indent}- ${body.trimStart()}` : `${indent}- ${body}\n`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, item]) => (isBlock(item) ? `${indent}${key}:\n${toYaml(item, `${indent}  `)}` : `${indent}${key}: ${toYaml(item)}\n`))
      .join('');
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isBlock(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.keys(value as object).length > 0;
}
