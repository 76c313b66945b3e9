import { pathToFileURL } from 'node:url';
import { buildApp } from './api/app.js';
import { createDb } from './db/connection.js';
import { loadConfig } from './lib/config.js';
import { createPasswordHasher } from './lib/passwords.js';
import { clientTracingInterceptors } from './lib/telemetry/temporal.js';
import { startTracing } from './lib/telemetry/tracing.js';
import { lazyClient, waitUntilTemporalAnswers } from './lib/temporalConnection.js';
import { ensureHousekeepingSchedule } from './workflows/housekeeping/schedule.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const tracing = startTracing({
    serviceName: config.telemetry.serviceName ?? 'university-approvals-api',
    otlpEndpoint: config.telemetry.otlpEndpoint,
  });
  const db = createDb(config.database.url, config.database.poolMax);
  // Lazy: the API starts and answers 503 (GET /health/ready says why) while Temporal is down.
  const temporal = lazyClient(config.temporal, clientTracingInterceptors());
  const app = await buildApp({ db, temporal, config, hasher: createPasswordHasher(config.argon2) });
  const stopWaiting = new AbortController();
  void waitUntilTemporalAnswers(temporal, {
    signal: stopWaiting.signal,
    onWaiting: (error) =>
      app.log.warn({ err: error }, `Temporal (${config.temporal.address}) does not answer yet: answering 503 until it does`),
  }).then(async (answered) => {
    if (!answered) return;
    app.log.info(`Temporal (${config.temporal.address}) answers`);
    // Housekeeping runs on a Temporal Schedule, created by the first API replica to reach Temporal (idempotent).
    await ensureHousekeepingSchedule(temporal, { taskQueue: config.temporal.taskQueue, ...config.security.housekeeping }).catch((error) =>
      app.log.warn({ err: error }, 'the housekeeping Schedule could not be created; the next start will try again'),
    );
  });

  const close = async () => {
    stopWaiting.abort();
    await app.close();
    await temporal.connection.close();
    await db.destroy();
    await tracing.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);

  await app.listen({ host: config.http.host, port: config.http.port });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
