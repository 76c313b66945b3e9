import type { DbOrTx } from './connection.js';

/** Recruiter accounts (ENTREPRISES / PARTENAIRES): one row per registration attempt (migration 005). */

export type RecruiterStatus = 'pending_email' | 'pending_approval' | 'active' | 'refused' | 'expired';

export interface RecruiterAccount {
  id: string;
  company_name: string;
  siret: string | null;
  company_address: string;
  company_website: string | null;
  contact_last_name: string;
  contact_first_name: string;
  contact_job_title: string | null;
  contact_phone: string | null;
  email: string;
  password_hash: string;
  status: RecruiterStatus;
  terms_version: string;
  terms_accepted_at: Date;
  can_post_offers: boolean;
  offers_right_changed_by: string | null;
  offers_right_changed_at: Date | null;
  refusal_reason: string | null;
  validated_at: Date | null;
  locale: 'fr' | 'en';
  created_at: Date;
}

const table = 'recruiter_accounts';

export async function insertPendingRecruiter(
  db: DbOrTx,
  r: Pick<
    RecruiterAccount,
    | 'company_name'
    | 'siret'
    | 'company_address'
    | 'company_website'
    | 'contact_last_name'
    | 'contact_first_name'
    | 'contact_job_title'
    | 'contact_phone'
    | 'email'
    | 'password_hash'
    | 'terms_version'
    | 'locale'
  >,
): Promise<RecruiterAccount | undefined> {
  const rows = await db(table)
    .insert({ ...r, terms_accepted_at: db.fn.now() })
    .onConflict(db.raw(`(email) WHERE status NOT IN ('refused', 'expired')`))
    .ignore()
    .returning('*');
  return rows[0];
}

export async function findRecruiterById(db: DbOrTx, id: string): Promise<RecruiterAccount | undefined> {
  return db(table).where({ id }).first();
}

/** The live (pending or active) registration of an address, else its most recent one. */
export async function findRecruiterByEmail(db: DbOrTx, email: string): Promise<RecruiterAccount | undefined> {
  return db(table).where({ email }).orderByRaw(`status IN ('refused', 'expired'), created_at DESC`).first();
}

export async function updateRecruiter(db: DbOrTx, id: string, fields: Record<string, unknown>): Promise<number> {
  return db(table)
    .where({ id })
    .update({ ...fields, updated_at: db.fn.now() });
}

/** The administrateur's decision (or its expiry) on the account; `at` is the lifecycle's clock. */
export async function settleRecruiterAccount(
  db: DbOrTx,
  id: string,
  s: { status: 'active' | 'refused' | 'expired'; decidedBy?: string; reason?: string; at: Date },
): Promise<void> {
  await updateRecruiter(db, id, {
    status: s.status,
    ...(s.decidedBy ? { decided_by: s.decidedBy, decided_at: s.at } : {}),
    ...(s.status === 'active' ? { validated_at: s.at } : {}),
    ...(s.reason ? { refusal_reason: s.reason } : {}),
  });
}
