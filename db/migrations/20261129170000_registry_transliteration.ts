import type { Knex } from 'knex';
import { type RegistrySearchColumns, searchColumnsOf } from '../registry/searchKeys.js';

/**
 * The registry's search columns now hold every spelling of a name (db/registry/names.ts,
 * nameSpellings): ä/ö/ü also written ae/oe/ue, Saint/Sainte written st/ste. Rows imported before
 * must be recomputed, or a lookup for « Schaefer » would miss a stored « SCHÄFER » until the next
 * import (which would then also count every such row as updated).
 *
 * The keys are computed in TypeScript, as at import time (unaccent() is not immutable, and the
 * rules live in one place), so every row is read, in pages by id; only the rows whose keys differ
 * (names with an umlaut or a Saint) are written.
 */
const PAGE = 2000;

type Row = { id: string; last_name: string; birth_name: string | null; first_names: string } & RegistrySearchColumns;

export async function up(db: Knex): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Row[] = await db('registry_graduates')
      .select('id', 'last_name', 'birth_name', 'first_names', 'last_name_key', 'birth_name_key', 'first_names_key', 'surname_keys')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    const changed = rows
      .map((row) => ({ row, keys: searchColumnsOf({ lastName: row.last_name, birthName: row.birth_name, firstNames: row.first_names }) }))
      .filter(({ row, keys }) => JSON.stringify(keys) !== JSON.stringify(columnsOf(row)))
      .map(({ row, keys }) => ({ id: row.id, ...keys }));
    if (changed.length === 0) continue;
    await db.raw(
      `UPDATE registry_graduates g SET last_name_key = c.last_name_key, birth_name_key = c.birth_name_key,
         first_names_key = c.first_names_key, surname_keys = c.surname_keys
       FROM json_to_recordset(?::json) AS c(id uuid, last_name_key text, birth_name_key text, first_names_key text, surname_keys text[])
       WHERE g.id = c.id`,
      [JSON.stringify(changed)],
    );
  }
}

/** The stored columns in the order searchColumnsOf returns them, to compare the two as JSON. */
function columnsOf(row: Row): RegistrySearchColumns {
  return {
    last_name_key: row.last_name_key,
    birth_name_key: row.birth_name_key,
    first_names_key: row.first_names_key,
    surname_keys: row.surname_keys,
  };
}
