import type { DbOrTx } from '../../db/connection.js';

/**
 * The name of a person from their key (`staff:<id>`, `party:<id>`, `candidate:<id>`, `ent:<id>`,
 * `graduate:<id>`, `recruiter:<id>`, `system…`), read from PostgreSQL when something is shown to
 * people (a mail, the audit, a page). Workflows carry keys only (issue 13).
 */
export async function partyName(db: DbOrTx, key: string): Promise<string> {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon);
  const id = key.slice(colon + 1);
  const row = async (table: string, columns: string[]) =>
    (await db(table).where({ id }).first(columns)) as Record<string, string | null> | undefined;
  const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');
  switch (kind) {
    case 'system':
      return id === 'waitlist' ? 'Liste d’attente' : 'Échéance de la demande';
    case 'staff': {
      const staff = await row('staff_accounts', ['display_name']);
      return staff?.display_name ?? 'Personnel';
    }
    case 'party': {
      const party = await row('external_parties', ['email', 'display_name']);
      return party?.display_name ?? party?.email ?? key;
    }
    case 'email':
      return id;
    case 'candidate': {
      const c = await row('candidate_accounts', ['first_name', 'last_name']);
      return c ? joined(c.first_name, c.last_name) : 'Candidat';
    }
    case 'ent': {
      const e = await row('ent_accounts', ['first_name', 'last_name']);
      return e ? joined(e.first_name, e.last_name) : 'Utilisateur ENT';
    }
    case 'graduate': {
      const g = await row('graduate_accounts', ['first_names', 'last_name']);
      return g ? joined(g.first_names, g.last_name) : 'Diplômé(e)';
    }
    case 'recruiter': {
      const r = await row('recruiter_accounts', ['contact_first_name', 'contact_last_name']);
      return r ? joined(r.contact_first_name, r.contact_last_name) : 'Recruteur';
    }
    default:
      return key;
  }
}

/** The address of a person named by key, for the mails of a decision step. */
export async function partyEmail(db: DbOrTx, key: string): Promise<string | undefined> {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  const table = {
    staff: 'staff_accounts',
    party: 'external_parties',
    candidate: 'candidate_accounts',
    ent: 'ent_accounts',
    graduate: 'graduate_accounts',
    recruiter: 'recruiter_accounts',
  }[kind];
  if (kind === 'email') return id;
  if (!table) return undefined;
  const found = (await db(table).where({ id }).first(db.raw('email::text as email'))) as { email: string | null } | undefined;
  return found?.email ?? undefined;
}
