/**
 * MailDev in our own process for `npm start`: an SMTP server that keeps every mail and a web UI
 * (plus its REST API, e.g. `GET /email`) to read them. Nothing is ever delivered outside.
 * Both listen on 127.0.0.1 only (MailDev's defaults are `::` and 0.0.0.0).
 * With `mailDir`, mails are stored as .eml files there and shown again after a restart.
 *
 * MailDev 3 notes: the REST API is under `/api` (`GET /api/email`, `/api/healthz`), not at the
 * root as in MailDev 2; the UI's index.html is only served to requests accepting text/html.
 */
import fs from 'node:fs/promises';
import { MailDev } from 'maildev';
import { isPortBusy } from './processControl.js';

export interface DevMail {
  /** e.g. `smtp://127.0.0.1:1025` */
  smtpUrl: string;
  /** e.g. `http://localhost:1080` (UI; the REST API is under the same origin, `/email`). */
  webUrl: string;
  stop(): Promise<void>;
}

export interface DevMailOptions {
  /** 0 / undefined = a free port. */
  smtpPort?: number;
  /** 0 / undefined = a free port. */
  webPort?: number;
  /** Persist mails here (.eml files); in memory when omitted. */
  mailDir?: string;
  /** MailDev's start banner, then one line per received mail (subject and recipients only). */
  log?: (line: string) => void;
}

const HOST = '127.0.0.1';

export async function startDevMail(options: DevMailOptions = {}): Promise<DevMail> {
  if (options.mailDir) await fs.mkdir(options.mailDir, { recursive: true });
  for (const port of [options.smtpPort, options.webPort]) {
    if (port && (await isPortBusy(port, HOST))) throw new Error(`MailDev cannot start: port ${port} is already in use`);
  }
  const maildev = new MailDev({
    smtp: options.smtpPort ?? 0, // 0: the OS picks (read back below)
    ip: HOST,
    web: options.webPort ?? 0,
    webIp: HOST,
    ...(options.mailDir ? { mailDirectory: options.mailDir } : {}),
    // MailDev logs with console.log; we report received mails through `log` instead.
    silent: true,
  });
  const servers = await quietBanner(() => maildev.start(), options.log).catch(async (error: Error) => {
    // start() does not undo what it opened before failing (SMTP listening, web port taken…),
    // and stop() does nothing unless start() succeeded: close the SMTP server by hand.
    const partial = (maildev as unknown as { orchestrator?: { smtp?: { stop(): Promise<void> } | null } }).orchestrator;
    await partial?.smtp?.stop().catch(() => undefined);
    throw new Error(`MailDev could not start: ${error.message}`);
  });
  const smtpPort = servers.smtp.getAddress().port;
  const webPort = servers.api?.getAddress()?.port;
  if (!webPort) {
    await maildev.stop();
    throw new Error('MailDev started without its web server');
  }
  if (options.log) {
    const log = options.log;
    servers.smtp.on('new', (mail: { subject?: string; to?: Array<{ address?: string }> }) => {
      const to = (mail.to ?? []).map((recipient) => recipient.address).join(', ');
      log(`received "${mail.subject ?? '(no subject)'}" to ${to || '?'}`);
    });
  }

  let stopping: Promise<void> | undefined;
  return {
    smtpUrl: `smtp://${HOST}:${smtpPort}`,
    webUrl: `http://localhost:${webPort}`,
    stop: () => (stopping ??= maildev.stop()),
  };
}

/**
 * MailDev's API server prints "MailDev API running at …" with console.info whatever `silent`
 * says; during start only, that one line goes to `log` instead of our console.
 */
async function quietBanner<T>(start: () => Promise<T>, log?: (line: string) => void): Promise<T> {
  const original = console.info;
  console.info = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('MailDev API running at')) log?.(args[0]);
    else original(...args);
  };
  try {
    return await start();
  } finally {
    console.info = original;
  }
}
