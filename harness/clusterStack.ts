/**
 * The engines under the platform on a real Temporal cluster (infra/temporalCluster.ts) instead of
 * the dev server: one embedded PostgreSQL holding the platform's database and Temporal's two,
 * the cluster's services as separate processes, and the SMTP receiver, all under one temporary
 * directory. It is a `Stack` (harness/stack.ts), so what runs on the dev server runs on it too;
 * `cluster` gives each service (kill, stop, start) to the cluster fault scenarios.
 */
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../db/migrate.js';
import { type LocalTemporalCluster, startLocalTemporalCluster, type TemporalCluster } from '../infra/temporalCluster.js';
import { startInbox } from './inbox.js';
import type { Stack } from './stack.js';

export interface ClusterStack extends Stack {
  cluster: TemporalCluster;
  local: LocalTemporalCluster;
}

const DATABASE = 'approvals';

export async function startClusterStack(options: { name: string; log?: (line: string) => void }): Promise<ClusterStack> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), `${options.name}-`));
  const [clusterStart, inboxStart] = await Promise.allSettled([
    startLocalTemporalCluster({ dir, persistent: false, appDatabase: DATABASE, ...(options.log ? { log: options.log } : {}) }),
    startInbox(),
  ]);
  const local = clusterStart.status === 'fulfilled' ? clusterStart.value : undefined;
  const inbox = inboxStart.status === 'fulfilled' ? inboxStart.value : undefined;
  try {
    if (!local || !inbox) throw clusterStart.status === 'rejected' ? clusterStart.reason : (inboxStart as PromiseRejectedResult).reason;
    await migrateToLatest(local.postgresUrl(DATABASE));
  } catch (error) {
    await inbox?.close().catch(() => undefined);
    await local?.stop().catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  const running = local;
  const { cluster } = running;
  return {
    dir,
    databaseUrl: running.postgresUrl(DATABASE),
    temporalAddress: running.address,
    namespace: running.namespace,
    inbox,
    temporalSettings: {
      embedded: false,
      cluster: `Temporal server (built from its Go module) on PostgreSQL, ${cluster.historyShards} history shards`,
      services: cluster.services.map((s) => `${s.name} (gRPC ${s.ports.grpc})`).join(', '),
      namespace: running.namespace,
    },
    cluster,
    local: running,
    postgresPid: () => running.postgresPid(),
    temporalPid: () => cluster.service('frontend').pid(),
    stopPostgres: () => running.stopPostgres(),
    startPostgres: () => running.startPostgres(),
    async stopTemporal() {
      for (const service of cluster.services) await service.stop();
    },
    async startTemporal() {
      await Promise.all(cluster.services.map((service) => service.start()));
    },
    async stop() {
      await inbox.close().catch(() => undefined);
      await running.stop().catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
