import type { DbOrTx } from './connection.js';

/** The recruiters' conditions générales d'utilisation, one row per version (full text). */
export interface TermsVersion {
  version: string;
  body_fr: string;
  body_en: string | null;
  published_at: Date;
}

/** The version in force: the latest one published. */
export async function currentTerms(db: DbOrTx): Promise<TermsVersion | undefined> {
  return db('terms_versions')
    .select('version', 'body_fr', 'body_en', 'published_at')
    .where('published_at', '<=', db.fn.now())
    .orderBy('published_at', 'desc')
    .first();
}

/** Publishes a new version (in force at once); false when the version name is taken. */
export async function publishTerms(
  db: DbOrTx,
  terms: { version: string; bodyFr: string; bodyEn: string | null; staffId: string },
): Promise<boolean> {
  const rows = await db('terms_versions')
    .insert({ version: terms.version, body_fr: terms.bodyFr, body_en: terms.bodyEn, published_by: terms.staffId })
    .onConflict('version')
    .ignore()
    .returning('version');
  return rows.length > 0;
}
