import type { DbOrTx } from './connection.js';

export interface ImageConsent {
  id: string;
  account_id: string;
  use: string;
  granted: boolean;
  text_version: string;
  decided_at: Date;
}

const table = 'image_consents';

/** Every choice, newest first (the history shown in « Confidentialité et droit à l'image »). */
export async function consentHistory(db: DbOrTx, accountId: string): Promise<ImageConsent[]> {
  return db(table)
    .where({ account_id: accountId })
    .orderBy([
      { column: 'decided_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
}

/** The choice in force per use: the latest row of each. */
export async function consentsInForce(db: DbOrTx, accountId: string): Promise<Map<string, ImageConsent>> {
  const rows: ImageConsent[] = await db(table)
    .distinctOn('use')
    .where({ account_id: accountId })
    .orderBy([{ column: 'use' }, { column: 'decided_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  return new Map(rows.map((row) => [row.use, row]));
}

export async function recordConsent(
  db: DbOrTx,
  row: { accountId: string; use: string; granted: boolean; textVersion: string },
): Promise<void> {
  await db(table).insert({ account_id: row.accountId, use: row.use, granted: row.granted, text_version: row.textVersion });
}
