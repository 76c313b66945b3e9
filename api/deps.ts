import type { Client } from '@temporalio/client';
import type { Db } from '../db/connection.js';
import type { Config } from '../lib/config.js';
import type { PasswordHasher } from '../lib/passwords.js';
import type { PhotoStore } from './monCompte/photoStore.js';

/** What every API use case may reach: the database, Temporal, configuration, password hashing. */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  config: Config;
  hasher: PasswordHasher;
  /** Where the student card keeps photos (api/monCompte/photoStore.ts); none until the card's storage is wired. */
  photoStore?: PhotoStore;
}
