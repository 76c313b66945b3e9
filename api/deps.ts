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
  /** Where image rights read photos from (api/monCompte/photoStore.ts); the card's storage when absent. */
  photoStore?: PhotoStore;
}
