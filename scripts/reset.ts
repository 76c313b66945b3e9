/**
 * `npm run reset`: deletes the data directory of `npm start` (DATA_DIR, default `<repo>/data`),
 * so that the next `npm start` begins from zero: empty database with the demo data, no workflow,
 * no mail. Refused while an `npm start` or what a killed one left running still uses it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDirectory, shownPath } from '../infra/dataDir.js';
import { isAlive } from '../infra/processControl.js';

const dir = dataDirectory();
const shown = shownPath(dir);

type Recorded = { name: string; pid: number; cmdline: string };

/** The processes `npm start` recorded in processes.json that still run with the same command line. */
async function stillRunning(): Promise<string[]> {
  const content = await fs.readFile(path.join(dir, 'processes.json'), 'utf8').catch(() => undefined);
  if (!content) return [];
  const { owner, processes } = JSON.parse(content) as { owner: number; processes: Recorded[] };
  const running: string[] = [];
  if (isAlive(owner)) running.push(`npm start (pid ${owner})`);
  for (const { name, pid, cmdline } of processes) {
    if ((await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined)) === cmdline) running.push(`${name} (pid ${pid})`);
  }
  return running;
}

const exists = await fs.stat(dir).then(
  () => true,
  () => false,
);
if (!exists) {
  console.log(`[reset] ${shown} does not exist: nothing to delete.`);
} else {
  const running = await stillRunning();
  if (running.length > 0) {
    console.error(`[reset] ${shown} is in use by ${running.join(', ')}: stop it first (Ctrl-C in the terminal of npm start).`);
    process.exit(1);
  }
  await fs.rm(dir, { recursive: true, force: true });
  console.log(`[reset] deleted ${shown} (database, workflows, mails, app secret): the next \`npm start\` begins from zero.`);
}
