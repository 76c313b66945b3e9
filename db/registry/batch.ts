import type { DbOrTx } from '../connection.js';
import type { RegistryEntry } from './registryLine.js';
import { searchColumnsOf } from './searchKeys.js';

/** Writing the graduate registry: one batch of import lines, graduates then their diplomas. */

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Upserts graduates and their diplomas; one outcome per entry, in order. Rows already identical
 * are skipped before the upsert (not even locked) and a row is rewritten only when a value
 * differs, so re-importing the same file writes nothing and reports every line unchanged.
 * Call it inside a transaction: graduates then diplomas.
 *
 * An entry is `inserted` when it created its diploma, `updated` when it changed its diploma or
 * its graduate (a graduate's change counts on its first entry in the batch), else `unchanged`.
 */
export async function writeRegistryBatch(db: DbOrTx, entries: RegistryEntry[]): Promise<WriteOutcome[]> {
  const graduates = new Map<string, RegistryEntry>();
  for (const entry of entries) if (!graduates.has(entry.registryKey)) graduates.set(entry.registryKey, entry);
  const graduateRows = await upsertGraduates(db, [...graduates.values()]);

  const diplomaKey = (graduateId: string, e: RegistryEntry) => `${graduateId}|${e.vetCode}|${e.year}`;
  const diplomas = new Map<string, { graduateId: string; entry: RegistryEntry }>();
  for (const entry of entries) {
    const graduateId = graduateRows.get(entry.registryKey)!.id;
    const key = diplomaKey(graduateId, entry);
    if (!diplomas.has(key)) diplomas.set(key, { graduateId, entry });
  }
  const diplomaChanges = await upsertDiplomas(db, [...diplomas.values()]);

  const graduateCounted = new Set<string>();
  const diplomaCounted = new Set<string>();
  return entries.map((entry) => {
    const graduate = graduateRows.get(entry.registryKey)!;
    const key = diplomaKey(graduate.id, entry);
    const firstOfDiploma = !diplomaCounted.has(key);
    diplomaCounted.add(key);
    const firstOfGraduate = !graduateCounted.has(entry.registryKey);
    graduateCounted.add(entry.registryKey);
    const diploma = firstOfDiploma ? diplomaChanges.get(key) : undefined;
    if (diploma === 'inserted') return 'inserted';
    if (diploma === 'updated' || (firstOfGraduate && graduate.change !== 'unchanged')) return 'updated';
    return 'unchanged';
  });
}

async function upsertGraduates(db: DbOrTx, entries: RegistryEntry[]): Promise<Map<string, { id: string; change: WriteOutcome }>> {
  const input = entries.map((e) => ({
    registry_key: e.registryKey,
    student_number: e.studentNumber,
    ine: e.ine,
    last_name: e.lastName,
    birth_name: e.birthName,
    first_names: e.firstNames,
    birth_date: e.birthDate,
    ...searchColumnsOf(e),
  }));
  // The batch travels as one JSON parameter (JSON.stringify is native; binding thousands of values
  // one by one costs more in this process than the whole SQL costs PostgreSQL). The final SELECT
  // reads unchanged rows from the table and changed ones from RETURNING, since a statement does not
  // see the rows its own CTE inserted.
  const { rows } = await db.raw(
    `WITH input AS (
       SELECT * FROM json_to_recordset(?::json) AS i(registry_key text, student_number text, ine text, last_name text, birth_name text,
         first_names text, birth_date date, last_name_key text, birth_name_key text, first_names_key text, surname_keys text[])
     ), upserted AS (
       INSERT INTO registry_graduates AS g
         (registry_key, student_number, ine, last_name, birth_name, first_names, birth_date, last_name_key, birth_name_key, first_names_key, surname_keys)
       SELECT * FROM input i
       -- Rows already identical are left alone: ON CONFLICT would lock (so write) them even when
       -- its WHERE refuses the update, which made a re-import nearly as slow as the first import.
       WHERE NOT EXISTS (
         SELECT 1 FROM registry_graduates same
         WHERE same.registry_key = i.registry_key
           AND (same.student_number, same.ine, same.last_name, same.birth_name, same.first_names, same.birth_date,
                same.last_name_key, same.birth_name_key, same.first_names_key, same.surname_keys)
               IS NOT DISTINCT FROM (i.student_number, i.ine, i.last_name, i.birth_name, i.first_names, i.birth_date,
                i.last_name_key, i.birth_name_key, i.first_names_key, i.surname_keys))
       ON CONFLICT (registry_key) DO UPDATE SET
         student_number = excluded.student_number, ine = excluded.ine, last_name = excluded.last_name,
         birth_name = excluded.birth_name, first_names = excluded.first_names, birth_date = excluded.birth_date,
         last_name_key = excluded.last_name_key, birth_name_key = excluded.birth_name_key,
         first_names_key = excluded.first_names_key, surname_keys = excluded.surname_keys, updated_at = now()
       WHERE (g.student_number, g.ine, g.last_name, g.birth_name, g.first_names, g.birth_date,
              g.last_name_key, g.birth_name_key, g.first_names_key, g.surname_keys)
         IS DISTINCT FROM (excluded.student_number, excluded.ine, excluded.last_name, excluded.birth_name, excluded.first_names,
              excluded.birth_date, excluded.last_name_key, excluded.birth_name_key, excluded.first_names_key, excluded.surname_keys)
       RETURNING g.registry_key, g.id, (g.xmax = 0) AS inserted
     )
     SELECT i.registry_key, coalesce(u.id, g.id) AS id, u.inserted
     FROM input i
     LEFT JOIN upserted u USING (registry_key)
     LEFT JOIN registry_graduates g USING (registry_key)`,
    [JSON.stringify(input)],
  );
  const result = new Map<string, { id: string; change: WriteOutcome }>();
  for (const row of rows as Array<{ registry_key: string; id: string; inserted: boolean | null }>) {
    result.set(row.registry_key, { id: row.id, change: row.inserted === null ? 'unchanged' : row.inserted ? 'inserted' : 'updated' });
  }
  return result;
}

async function upsertDiplomas(
  db: DbOrTx,
  diplomas: Array<{ graduateId: string; entry: RegistryEntry }>,
): Promise<Map<string, WriteOutcome>> {
  const input = diplomas.map(({ graduateId, entry }) => ({
    graduate_id: graduateId,
    vet_code: entry.vetCode,
    vet_label: entry.vetLabel,
    composante_code: entry.composanteCode,
    composante_label: entry.composanteLabel,
    year: entry.year,
  }));
  const { rows } = await db.raw(
    `INSERT INTO registry_diplomas AS d (graduate_id, vet_code, vet_label, composante_code, composante_label, year)
     SELECT * FROM json_to_recordset(?::json)
       AS i(graduate_id uuid, vet_code text, vet_label text, composante_code text, composante_label text, year smallint)
     WHERE NOT EXISTS (
       SELECT 1 FROM registry_diplomas same
       WHERE (same.graduate_id, same.vet_code, same.year) = (i.graduate_id, i.vet_code, i.year)
         AND (same.vet_label, same.composante_code, same.composante_label)
             IS NOT DISTINCT FROM (i.vet_label, i.composante_code, i.composante_label))
     ON CONFLICT (graduate_id, vet_code, year) DO UPDATE SET
       vet_label = excluded.vet_label, composante_code = excluded.composante_code,
       composante_label = excluded.composante_label, updated_at = now()
     WHERE (d.vet_label, d.composante_code, d.composante_label)
       IS DISTINCT FROM (excluded.vet_label, excluded.composante_code, excluded.composante_label)
     RETURNING d.graduate_id, d.vet_code, d.year, (d.xmax = 0) AS inserted`,
    [JSON.stringify(input)],
  );
  const changes = new Map<string, WriteOutcome>();
  for (const row of rows as Array<{ graduate_id: string; vet_code: string; year: number; inserted: boolean }>) {
    changes.set(`${row.graduate_id}|${row.vet_code}|${row.year}`, row.inserted ? 'inserted' : 'updated');
  }
  return changes;
}
