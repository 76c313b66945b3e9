import { createDb } from '../../../db/connection.js';
import { type ClusterStack, startClusterStack } from '../../../harness/clusterStack.js';
import { type LoadBalancer, startLoadBalancer } from '../../../harness/loadBalancer.js';
import { apiReplica, type PlatformEnv, platformEnv, stackClient, startApi, startWorker } from '../../../harness/platform.js';
import type { NodeChild } from '../../../harness/processes.js';
import { getFreePort } from '../../../infra/processControl.js';
import type { TemporalCluster } from '../../../infra/temporalCluster.js';
import type { FaultWorld } from '../../faults/support/faultRun.js';

export interface ClusterWorld extends FaultWorld {
  stack: ClusterStack;
  cluster: TemporalCluster;
  /** Two platform workers on the same task queue. */
  workers: NodeChild[];
  /** Two API replicas; `platform.baseUrl` is the load balancer in front of them. */
  apis: NodeChild[];
  balancer: LoadBalancer;
  killWorker(index: number): Promise<void>;
  startWorkerAt(index: number): Promise<void>;
  killApi(index: number): Promise<void>;
  startApiAt(index: number): Promise<void>;
}

const verbose = process.env.FAULTS_VERBOSE === '1';
const REPLICAS = 2;

export async function startClusterWorld(): Promise<ClusterWorld> {
  const started = Date.now();
  const stack = await startClusterStack({ name: 'approvals-cluster', log: (line) => console.log(line) });
  const ports = await Promise.all(Array.from({ length: REPLICAS }, () => getFreePort()));
  const balancer = await startLoadBalancer({ upstreams: ports.map((port) => `http://127.0.0.1:${port}`) });
  // Cheap hashing as in the other integration tests: this suite is about durability, not speed.
  const shared = await platformEnv(stack, {
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL: balancer.url,
    // Four processes share PostgreSQL with the five Temporal services.
    DATABASE_POOL_MAX: '8',
  });
  const replicas: PlatformEnv[] = await Promise.all(ports.map((port) => apiReplica(shared, port)));
  const platform: PlatformEnv = { ...shared, baseUrl: balancer.url };

  const errorLogs: string[] = [];
  const activityFailures: string[] = [];
  const collect = (line: string) => {
    if (verbose) console.log(line);
    if (/"level":(50|60)/.test(line)) errorLogs.push(line);
    if (line.startsWith('[worker') && /Activity failed/i.test(line)) activityFailures.push(line);
  };
  const named = (name: string) => (line: string) => collect(line.replace(/^\[(worker|api)\]/, `[${name}]`));
  const workers: NodeChild[] = [];
  const apis: NodeChild[] = [];
  const startWorkerAt = async (index: number) => {
    // Its own metrics port (WORKER_METRICS_ADDRESS): two workers on one machine would collide on one.
    const metrics = `127.0.0.1:${await getFreePort()}`;
    workers[index] = await startWorker(
      { ...platform, env: { ...platform.env, WORKER_METRICS_ADDRESS: metrics }, workerMetricsUrl: `http://${metrics}/metrics` },
      named(`worker-${index + 1}`),
    );
  };
  const startApiAt = async (index: number) => {
    apis[index] = await startApi(replicas[index]!, named(`api-${index + 1}`));
  };

  const world: ClusterWorld = {
    stack,
    cluster: stack.cluster,
    platform,
    workers,
    apis,
    balancer,
    get worker() {
      return workers[0]!;
    },
    get api() {
      return apis[0]!;
    },
    temporal: await stackClient(stack),
    db: createDb(stack.databaseUrl, 4),
    errorLogs,
    activityFailures,
    startWorker: () => startWorkerAt(0),
    startWorkerAt,
    startApiAt,
    async killWorker(index) {
      workers[index]?.kill('SIGKILL');
      await workers[index]?.exited;
    },
    async killApi(index) {
      apis[index]?.kill('SIGKILL');
      await apis[index]?.exited;
    },
    async stop() {
      await Promise.all([...apis, ...workers].map((child) => child?.stop(5_000)));
      await balancer.close();
      await world.temporal.connection.close().catch(() => undefined);
      await world.db.destroy().catch(() => undefined);
      await stack.stop();
    },
  };
  try {
    // One after the other: each worker bundles the workflow code, which takes both cores.
    for (let i = 0; i < REPLICAS; i++) await startWorkerAt(i);
    await Promise.all(Array.from({ length: REPLICAS }, (_, i) => startApiAt(i)));
  } catch (error) {
    await world.stop();
    throw error;
  }
  console.log(
    `cluster world ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stack.cluster.services.map((s) => `${s.name} (pid ${s.pid()})`).join(', ')}; ` +
      `workers pid ${workers.map((w) => w.pid).join(', ')}; APIs ${replicas.map((r) => r.baseUrl).join(', ')} behind ${balancer.url}`,
  );
  return world;
}
