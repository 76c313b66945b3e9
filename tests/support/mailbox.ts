import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: { filename?: string; contentType: string; size: number; content: Buffer }[];
  /** The Reply-To addresses, lower-cased (empty when the mail has none). */
  replyTo: string[];
  receivedAt: number;
}

/**
 * A real SMTP server the tests read mail from, as a person reads their inbox. `refuse()` makes it
 * answer 421 (service unavailable) for the fault tests; `rejectRecipient()` makes it answer
 * 550 (no such mailbox) to one address, for good.
 */
export async function startMailbox() {
  const received: ReceivedMail[] = [];
  const listeners: ((mail: ReceivedMail) => Promise<void>)[] = [];
  let refusing = false;
  const rejected = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (refusing) return callback(Object.assign(new Error('Service temporarily unavailable'), { responseCode: 421 }));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address.toLowerCase()))
        return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const entry: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            messageId: mail.messageId ?? '',
            attachments: mail.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              size: a.size,
              content: a.content,
            })),
            replyTo: (mail.replyTo?.value ?? []).map((r) => (r.address ?? '').toLowerCase()),
            receivedAt: Date.now(),
          };
          received.push(entry);
          // Listeners run before the server acknowledges the mail: the sender is still mid-send.
          await Promise.all(listeners.map((listener) => listener(entry).catch(() => undefined)));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Runs `listener` on each mail before acknowledging it to the sender. */
    onMail(listener: (mail: ReceivedMail) => Promise<void>) {
      listeners.push(listener);
    },
    refuse(on: boolean) {
      refusing = on;
    },
    rejectRecipient(address: string) {
      rejected.add(address.toLowerCase());
    },
    to(address: string) {
      return received.filter((m) => m.to.includes(address.toLowerCase()));
    },
    /** Waits for the `count`-th mail to `address` (optionally matching the subject). */
    async waitFor(address: string, options: { subject?: RegExp; count?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
      const deadline = Date.now() + (options.timeoutMs ?? 20_000);
      const count = options.count ?? 1;
      for (;;) {
        const matching = this.to(address).filter((m) => !options.subject || options.subject.test(m.subject));
        if (matching.length >= count) return matching[count - 1]!;
        if (Date.now() > deadline) {
          const seen =
            this.to(address)
              .map((m) => m.subject)
              .join(' | ') || 'none';
          throw new Error(`no mail #${count} to ${address}${options.subject ? ` matching ${options.subject}` : ''} (received: ${seen})`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** The first link to this platform's /liens/ pages in a mail's text. */
export function linkIn(mail: ReceivedMail): string {
  const match = /(https?:\/\/[^\s]+\/liens\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in mail "${mail.subject}":\n${mail.text}`);
  return match[1]!;
}
