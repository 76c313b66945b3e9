/**
 * A real SMTP receiver for the benchmark, the fault suite and the build check. Like tests/support/mailbox.ts, but
 * waiters are woken on arrival (no polling: thousands of lifecycles wait at once), mails are
 * indexed by recipient, and it counts what it received per recipient + subject so duplicates show.
 * `refuse(true)` answers 421 to every MAIL FROM (an SMTP outage as a relay would signal it).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface InboxMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  receivedAt: number;
}

interface Waiter {
  subject: RegExp;
  count: number;
  resolve(mail: InboxMail): void;
}

export interface Inbox {
  url: string;
  /** Resolves with the `count`-th mail (default 1st) to `address` whose subject matches. */
  waitFor(address: string, subject: RegExp, options?: { count?: number; timeoutMs?: number }): Promise<InboxMail>;
  to(address: string): InboxMail[];
  all(): InboxMail[];
  refuse(on: boolean): void;
  /** Number of MAIL FROM commands refused with 421 so far. */
  refusedCount(): number;
  close(): Promise<void>;
}

export async function startInbox(options: { port?: number } = {}): Promise<Inbox> {
  const byRecipient = new Map<string, InboxMail[]>();
  const waiters = new Map<string, Waiter[]>();
  const everything: InboxMail[] = [];
  let refusing = false;
  let refused = 0;

  const deliver = (mail: InboxMail) => {
    everything.push(mail);
    const list = byRecipient.get(mail.to) ?? [];
    list.push(mail);
    byRecipient.set(mail.to, list);
    const pending = waiters.get(mail.to);
    if (!pending) return;
    for (const waiter of [...pending]) {
      const matching = list.filter((m) => waiter.subject.test(m.subject));
      if (matching.length >= waiter.count) {
        pending.splice(pending.indexOf(waiter), 1);
        waiter.resolve(matching[waiter.count - 1]!);
      }
    }
    if (pending.length === 0) waiters.delete(mail.to);
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onMailFrom(_address, _session, callback) {
      if (refusing) {
        refused += 1;
        return callback(Object.assign(new Error('Service temporarily unavailable'), { responseCode: 421 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const receivedAt = Date.now();
          for (const rcpt of session.envelope.rcptTo) {
            deliver({
              to: rcpt.address.toLowerCase(),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              receivedAt,
            });
          }
          callback();
        })
        .catch(callback);
    },
  });
  server.on('error', () => undefined); // a client hanging up mid-session is not our failure
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    waitFor(address, subject, { count = 1, timeoutMs = 120_000 } = {}) {
      const key = address.toLowerCase();
      const already = (byRecipient.get(key) ?? []).filter((m) => subject.test(m.subject));
      if (already.length >= count) return Promise.resolve(already[count - 1]!);
      return new Promise<InboxMail>((resolve, reject) => {
        const waiter: Waiter = {
          subject,
          count,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          const list = waiters.get(key);
          if (list) list.splice(list.indexOf(waiter), 1);
          const seen = (byRecipient.get(key) ?? []).map((m) => m.subject).join(' | ') || 'none';
          reject(new Error(`no mail #${count} to ${address} matching ${subject} within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        const list = waiters.get(key) ?? [];
        list.push(waiter);
        waiters.set(key, list);
      });
    },
    to: (address) => [...(byRecipient.get(address.toLowerCase()) ?? [])],
    all: () => [...everything],
    refuse(on) {
      refusing = on;
    },
    refusedCount: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link to the platform's /liens/ pages in a mail's text. */
export function linkIn(mail: InboxMail): string {
  const match = /(https?:\/\/[^\s]+\/liens\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in mail "${mail.subject}"`);
  return match[1]!;
}

export const decisionSubject = /^Décision attendue/;

/** The personal decision link of a « Décision attendue » mail. */
export function decisionLinkIn(mail: InboxMail): string {
  const match = /(https?:\/\/[^\s]+\/decisions\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no decision link in mail "${mail.subject}"`);
  return match[1]!;
}
