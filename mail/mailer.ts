import net from 'node:net';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import { inSpan } from '../lib/telemetry/spans.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic per idempotency key, so a receiver can drop the rare duplicate of a retry. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** Where an answer goes when it is not the platform (a forwarded application: the applicant). */
  replyTo?: string;
}

/**
 * The SMTP server refused the recipient or the message for good (a 5xx answer to RCPT TO or DATA):
 * sending it again would get the same answer, so the caller records it instead of retrying.
 */
export class MailRefused extends Error {
  constructor(
    readonly smtpCode: number,
    readonly smtpResponse: string,
  ) {
    super(`the SMTP server refused the mail for good: ${smtpResponse}`);
    this.name = 'MailRefused';
  }
}

/** 5xx at RCPT TO (unknown mailbox, refused domain) or DATA (message refused); not a 5xx at MAIL FROM or AUTH, which are ours to fix. */
function permanentRefusal(error: unknown): MailRefused | undefined {
  const { responseCode, command, response } = error as { responseCode?: unknown; command?: unknown; response?: unknown };
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode > 599) return undefined;
  if (command !== 'RCPT TO' && command !== 'DATA') return undefined;
  return new MailRefused(responseCode, typeof response === 'string' ? response.slice(0, 500) : String(responseCode));
}

export interface Mailer {
  /** Throws `MailRefused` when the server refuses the mail for good; any other error may be retried. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/** A connected TCP socket with Nagle's algorithm off, as nodemailer's `getSocket` hook expects it. */
function connectWithoutDelay(host: string, port: number, timeoutMs: number, callback: SocketCallback): void {
  const socket = net.connect({ host, port });
  const timer = setTimeout(() => socket.destroy(new Error(`SMTP connection to ${host}:${port} timed out`)), timeoutMs);
  const fail = (error: Error) => {
    clearTimeout(timer);
    callback(error);
  };
  socket.once('error', fail);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.off('error', fail);
    socket.setNoDelay(true);
    callback(null, { connection: socket });
  });
}

/** Connecting (and the server's greeting) must not take longer: an outage fails the activity fast, Temporal retries. */
const CONNECT_TIMEOUT_MS = 5_000;

export function createSmtpMailer(options: { smtpUrl: string; from: string }): Mailer {
  const server = parseConnectionUrl(options.smtpUrl);
  // The URL gives the server; the pool and timeouts are ours. (Passed as createTransport's second
  // argument they would be message defaults and silently ignored: each mail then opened its own
  // connection, ~150 ms here.)
  const transport = nodemailer.createTransport({
    ...server,
    // A few kept-alive connections instead of one per mail.
    pool: true,
    maxConnections: 5,
    // Short timeouts: an SMTP outage fails the activity quickly and Temporal retries it later.
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: 15_000,
    // Nagle's algorithm holds the message's last segment until the server's delayed ACK (~40 ms
    // a mail). On plain connections (STARTTLS upgrades this same socket) we open the socket
    // ourselves with TCP_NODELAY; implicit TLS (smtps) keeps nodemailer's own.
    ...(server.secure
      ? {}
      : {
          getSocket: (_options: unknown, callback: SocketCallback) =>
            connectWithoutDelay(server.host ?? 'localhost', server.port ?? 25, CONNECT_TIMEOUT_MS, callback),
        }),
  } as never);
  return {
    async send(mail) {
      // A span per send inside the activity's trace: an SMTP relay that is slow or refuses shows there.
      try {
        await inSpan('smtp send', { 'server.address': server.host ?? 'localhost', 'server.port': server.port ?? 25 }, () =>
          transport.sendMail({
            from: options.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            messageId: mail.messageId,
            attachments: mail.attachments,
            ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          }),
        );
      } catch (error) {
        throw permanentRefusal(error) ?? error;
      }
    },
    close: () => transport.close(),
  };
}
