import type { DbOrTx } from './connection.js';

/** The lifecycles run against the institution's directory (workflows/directoryAccount/). */
export type DirectoryRequestKind = 'accountActivation' | 'passwordRecovery' | 'personalEmailChange' | 'passwordChangeConfirmation';

export interface DirectoryRequest {
  id: string;
  kind: DirectoryRequestKind;
  login: string;
  account_id: string | null;
  mail_to: string;
  first_name: string;
  secret_hash: Buffer | null;
  status: string;
  expires_at: Date;
  used_at: Date | null;
  ended_at: Date | null;
  created_at: Date;
}

const table = 'directory_requests';

export async function insertDirectoryRequest(
  db: DbOrTx,
  row: Pick<DirectoryRequest, 'id' | 'kind' | 'login' | 'mail_to' | 'first_name' | 'expires_at'> & {
    account_id?: string | null;
    used_at?: Date;
  },
): Promise<void> {
  await db(table).insert(row);
}

export async function findDirectoryRequest(db: DbOrTx, id: string): Promise<DirectoryRequest | undefined> {
  return db(table).where({ id }).first();
}

/** The secret's hash, written once (a retried mailing keeps the first, which it re-derives identically). */
export async function storeSecretHash(db: DbOrTx, id: string, secretHash: Buffer): Promise<void> {
  await db(table).where({ id }).whereNull('secret_hash').update({ secret_hash: secretHash });
}

/**
 * Uses the request's secret once, under the row's lock: answers the row when it is of `kind`, not
 * used, not ended, not expired and the hash matches. Run inside the transaction that also changes
 * the directory, so a directory failure rolls the use back (the secret still works).
 */
export async function useDirectoryRequest(
  tx: DbOrTx,
  input: { id: string; kind: DirectoryRequestKind; secretHash: Buffer },
): Promise<DirectoryRequest | undefined> {
  const row: DirectoryRequest | undefined = await tx(table)
    .where({ id: input.id, kind: input.kind })
    .whereNull('used_at')
    .whereNull('ended_at')
    .where('expires_at', '>', tx.fn.now())
    .forUpdate()
    .first();
  if (!row?.secret_hash?.equals(input.secretHash)) return undefined;
  await tx(table).where({ id: row.id }).update({ used_at: tx.fn.now() });
  return row;
}

/** The lifecycle's deadline passed: the secret stops working. Answers whether it had been used meanwhile. */
export async function endDirectoryRequest(db: DbOrTx, id: string): Promise<{ used: boolean }> {
  await db(table).where({ id }).whereNull('ended_at').update({ ended_at: db.fn.now() });
  const row = await findDirectoryRequest(db, id);
  return { used: !!row?.used_at };
}

export async function setDirectoryRequestStatus(db: DbOrTx, id: string, status: string): Promise<void> {
  await db(table).where({ id }).update({ status });
}

/** Requests of this kind for this login still open (to show « en attente de validation »). */
export async function openRequestsOf(db: DbOrTx, accountId: string, kind: DirectoryRequestKind): Promise<DirectoryRequest[]> {
  return db(table)
    .where({ account_id: accountId, kind })
    .whereNull('used_at')
    .whereNull('ended_at')
    .where('expires_at', '>', db.fn.now())
    .orderBy('created_at', 'desc');
}
