import type { DbOrTx } from './connection.js';

export type CandidateStatus = 'pending_validation' | 'active' | 'email_change_pending';

export interface CandidateAccount {
  id: string;
  file_number: string;
  last_name: string;
  first_name: string;
  email: string;
  pending_email: string | null;
  password_hash: string;
  status: CandidateStatus;
  locale: 'fr' | 'en';
  created_at: Date;
  validated_at: Date | null;
}

const table = 'candidate_accounts';

/** Inserts a pending account; returns undefined when the address already has an account. */
export async function insertPendingCandidate(
  db: DbOrTx,
  fields: { lastName: string; firstName: string; email: string; passwordHash: string; locale: 'fr' | 'en' },
): Promise<CandidateAccount | undefined> {
  const rows = await db(table)
    .insert({
      file_number: db.raw(`'EC' || lpad(nextval('candidate_file_number_seq')::text, 7, '0')`),
      last_name: fields.lastName,
      first_name: fields.firstName,
      email: fields.email,
      password_hash: fields.passwordHash,
      locale: fields.locale,
      status: 'pending_validation',
    })
    .onConflict('email')
    .ignore()
    .returning('*');
  return rows[0];
}

export async function findCandidateById(db: DbOrTx, id: string): Promise<CandidateAccount | undefined> {
  return db(table).where({ id }).first();
}

export async function findCandidateByEmail(db: DbOrTx, email: string): Promise<CandidateAccount | undefined> {
  return db(table).where({ email }).first();
}

/** Login accepts the numéro de dossier or the e-mail address. */
export async function findCandidateByLogin(db: DbOrTx, login: string): Promise<CandidateAccount | undefined> {
  const byFileNumber = /^EC\d{7}$/i.test(login);
  return byFileNumber ? db(table).where({ file_number: login.toUpperCase() }).first() : db(table).where({ email: login }).first();
}

export async function activateCandidate(db: DbOrTx, id: string): Promise<CandidateAccount | undefined> {
  const rows = await db(table)
    .where({ id, status: 'pending_validation' })
    .update({ status: 'active', validated_at: db.fn.now(), updated_at: db.fn.now() })
    .returning('*');
  return rows[0];
}

/** Only an account still waiting for validation is purged: a validated one is never lost. */
export async function deleteUnvalidatedCandidate(db: DbOrTx, id: string): Promise<boolean> {
  return (await db(table).where({ id, status: 'pending_validation' }).delete()) > 0;
}

export async function setCandidatePassword(db: DbOrTx, id: string, passwordHash: string): Promise<void> {
  await db(table).where({ id }).update({ password_hash: passwordHash, updated_at: db.fn.now() });
}

export async function beginEmailChange(db: DbOrTx, id: string, newEmail: string): Promise<boolean> {
  const updated = await db(table)
    .where({ id, status: 'active' })
    .update({ pending_email: newEmail, status: 'email_change_pending', updated_at: db.fn.now() });
  return updated > 0;
}

/**
 * Swaps in the validated address; 'taken' when another account got it meanwhile. The update runs in
 * a savepoint: a unique violation aborts it alone, so the caller's transaction can go on (and keep
 * the old address).
 */
export async function applyEmailChange(db: DbOrTx, id: string): Promise<'applied' | 'taken' | 'not_pending'> {
  try {
    const updated = await db.transaction((savepoint) =>
      savepoint(table)
        .where({ id, status: 'email_change_pending' })
        .whereNotNull('pending_email')
        .update({ email: savepoint.ref('pending_email'), pending_email: null, status: 'active', updated_at: savepoint.fn.now() }),
    );
    return updated > 0 ? 'applied' : 'not_pending';
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return 'taken';
    throw error;
  }
}

export async function abandonEmailChange(db: DbOrTx, id: string): Promise<void> {
  await db(table).where({ id, status: 'email_change_pending' }).update({ pending_email: null, status: 'active', updated_at: db.fn.now() });
}
