import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../../mail/mailer.js';

/**
 * The mailer against a real SMTP server: the connection options given with the URL must really
 * apply. (They once went to nodemailer as message defaults: every mail opened a new connection.)
 */
let server: SMTPServer;
let url: string;
let connections = 0;
const received: { to: string; subject: string; messageId: string }[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo)
            received.push({ to: rcpt.address, subject: mail.subject ?? '', messageId: mail.messageId ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SMTP mailer', () => {
  let mailer: Mailer;
  afterAll(() => mailer?.close());

  it('when several mails are sent one after the other, then they share one pooled connection and arrive with their Message-ID', async () => {
    mailer = createSmtpMailer({ smtpUrl: url, from: 'Plateforme <noreply@universite.example>' });
    for (let i = 0; i < 5; i++) {
      await mailer.send({
        to: `personne${i}@example.org`,
        subject: `Message ${i}`,
        text: 'Bonjour',
        html: '<p>Bonjour</p>',
        messageId: `<m${i}@university-approvals>`,
      });
    }
    expect(received.map((m) => [m.to, m.subject, m.messageId])).toEqual(
      Array.from({ length: 5 }, (_, i) => [`personne${i}@example.org`, `Message ${i}`, `<m${i}@university-approvals>`]),
    );
    expect(connections).toBe(1);
  });

  it('when the server is unreachable, then sending fails quickly with an error (the activity retries it)', async () => {
    const unreachable = createSmtpMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'noreply@universite.example' });
    await expect(
      unreachable.send({ to: 'x@example.org', subject: 's', text: 't', html: '<p>t</p>', messageId: '<x@university-approvals>' }),
    ).rejects.toThrow(/ECONNREFUSED/);
    unreachable.close();
  });
});
