import { pathToFileURL } from 'node:url';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type ActivityDeps, createAllActivities } from './activities/index.js';
import { createDb } from './db/connection.js';
import { workerDataConverter } from './lib/codec/dataConverter.js';
import { type Config, loadConfig } from './lib/config.js';
import { workflowEntryPath } from './lib/lifecycleModules.js';
import { createLogger } from './lib/telemetry/logger.js';
import { activityTracingInterceptors, workflowInterceptorModule, workflowSpanSinks } from './lib/telemetry/temporal.js';
import { startTracing } from './lib/telemetry/tracing.js';
import { installWorkerRuntime } from './lib/telemetry/workerRuntime.js';
import { connectWorkerConnection } from './lib/temporalConnection.js';
import { createSmtpMailer } from './mail/mailer.js';

/** The bundler's entry: every `workflows/<lifecycle>/index`, found on disk (lib/lifecycleModules.ts). */
export const workflowsPath = workflowEntryPath();

/**
 * Builds the worker that runs every lifecycle. Tests pass a prebuilt bundle (`workflowBundle`)
 * so the workflow code is bundled once per run instead of once per test file.
 */
export async function createPlatformWorker(options: {
  config: Config;
  connection: NativeConnection;
  deps: ActivityDeps;
  workflowBundle?: WorkerOptions['workflowBundle'];
}): Promise<Worker> {
  const { config, connection, deps } = options;
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
    activities: await createAllActivities(deps),
    // Every payload and failure sealed with the payload keys (lib/codec/): no clear text in histories.
    dataConverter: workerDataConverter(config.temporal.payloadKeys),
    // Traces (lib/telemetry): the workflow interceptor module is bundled whether tracing is on or
    // not (a prebuilt bundle has it already: tests/support/globalSetup.ts), its spans leave through
    // the sink, and each activity's span is the parent of its queries and SMTP sends.
    interceptors: {
      activity: activityTracingInterceptors,
      ...(options.workflowBundle ? {} : { workflowModules: [workflowInterceptorModule] }),
    },
    sinks: workflowSpanSinks(),
    // Lifecycles mostly wait on people for days: a cached one holds ~0.4 MB of worker memory
    // (measured: 10,000 waiting with 2,000 cached = 1.1 GB RSS) and is rarely woken, while an
    // evicted one costs a replay of a short history when its decision comes.
    maxCachedWorkflows: config.temporal.maxCachedWorkflows,
    shutdownGraceTime: '10 seconds',
    ...versioningOptions(config),
  });
}

/**
 * Worker Versioning, when WORKER_DEPLOYMENT_NAME and WORKER_BUILD_ID are set: this worker serves
 * one version of a worker deployment, and its workflows are PINNED to it (or AUTO_UPGRADE) unless
 * a workflow says otherwise. Unset, the worker is unversioned, as before.
 */
function versioningOptions(config: Config): Pick<WorkerOptions, 'workerDeploymentOptions'> {
  const deployment = config.temporal.deployment;
  if (!deployment) return {};
  return {
    workerDeploymentOptions: {
      useWorkerVersioning: true,
      version: { deploymentName: deployment.deploymentName, buildId: deployment.buildId },
      defaultVersioningBehavior: deployment.defaultVersioningBehavior,
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Logs, metrics and traces first: the runtime must be installed before the first connection.
  const logger = createLogger({ level: config.logLevel, service: 'worker' });
  installWorkerRuntime(config, logger);
  const tracing = startTracing({
    serviceName: config.telemetry.serviceName ?? 'university-approvals-worker',
    otlpEndpoint: config.telemetry.otlpEndpoint,
  });
  const db = createDb(config.database.url, config.database.poolMax);
  const mailer = createSmtpMailer(config.mail);
  const connection = await connectWorkerConnection(config.temporal);
  const worker = await createPlatformWorker({ config, connection, deps: { db, mailer, config } });
  const version = config.temporal.deployment;
  console.log(
    `worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address} (${config.temporal.namespace})` +
      (version ? `, deployment ${version.deploymentName} build ${version.buildId} (${version.defaultVersioningBehavior})` : ''),
  );
  // Worker.run() installs SIGINT/SIGTERM handlers that drain in-flight tasks before returning.
  await worker.run();
  await connection.close();
  mailer.close();
  await db.destroy();
  await tracing.shutdown();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
