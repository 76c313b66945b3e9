import type { DbOrTx } from './connection.js';

const table = 'mail_log';

export interface MailLogEntry {
  idempotency_key: string;
  template: string;
  recipient: string;
  message_id: string;
  sent_at: Date | null;
  /** Set when the SMTP server refused it for good (5xx): never sent again. */
  undeliverable_at: Date | null;
  failure: string | null;
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

/**
 * The server refused this mail for good: the log entry says so (a retry does not send it again) and
 * the address is listed for operators (`undeliverable_addresses`), in one transaction.
 */
export async function markMailUndeliverable(
  db: DbOrTx,
  entry: { key: string; recipient: string; smtpCode: number; smtpResponse: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx(table).where({ idempotency_key: entry.key }).update({ undeliverable_at: tx.fn.now(), failure: entry.smtpResponse });
    await tx.raw(
      `INSERT INTO undeliverable_addresses (address, smtp_code, smtp_response) VALUES (?, ?, ?)
       ON CONFLICT (address) DO UPDATE SET smtp_code = EXCLUDED.smtp_code, smtp_response = EXCLUDED.smtp_response,
         mails = undeliverable_addresses.mails + 1, last_at = now()`,
      [entry.recipient, entry.smtpCode, entry.smtpResponse],
    );
  });
}
