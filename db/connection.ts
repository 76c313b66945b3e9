import knex, { type Knex } from 'knex';
import pg from 'pg';
import { traceQueries } from '../lib/telemetry/spans.js';

// Return timestamps as JS Dates and bigint counts as numbers: counts here never exceed 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Knex;

export function createDb(url: string, poolMax = 10): Db {
  const db = knex({
    client: 'pg',
    connection: { connectionString: url, application_name: 'university-approvals' },
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 10_000 },
    // Fail fast when PostgreSQL is down, so the activity fails and Temporal retries it,
    // instead of the call hanging on the pool until the activity times out.
    acquireConnectionTimeout: 5_000,
  });
  // A span per statement when a trace is active (lib/telemetry/spans.ts); nothing otherwise.
  traceQueries(db, new URL(url).pathname.slice(1));
  return db;
}

/** Runs `work` in a transaction when given one, else on the pool: repositories accept both. */
export type DbOrTx = Knex | Knex.Transaction;
