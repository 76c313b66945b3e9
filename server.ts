import { pathToFileURL } from 'node:url';
import { buildApp } from './api/app.js';
import { createDb } from './db/connection.js';
import { loadConfig } from './lib/config.js';
import { createPasswordHasher } from './lib/passwords.js';
import { connectClient } from './lib/temporalConnection.js';
import { ensureHousekeepingSchedule } from './workflows/housekeeping/schedule.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.database.url, config.database.poolMax);
  const temporal = await connectClient(config.temporal);
  const app = await buildApp({ db, temporal, config, hasher: createPasswordHasher(config.argon2) });

  const close = async () => {
    await app.close();
    await temporal.connection.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);

  await app.listen({ host: config.http.host, port: config.http.port });
  // Housekeeping runs on a Temporal Schedule, created by the first API replica to start (idempotent).
  await ensureHousekeepingSchedule(temporal, { taskQueue: config.temporal.taskQueue, ...config.security.housekeeping }).catch((error) =>
    app.log.warn({ err: error }, 'the housekeeping Schedule could not be created; the next start will try again'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
