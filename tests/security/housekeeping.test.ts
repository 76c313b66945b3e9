import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newRawToken } from '../../lib/secrets.js';
import { housekeepingScheduleId } from '../../workflows/housekeeping/contract.js';
import { ensureHousekeepingSchedule } from '../../workflows/housekeeping/schedule.js';
import { waitUntil } from '../support/approvals.js';
import { loggedInApplicant } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Finding 13: housekeeping by a Temporal Schedule (no cron), created idempotently, visible to
 * operators; its `housekeeping` workflow deletes expired sessions, old login-throttle rows and
 * used or expired tokens, and keeps what still serves.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.temporal.schedule
    .getHandle(housekeepingScheduleId(world.config.temporal.taskQueue))
    .delete()
    .catch(() => undefined);
  await world?.stop();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe('housekeeping', () => {
  it('when the API starts twice, then one Schedule exists; when it runs, then dead sessions, idle throttle rows and spent tokens are gone and live ones stay', async () => {
    const options = { taskQueue: world.config.temporal.taskQueue, everyMs: 3_600_000, retentionMs: 30 * 86_400_000 };
    expect(await ensureHousekeepingSchedule(world.temporal, options)).toBe('created');
    expect(await ensureHousekeepingSchedule(world.temporal, options)).toBe('exists');
    const schedule = world.temporal.schedule.getHandle(housekeepingScheduleId(options.taskQueue));
    const description = await schedule.describe();
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'housekeeping' });

    // What must go, and what must stay.
    const live = await loggedInApplicant(world);
    const accountId = live.accountId;
    const expired = await world
      .db('sessions')
      .insert({ token_hash: hashToken(newRawToken()), principal_kind: 'candidate', principal_id: accountId, expires_at: daysAgo(1) })
      .returning('id');
    await world.db('login_throttle').insert([
      { account_key: 'candidate:old', client_key: 'x', failures: 9, next_attempt_at: daysAgo(2), updated_at: daysAgo(2) },
      { account_key: 'candidate:recent', client_key: 'x', failures: 3, next_attempt_at: new Date(), updated_at: new Date() },
    ]);
    const token = (id: string, fields: Record<string, unknown>) => ({
      id,
      purpose: 'account_validation',
      subject_id: accountId,
      workflow_id: 'housekeeping-test',
      issue_key: `housekeeping-test:${id}`,
      token_hash: hashToken(newRawToken()),
      ...fields,
    });
    const [spent, fresh] = [crypto.randomUUID(), crypto.randomUUID()];
    await world
      .db('one_time_tokens')
      .insert([
        token(spent, { expires_at: daysAgo(40), used_at: daysAgo(40) }),
        token(fresh, { expires_at: new Date(Date.now() + 3_600_000) }),
      ]);

    await schedule.trigger();
    // The run's activities purge in parallel: wait for the workflow the Schedule started to complete.
    const run = await waitUntil(async () => (await schedule.describe()).info.recentActions[0]?.action.workflow, 30_000);
    await world.temporal.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result();
    expect(await world.db('sessions').where({ id: expired[0].id }).first()).toBeUndefined();
    expect(await world.db('login_throttle').where({ account_key: 'candidate:old' }).first()).toBeUndefined();
    expect(await world.db('login_throttle').where({ account_key: 'candidate:recent' }).first()).toBeDefined();
    expect(await world.db('one_time_tokens').where({ id: spent }).first()).toBeUndefined();
    expect(await world.db('one_time_tokens').where({ id: fresh }).first()).toBeDefined();
    expect((await world.api('GET', '/api/me', undefined, live.auth)).status).toBe(200);
  });
});
