import type { DbOrTx } from './connection.js';

/** eCandidat's « Offre de formation » (seed 001): programmes open to application and their campaign dates. */
export interface DegreeProgramme {
  id: string;
  title: string;
  composante: string;
  level: string;
  campaign_opens_on: string;
  campaign_closes_on: string | null;
  description: string;
}

export type DegreeProgrammeFields = Omit<DegreeProgramme, 'id'>;

const table = 'degree_programmes';
const columns = ['id', 'title', 'composante', 'level', 'description', 'campaign_opens_on', 'campaign_closes_on'] as const;
const select = (db: DbOrTx) =>
  db(table).select(
    ...columns.filter((c) => !c.startsWith('campaign')),
    db.raw(`to_char(campaign_opens_on, 'YYYY-MM-DD') AS campaign_opens_on`),
    db.raw(`to_char(campaign_closes_on, 'YYYY-MM-DD') AS campaign_closes_on`),
  );

/** A position in the list: the opening date and id of the row at an edge of the page. */
export interface ProgrammeCursor {
  opensOn: string;
  id: string;
}

/**
 * One page in campaign-opening order (then id), after or before a cursor: keyset, never OFFSET.
 * Returns one row more than asked when there are more, so the caller knows to offer « Suivant ».
 */
export async function listProgrammes(
  db: DbOrTx,
  page: { limit: number; after?: ProgrammeCursor; before?: ProgrammeCursor },
): Promise<DegreeProgramme[]> {
  const query = select(db).limit(page.limit + 1);
  if (page.before) {
    const rows: DegreeProgramme[] = await query
      .whereRaw('(campaign_opens_on, id) < (?::date, ?::uuid)', [page.before.opensOn, page.before.id])
      .orderBy([
        { column: 'campaign_opens_on', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.reverse();
  }
  if (page.after) query.whereRaw('(campaign_opens_on, id) > (?::date, ?::uuid)', [page.after.opensOn, page.after.id]);
  return query.orderBy(['campaign_opens_on', 'id']);
}

export async function findProgramme(db: DbOrTx, id: string): Promise<DegreeProgramme | undefined> {
  return select(db).where({ id }).first();
}

export async function insertProgramme(db: DbOrTx, fields: DegreeProgrammeFields): Promise<string> {
  const [row] = await db(table).insert(fields).returning('id');
  return row.id;
}

export async function updateProgramme(db: DbOrTx, id: string, fields: DegreeProgrammeFields): Promise<boolean> {
  return (
    (await db(table)
      .where({ id })
      .update({ ...fields, updated_at: db.fn.now() })) > 0
  );
}

export async function deleteProgramme(db: DbOrTx, id: string): Promise<boolean> {
  return (await db(table).where({ id }).delete()) > 0;
}
