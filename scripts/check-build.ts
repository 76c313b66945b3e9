/**
 * `npm run check:build`, after `npm run build`: the compiled platform boots and carries a
 * lifecycle, as production runs it. On a throw-away stack (harness/stack.ts: embedded PostgreSQL,
 * Temporal dev server, SMTP receiver):
 *   1. `node dist/scripts/migrate.js` migrates the empty database (migrations found as .js files);
 *   2. `node dist/worker.js` bundles every dist/workflows/<lifecycle>/ and polls;
 *   3. `node dist/server.js` registers every dist/api/<folder>/routes.js and answers /health;
 *   4. one candidate creates an account over HTTP, clicks the link of the mail the workflow sent,
 *      logs in, and the workflow completes.
 * Exit code 0 when all of it worked, 1 otherwise (with the children's last lines).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@temporalio/client';
import { timedCandidateLifecycle } from '../harness/candidates.js';
import { platformEnv, stackClient, startApi, startWorker } from '../harness/platform.js';
import type { NodeChild } from '../harness/processes.js';
import { repoRoot } from '../harness/processes.js';
import { startStack } from '../harness/stack.js';
import { candidateAccountWorkflowId } from '../workflows/candidateAccount/contract.js';

const say = (line: string) => console.log(`[check:build] ${line}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  for (const file of ['worker.js', 'server.js', 'scripts/migrate.js']) {
    if (!existsSync(path.join(repoRoot, 'dist', file))) throw new Error(`dist/${file} is missing: run \`npm run build\` first.`);
  }
  const t0 = performance.now();
  const stack = await startStack({ name: 'approvals-check-build', migrate: false });
  const children: NodeChild[] = [];
  let temporal: Client | undefined;
  try {
    say(`stack ready in ${seconds(t0)}`);
    const migrated = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'dist/scripts/migrate.js')], {
      env: { ...process.env, DATABASE_URL: stack.databaseUrl },
    });
    say(`node dist/scripts/migrate.js: ${migrated.stdout.trim()}`);

    const platform = await platformEnv(stack);
    const t1 = performance.now();
    const [worker, api] = await Promise.all([startWorker(platform, undefined, 'dist'), startApi(platform, undefined, 'dist')]);
    children.push(worker, api);
    say(`node dist/worker.js polling and node dist/server.js answering in ${seconds(t1)}`);

    temporal = await stackClient(stack);
    const client = temporal;
    const t2 = performance.now();
    const lifecycle = await timedCandidateLifecycle({
      baseUrl: platform.baseUrl,
      inbox: stack.inbox,
      runId: `check-${Date.now()}`,
      index: 0,
      timeoutMs: 60_000,
      workflowClosed: (accountId) => client.workflow.getHandle(candidateAccountWorkflowId(accountId)).result(),
    });
    say(`a candidate account went from creation to login through the compiled API and worker in ${seconds(t2)} (${lifecycle.accountId})`);
  } catch (error) {
    for (const child of children) console.error(`--- last lines of the ${child.name}:\n${child.output()}`);
    throw error;
  } finally {
    await Promise.all(children.map((child) => child.stop(5_000)));
    await temporal?.connection.close().catch(() => undefined);
    await stack.stop();
  }
  say(`the compiled build works (${seconds(t0)} in all)`);
}

main().catch((error: Error) => {
  console.error(`[check:build] FAILED: ${error.message}`);
  process.exitCode = 1;
});
