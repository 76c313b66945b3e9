import type { Lang } from '../lib/i18n/index.js';
import type { DbOrTx } from './connection.js';
import type { PrincipalKind } from './sessions.js';

/** What the pages show of whoever is logged in (the header's name) and the language stored with them. */
export interface PrincipalSummary {
  name: string;
  locale: Lang;
}

const sources: Record<PrincipalKind, { table: string; name: string }> = {
  candidate: { table: 'candidate_accounts', name: `first_name || ' ' || last_name` },
  graduate: { table: 'graduate_accounts', name: `first_names || ' ' || last_name` },
  recruiter: { table: 'recruiter_accounts', name: `contact_first_name || ' ' || contact_last_name` },
  student: { table: 'ent_accounts', name: `first_name || ' ' || last_name` },
  staff_ent: { table: 'ent_accounts', name: `first_name || ' ' || last_name` },
  staff: { table: 'staff_accounts', name: 'display_name' },
};

export async function findPrincipalSummary(db: DbOrTx, kind: PrincipalKind, id: string): Promise<PrincipalSummary | undefined> {
  const source = sources[kind];
  return db(source.table)
    .select(db.raw(`${source.name} AS name`), 'locale')
    .where({ id })
    .first();
}

/** The language chosen on the pages, kept for the mails of this account. */
export async function setPrincipalLocale(db: DbOrTx, kind: PrincipalKind, id: string, locale: Lang): Promise<void> {
  await db(sources[kind].table).where({ id }).update({ locale });
}
