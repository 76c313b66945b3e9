import type { DbOrTx } from './connection.js';

const table = 'mail_log';

export interface MailLogEntry {
  idempotency_key: string;
  template: string;
  recipient: string;
  message_id: string;
  sent_at: Date | null;
}

/** Claims the key (first call) or returns the existing entry (a retry). */
export async function claimMail(
  db: DbOrTx,
  entry: { key: string; template: string; recipient: string; messageId: string },
): Promise<MailLogEntry> {
  await db(table)
    .insert({ idempotency_key: entry.key, template: entry.template, recipient: entry.recipient, message_id: entry.messageId })
    .onConflict('idempotency_key')
    .ignore();
  return db(table).where({ idempotency_key: entry.key }).first();
}

export async function markMailSent(db: DbOrTx, key: string): Promise<void> {
  await db(table).where({ idempotency_key: key }).update({ sent_at: db.fn.now() });
}

export async function findMail(db: DbOrTx, key: string): Promise<MailLogEntry | undefined> {
  return db(table).where({ idempotency_key: key }).first();
}
