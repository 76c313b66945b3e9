import type { DbOrTx } from './connection.js';

export type EntProfile = 'student' | 'staff';

export interface EntAccount {
  id: string;
  provider: string;
  subject: string;
  profile: EntProfile;
  first_name: string;
  last_name: string;
  email: string | null;
  student_number: string | null;
  affiliations: string[];
  created_at: Date;
  last_login_at: Date;
}

export interface EntIdentity {
  provider: string;
  subject: string;
  profile: EntProfile;
  firstName: string;
  lastName: string;
  email: string | null;
  studentNumber: string | null;
  affiliations: string[];
}

const table = 'ent_accounts';

/**
 * Every login refreshes the account from the ENT, which stays the source of truth for names,
 * mail and profile (a student hired as staff changes profile at the next login).
 */
export async function upsertEntAccount(db: DbOrTx, identity: EntIdentity): Promise<EntAccount> {
  const values = {
    provider: identity.provider,
    subject: identity.subject,
    profile: identity.profile,
    first_name: identity.firstName,
    last_name: identity.lastName,
    email: identity.email,
    student_number: identity.studentNumber,
    affiliations: identity.affiliations,
    last_login_at: db.fn.now(),
  };
  const [row] = await db(table).insert(values).onConflict(['provider', 'subject']).merge().returning('*');
  return row;
}

export async function findEntAccountById(db: DbOrTx, id: string): Promise<EntAccount | undefined> {
  return db(table).where({ id }).first();
}
