import type { Client } from '@temporalio/client';
import type { Db } from '../db/connection.js';
import type { Config } from '../lib/config.js';
import type { PasswordHasher } from '../lib/passwords.js';

/** What every API use case may reach: the database, Temporal, configuration, password hashing. */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  config: Config;
  hasher: PasswordHasher;
}
