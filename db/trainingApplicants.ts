import type { DbOrTx } from './connection.js';

/**
 * Who may pre-register for a training (seed 004): an eCandidat account, or an ENT account (students
 * and staff; seed 004's users are employees who log in through the ENT).
 */
export interface Applicant {
  kind: 'candidate' | 'ent';
  id: string;
}

export interface ApplicantAccount {
  firstName: string;
  lastName: string;
  email: string | null;
  locale: 'fr' | 'en';
  /** ENT accounts: 'student' or 'staff'; eCandidat accounts: undefined. */
  profile?: 'student' | 'staff';
}

/** The person behind an applicant, read from their own table. */
export async function findApplicantAccount(db: DbOrTx, applicant: Applicant): Promise<ApplicantAccount | undefined> {
  if (applicant.kind === 'candidate')
    return db('candidate_accounts')
      .where({ id: applicant.id })
      .first('first_name as firstName', 'last_name as lastName', 'email', 'locale');
  return db('ent_accounts')
    .where({ id: applicant.id })
    .first('first_name as firstName', 'last_name as lastName', db.raw('email::text as email'), 'locale', 'profile');
}
