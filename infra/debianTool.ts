/**
 * Finds (or installs) a command-line tool that a Debian package ships, the way infra/chromium.ts
 * does for Chromium: `<ENV_VAR>` if set, else the tool on PATH, else, as root where apt-get
 * exists, `apt-get install <package>`; otherwise an error whose message says what to install.
 * Used by the operations suite: `promtool` (package `prometheus`) to check the alert rules, and
 * `sqlite3` (package `sqlite3`) to back up the Temporal dev server's database.
 */
import { findOnPath, isExecutableFile, lastLine, run } from './processControl.js';

export interface DebianTool {
  /** The command, e.g. `promtool`. */
  binary: string;
  /** The Debian package that ships it, e.g. `prometheus`. */
  debianPackage: string;
  /** The variable that points at it explicitly, e.g. `PROMTOOL_PATH`. */
  envVar: string;
  /** What the project needs it for, for the message. */
  purpose: string;
}

export function debianToolHelp(tool: DebianTool, reason: string): string {
  return [
    `${tool.binary} is needed ${tool.purpose} and ${reason}.`,
    `Install it with:  sudo apt-get install ${tool.debianPackage}   (Debian; elsewhere, your distribution's package)`,
    `or point ${tool.envVar} at the binary: ${tool.envVar}=/path/to/${tool.binary}`,
  ].join('\n');
}

export async function resolveDebianTool(
  tool: DebianTool,
  options: { install?: boolean; log?: (line: string) => void } = {},
): Promise<string> {
  const log = (line: string) => options.log?.(`${tool.binary}: ${line}`);
  const fromEnv = process.env[tool.envVar];
  if (fromEnv) {
    if (await isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(debianToolHelp(tool, `${tool.envVar}=${fromEnv} is not an executable file`));
  }
  const found = await findOnPath(tool.binary);
  if (found) return found;

  if (options.install === false) throw new Error(debianToolHelp(tool, 'it is not installed'));
  if (process.getuid?.() !== 0)
    throw new Error(debianToolHelp(tool, 'it is not installed (and we are not root, so we cannot install it with apt)'));
  if (!(await findOnPath('apt-get')))
    throw new Error(debianToolHelp(tool, 'it is not installed (and there is no apt-get to install it with)'));

  log(`not installed: installing the Debian package ${tool.debianPackage} with apt-get (once)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt (a second run, an unattended upgrade) may hold the lock: wait for it.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const update = await run('apt-get', [...lock, 'update', '-qq'], { env, timeoutMs: 15 * 60_000 });
  if (update.code !== 0) throw new Error(debianToolHelp(tool, `\`apt-get update\` failed: ${lastLine(update.output)}`));
  const install = await run('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', tool.debianPackage], {
    env,
    timeoutMs: 15 * 60_000,
  });
  if (install.code !== 0)
    throw new Error(debianToolHelp(tool, `\`apt-get install ${tool.debianPackage}\` failed: ${lastLine(install.output)}`));
  const installed = await findOnPath(tool.binary);
  if (!installed) throw new Error(debianToolHelp(tool, `apt-get installed ${tool.debianPackage} but ${tool.binary} is still not on PATH`));
  log(`installed ${installed}`);
  return installed;
}

export const promtool: DebianTool = {
  binary: 'promtool',
  debianPackage: 'prometheus',
  envVar: 'PROMTOOL_PATH',
  purpose: 'to check the alert rules and the scrape configuration (ops/prometheus)',
};

export const sqlite3: DebianTool = {
  binary: 'sqlite3',
  debianPackage: 'sqlite3',
  envVar: 'SQLITE3_PATH',
  purpose: "to back up the Temporal dev server's SQLite database online",
};
