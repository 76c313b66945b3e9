import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { claimMail, markMailSent, markMailUndeliverable } from '../../db/mailLog.js';
import type { RenderedMail } from '../../mail/layout.js';
import { type Mailer, MailRefused } from '../../mail/mailer.js';

/**
 * Sends a mail at most once per idempotency key. The key is claimed in `mail_log` first; a retry
 * that finds it sent does nothing. SMTP offers no exactly-once, so the one window left (the
 * server accepted, the process died before `sent_at` was written) may resend: that copy carries
 * the same Message-ID, which mail systems use to drop duplicates.
 *
 * A permanent refusal (5xx for the recipient or the message) is recorded and answered
 * `undeliverable`, not thrown: activities retry without limit, so a thrown refusal would block the
 * lifecycle (and the step's other mails) for ever. A retry finds it recorded and does not resend.
 */
export async function deliverOnce(
  deps: { db: Db; mailer: Mailer },
  mail: { key: string; template: string; to: string; rendered: RenderedMail },
): Promise<'sent' | 'already_sent' | 'undeliverable'> {
  const messageId = `<${createHash('sha256').update(mail.key).digest('hex').slice(0, 40)}@university-approvals>`;
  const entry = await claimMail(deps.db, { key: mail.key, template: mail.template, recipient: mail.to, messageId });
  if (entry.sent_at) return 'already_sent';
  if (entry.undeliverable_at) return 'undeliverable';
  try {
    await deps.mailer.send({ to: mail.to, ...mail.rendered, messageId: entry.message_id });
  } catch (error) {
    if (!(error instanceof MailRefused)) throw error;
    await markMailUndeliverable(deps.db, { key: mail.key, recipient: mail.to, smtpCode: error.smtpCode, smtpResponse: error.smtpResponse });
    return 'undeliverable';
  }
  await markMailSent(deps.db, mail.key);
  return 'sent';
}
