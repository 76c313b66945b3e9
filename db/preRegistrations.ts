import type { DbOrTx } from './connection.js';
import type { Applicant } from './trainingApplicants.js';

export type PreRegistrationStatus =
  | 'draft'
  | 'awaiting_supervisor'
  | 'awaiting_project_manager'
  | 'waitlisted'
  | 'seat_offered'
  | 'accepted'
  | 'refused'
  | 'withdrawn'
  | 'cancelled'
  | 'completed';

/** The four steps that hold data; step 5 (« récapitulatif avant envoi ») shows them. */
export const stepColumns = { 1: 'identity', 2: 'professional', 3: 'context', 4: 'supervisor' } as const;
export type StepNumber = keyof typeof stepColumns;

export interface PreRegistration {
  id: string;
  session_id: string;
  applicant_kind: Applicant['kind'];
  applicant_id: string;
  status: PreRegistrationStatus;
  identity: Record<string, unknown> | null;
  professional: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  supervisor: Record<string, unknown> | null;
  submitted_at: Date | null;
  waitlisted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const table = 'pre_registrations';

/** A new draft, or undefined when the person already has an active one for this session. */
export async function insertDraft(db: DbOrTx, sessionId: string, applicant: Applicant): Promise<PreRegistration | undefined> {
  const rows = await db(table)
    .insert({ session_id: sessionId, applicant_kind: applicant.kind, applicant_id: applicant.id })
    .onConflict(db.raw(`(session_id, applicant_kind, applicant_id) WHERE status NOT IN ('withdrawn', 'refused', 'cancelled')`))
    .ignore()
    .returning('*');
  return rows[0];
}

export async function findPreRegistration(db: DbOrTx, id: string): Promise<PreRegistration | undefined> {
  return db(table).where({ id }).first();
}

export async function findActivePreRegistration(db: DbOrTx, sessionId: string, applicant: Applicant): Promise<PreRegistration | undefined> {
  return db(table)
    .where({ session_id: sessionId, applicant_kind: applicant.kind, applicant_id: applicant.id })
    .whereNotIn('status', ['withdrawn', 'refused', 'cancelled'])
    .first();
}

/** Saves one step of a draft; only drafts are editable (a sent request is the workflow's). */
export async function saveStep(db: DbOrTx, id: string, step: StepNumber, data: Record<string, unknown>): Promise<boolean> {
  const updated = await db(table)
    .where({ id, status: 'draft' })
    .update({ [stepColumns[step]]: JSON.stringify(data), updated_at: db.fn.now() });
  return updated > 0;
}

/** Draft → sent, once: returns false when it was not a draft (a second « Envoyer »). */
export async function markSubmitted(db: DbOrTx, id: string): Promise<boolean> {
  const updated = await db(table)
    .where({ id, status: 'draft' })
    .update({ status: 'awaiting_supervisor', submitted_at: db.fn.now(), updated_at: db.fn.now() });
  return updated > 0;
}

export async function setStatus(
  db: DbOrTx,
  id: string,
  status: PreRegistrationStatus,
  extra: Partial<Pick<PreRegistration, 'waitlisted_at'>> = {},
): Promise<void> {
  await db(table)
    .where({ id })
    .update({ status, ...extra, updated_at: db.fn.now() });
}

/** « mes candidatures »: the person's requests, newest first. */
export async function listForApplicant(db: DbOrTx, applicant: Applicant) {
  return db(`${table} as p`)
    .join('training_sessions as s', 's.id', 'p.session_id')
    .join('training_actions as a', 'a.id', 's.action_id')
    .select(
      'p.id',
      'p.status',
      'p.submitted_at as submittedAt',
      'p.updated_at as updatedAt',
      's.id as sessionId',
      db.raw(`to_char(s.starts_on, 'YYYY-MM-DD') as "startsOn"`),
      's.place',
      'a.id as actionId',
      'a.title as actionTitle',
    )
    .where({ 'p.applicant_kind': applicant.kind, 'p.applicant_id': applicant.id })
    .orderBy('p.created_at', 'desc');
}

export async function listForSession(db: DbOrTx, sessionId: string, status?: PreRegistrationStatus) {
  return db(`${table} as p`)
    .leftJoin('candidate_accounts as c', 'c.id', 'p.candidate_id')
    .leftJoin('ent_accounts as e', 'e.id', 'p.ent_account_id')
    .select(
      'p.id',
      'p.status',
      'p.submitted_at as submittedAt',
      'p.waitlisted_at as waitlistedAt',
      db.raw('coalesce(c.last_name, e.last_name) as "lastName"'),
      db.raw('coalesce(c.first_name, e.first_name) as "firstName"'),
      db.raw(`coalesce(c.email::text, e.email::text, '') as "email"`),
    )
    .where('p.session_id', sessionId)
    .modify((q) => {
      if (status) q.where('p.status', status);
    })
    .orderByRaw('p.waitlisted_at NULLS LAST, p.submitted_at');
}

export interface ApplicantNoticeContext {
  email: string | null;
  firstName: string;
  locale: 'fr' | 'en';
  actionTitle: string;
  /** DD/MM/YYYY, as the mails say it. */
  startsOn: string;
  endsOn: string;
  place: string;
  /** The practical details of an accepted request's mail and its calendar file. */
  sessionId: string;
  firstDay: string;
  lastDay: string;
  dayStartsAt: string;
  dayEndsAt: string;
  practicalInfo: string;
}

/** What a mail to the applicant says: their address and language (either kind of account), the action and its session. */
export async function applicantNoticeContext(db: DbOrTx, id: string): Promise<ApplicantNoticeContext | undefined> {
  return db(`${table} as p`)
    .leftJoin('candidate_accounts as c', 'c.id', 'p.candidate_id')
    .leftJoin('ent_accounts as e', 'e.id', 'p.ent_account_id')
    .join('training_sessions as s', 's.id', 'p.session_id')
    .join('training_actions as a', 'a.id', 's.action_id')
    .where('p.id', id)
    .first(
      db.raw('coalesce(c.email::text, e.email::text) as email'),
      db.raw('coalesce(c.first_name, e.first_name) as "firstName"'),
      db.raw(`coalesce(c.locale, e.locale, 'fr') as locale`),
      'a.title as actionTitle',
      db.raw(`to_char(s.starts_on, 'DD/MM/YYYY') as "startsOn"`),
      db.raw(`to_char(s.ends_on, 'DD/MM/YYYY') as "endsOn"`),
      's.place',
      's.id as sessionId',
      db.raw(`to_char(s.starts_on, 'YYYY-MM-DD') as "firstDay"`),
      db.raw(`to_char(s.ends_on, 'YYYY-MM-DD') as "lastDay"`),
      db.raw(`to_char(s.day_starts_at, 'HH24:MI') as "dayStartsAt"`),
      db.raw(`to_char(s.day_ends_at, 'HH24:MI') as "dayEndsAt"`),
      's.practical_info as practicalInfo',
    );
}
