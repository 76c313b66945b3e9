import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowsPath } from '../../worker.js';
import { candidateAccountWorkflowId } from '../../workflows/candidateAccount/contract.js';
import { linkIn } from '../support/mailbox.js';
import { followLink, newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Recorded histories must keep replaying against the current workflow code: a change that would
 * break running executions fails here (use `patched()` for such changes). `RECORD_HISTORIES=1`
 * refreshes the committed recordings in tests/histories/.
 */
const historiesDir = join(import.meta.dirname, '..', 'histories');

let world: World;
beforeAll(async () => {
  world = await startWorld({ ACCOUNT_VALIDATION_WINDOW: 'PT3S' });
});
afterAll(() => world?.stop());

async function recordOutcome(outcome: 'validated' | 'purged') {
  const candidate = newCandidate();
  const created = await world.api('POST', '/api/candidates', candidate);
  const link = linkIn(await world.mailbox.waitFor(candidate.email));
  if (outcome === 'validated') await followLink(world, link);
  const handle = world.temporal.workflow.getHandle(candidateAccountWorkflowId(created.body.accountId));
  expect(await handle.result()).toBe(outcome);
  return { workflowId: handle.workflowId, history: await handle.fetchHistory() };
}

describe('replay', () => {
  it('when fresh histories of each outcome are replayed, then the code is deterministic', async () => {
    const recorded = [await recordOutcome('validated'), await recordOutcome('purged')];
    if (process.env.RECORD_HISTORIES) {
      for (const [i, { history }] of recorded.entries()) {
        writeFileSync(join(historiesDir, `candidateAccount-${i === 0 ? 'validated' : 'purged'}.json`), historyToJSON(history));
      }
    }
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath }, recorded)) results.push(result);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
  });

  it('when the committed histories are replayed, then they still replay', async () => {
    const files = existsSync(historiesDir) ? readdirSync(historiesDir).filter((f) => f.endsWith('.json')) : [];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      // Same format as the Temporal UI's « Download » and `temporal workflow show --output json`.
      const history = JSON.parse(readFileSync(join(historiesDir, file), 'utf8'));
      await expect(Worker.runReplayHistory({ workflowsPath }, history, file)).resolves.toBeUndefined();
    }
  });
});
