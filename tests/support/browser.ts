import { type Browser, chromium } from 'playwright-core';

/**
 * The Debian `chromium` driven by playwright-core (no browser download): the decision pages are
 * tested as an approver opens them from a mail. The global setup found it (or installed it) and
 * set CHROMIUM_PATH (infra/chromium.ts).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
