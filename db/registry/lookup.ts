import type { DbOrTx } from '../connection.js';
import { type IdentityMatch, matchIdentity, type TypedIdentity } from './matching.js';
import { surnameLookupKeys } from './searchKeys.js';

/** Reading the graduate registry: who may the person registering be, and which diplomas do they have. */

export interface GraduateCandidate {
  id: string;
  lastName: string;
  birthName: string | null;
  firstNames: string;
  birthDate: string;
  match: IdentityMatch;
}

/**
 * Every graduate matching what a person typed (rules in db/registry/matching.ts), most exact
 * first. The SQL narrows by birth date and surname keys on indexes; `matchIdentity` then applies
 * the rules in full. Zero, one or several: the caller decides, this never picks one.
 */
export async function findGraduateCandidates(db: DbOrTx, typed: TypedIdentity): Promise<GraduateCandidate[]> {
  const keys = surnameLookupKeys(typed.lastName);
  // An impossible date (1990-02-31) would make PostgreSQL throw: nobody is born on it.
  if (keys.length === 0 || !isIsoDate(typed.birthDate)) return [];
  const rows: Array<{ id: string; last_name: string; birth_name: string | null; first_names: string; birth_date: string }> = await db(
    'registry_graduates',
  )
    .select('id', 'last_name', 'birth_name', 'first_names', db.raw(`to_char(birth_date, 'YYYY-MM-DD') AS birth_date`))
    .where('birth_date', typed.birthDate)
    .whereRaw('surname_keys && ?::text[]', [keys])
    .orderBy(['last_name', 'first_names', 'id']);
  const candidates: GraduateCandidate[] = [];
  for (const row of rows) {
    const graduate = { lastName: row.last_name, birthName: row.birth_name, firstNames: row.first_names, birthDate: row.birth_date };
    const match = matchIdentity(typed, graduate);
    if (match) candidates.push({ id: row.id, ...graduate, match });
  }
  return candidates.sort((a, b) => Number(b.match.exact) - Number(a.match.exact));
}

function isIsoDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export interface RegistryDiploma {
  id: string;
  vetCode: string;
  vetLabel: string | null;
  composanteCode: string;
  composanteLabel: string | null;
  year: number;
}

/** The diplomas a recognised graduate picks from, most recent first. */
export async function listGraduateDiplomas(db: DbOrTx, graduateId: string): Promise<RegistryDiploma[]> {
  return db('registry_diplomas')
    .select(
      'id',
      'vet_code as vetCode',
      'vet_label as vetLabel',
      'composante_code as composanteCode',
      'composante_label as composanteLabel',
      'year',
    )
    .where({ graduate_id: graduateId })
    .orderBy([{ column: 'year', order: 'desc' }, 'vet_code']);
}

/** The registry's own spelling of a graduate's names (mails greet people by it). */
export async function findRegistryName(db: DbOrTx, graduateId: string): Promise<{ firstNames: string; lastName: string } | undefined> {
  return db('registry_graduates').select('first_names as firstNames', 'last_name as lastName').where({ id: graduateId }).first();
}

/** Every composante of the registry (code and label), for « diplôme non trouvé ». */
export async function listComposantes(db: DbOrTx): Promise<{ code: string; label: string }[]> {
  const rows: { code: string; label: string | null }[] = await db('registry_diplomas')
    .distinct('composante_code as code', 'composante_label as label')
    .orderBy(['composante_code', 'composante_label']);
  const byCode = new Map<string, string>();
  for (const row of rows) if (!byCode.has(row.code) || row.label) byCode.set(row.code, row.label ?? row.code);
  return [...byCode].map(([code, label]) => ({ code, label })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}
