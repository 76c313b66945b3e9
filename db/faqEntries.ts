import type { DbOrTx } from './connection.js';

/** « Assistance »'s FAQ: questions and answers in French, optionally in English, edited by staff. */
export interface FaqEntry {
  id: string;
  position: number;
  question_fr: string;
  answer_fr: string;
  question_en: string | null;
  answer_en: string | null;
  updated_at: Date;
}

export type FaqFields = Pick<FaqEntry, 'position' | 'question_fr' | 'answer_fr' | 'question_en' | 'answer_en'>;

const table = 'faq_entries';

export async function listFaq(db: DbOrTx): Promise<FaqEntry[]> {
  return db(table).select('*').orderBy(['position', 'id']);
}

export async function insertFaqEntry(db: DbOrTx, fields: FaqFields, staffId: string): Promise<string> {
  const [row] = await db(table)
    .insert({ ...fields, updated_by: staffId })
    .returning('id');
  return row.id;
}

export async function updateFaqEntry(db: DbOrTx, id: string, fields: FaqFields, staffId: string): Promise<boolean> {
  return (
    (await db(table)
      .where({ id })
      .update({ ...fields, updated_by: staffId, updated_at: db.fn.now() })) > 0
  );
}

export async function deleteFaqEntry(db: DbOrTx, id: string): Promise<boolean> {
  return (await db(table).where({ id }).delete()) > 0;
}
