/**
 * Finds (or installs) the Chromium that the browser tests drive with playwright-core, so that
 * `npm install && npm test` passes on a fresh machine by itself. First hit wins:
 *   1. `CHROMIUM_PATH` (must be an executable file, otherwise we stop: the user asked for it);
 *   2. Debian's `/usr/bin/chromium`, or `chromium` on PATH;
 *   3. as root where apt-get exists: `apt-get update && apt-get install -y chromium` (as the
 *      Temporal CLI is installed into .tools/ by infra/temporalCli.ts);
 *   4. else one message saying what to install.
 * Never Playwright's own browser download: the tests use the distribution's browser.
 */
import { findOnPath, isExecutableFile, lastLine, run } from './processControl.js';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** One message telling a person what to install when no Chromium could be found or installed. */
export function chromiumHelp(reason: string): string {
  return [
    `Chromium is needed by the browser tests and ${reason}.`,
    'Install it with:  sudo apt-get install chromium   (Debian; elsewhere, your distribution’s Chromium package)',
    'or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chromium npm test',
  ].join('\n');
}

export async function resolveChromium(options: { install?: boolean; log?: (line: string) => void } = {}): Promise<string> {
  const log = (line: string) => options.log?.(`chromium: ${line}`);

  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (await isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(chromiumHelp(`CHROMIUM_PATH=${fromEnv} is not an executable file`));
  }
  const found = await existingChromium();
  if (found) return found;

  if (options.install === false) throw new Error(chromiumHelp('it is not installed'));
  if (process.getuid?.() !== 0)
    throw new Error(chromiumHelp('it is not installed (and we are not root, so we cannot install it with apt)'));
  if (!(await findOnPath('apt-get'))) throw new Error(chromiumHelp('it is not installed (and there is no apt-get to install it with)'));

  log('not installed: installing Debian chromium with apt-get (a minute or two, once)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt (a second test run, an unattended upgrade) may hold the lock: wait for it.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const update = await run('apt-get', [...lock, 'update', '-qq'], { env, timeoutMs: 15 * 60_000 });
  if (update.code !== 0) throw new Error(chromiumHelp(`\`apt-get update\` failed: ${lastLine(update.output)}`));
  const install = await run('apt-get', [...lock, 'install', '-y', '-qq', 'chromium'], { env, timeoutMs: 15 * 60_000 });
  if (install.code !== 0) throw new Error(chromiumHelp(`\`apt-get install chromium\` failed: ${lastLine(install.output)}`));
  const installed = await existingChromium();
  if (!installed) throw new Error(chromiumHelp(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is still missing`));
  log(`installed ${installed}`);
  return installed;
}

async function existingChromium(): Promise<string | undefined> {
  if (await isExecutableFile(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return (await findOnPath('chromium')) ?? (await findOnPath('chromium-browser'));
}
