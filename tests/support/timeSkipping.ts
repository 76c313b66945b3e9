import type { WorkflowHandle } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTemporalTestServer } from '../../infra/temporalTestServer.js';
import { parseDuration } from '../../lib/duration.js';
import { allSearchAttributes } from '../../workflows/kit/searchAttributes.js';
import { startWorld, type World } from './world.js';

export interface DaysWorld extends World {
  /**
   * Moves the test server's clock forward by an ISO 8601 duration: the timers due meanwhile fire
   * in order and the workflow tasks and activities they cause run (real activities, PostgreSQL and
   * SMTP). Outside `skip` the server's clock runs at the wall clock's pace. It may land up to a
   * few seconds past the target (see `skipClearOfTimers`).
   */
  skip(duration: string): Promise<void>;
  /** The test server's clock (epoch ms): what `Date.now()` says in a workflow. */
  now(): Promise<number>;
}

/**
 * The platform of `startWorld` (its own database, SMTP receiver, worker, HTTP API) on Temporal's
 * time-skipping test server instead of the dev server, one server per test file: its clock is
 * global, so a file's tests run one after the other. What it does not do, and the tests respect:
 *   - time never skips while a client awaits an Update's result (decisions are plain API calls);
 *   - PostgreSQL's now() stays on the wall clock, days behind the workflows' (activities that
 *     compare with time take the workflow's clock in their input);
 *   - the search attributes are registered on it here, before any workflow starts;
 *   - a workflow task that cancels a timer which fired while the task was with the worker (a
 *     decision or a withdrawal ending a wait just as a reminder falls due) is refused and the run
 *     stranded (sdk-java#2606, #3088): `skip` never lands just before a timer (below).
 */
export async function startTimeSkippingWorld(env: Record<string, string> = {}): Promise<DaysWorld> {
  const server = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: await resolveTemporalTestServer({ log: console.log }) } },
  });
  try {
    await server.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(
        allSearchAttributes.map((key) => [key.name, indexedValueType(TypedSearchAttributes.toMetadataType(key.type))]),
      ),
    });
    const world = await startWorld({ ...env, TEMPORAL_ADDRESS: server.address });
    return {
      ...world,
      async skip(duration) {
        const ms = parseDuration(duration);
        if (ms === undefined) throw new TypeError(`not an ISO 8601 duration: ${duration}`);
        await skipClearOfTimers(server, ms);
      },
      now: () => server.currentTimeMs(),
      async stop() {
        await world.stop();
        await server.teardown();
      },
    };
  } catch (error) {
    await server.teardown();
    throw error;
  }
}

/** A timer due this close after a skip lands could fire while the test's next message is handled. */
const TIMER_GUARD_MS = 10_000;
const SETTLE_TIMEOUT_MS = 15_000;

/**
 * Skips `ms`, then goes on past any timer due within `TIMER_GUARD_MS` of where it landed (a timer
 * of a day-scale plan lands a few milliseconds late, each workflow task's time being that of its
 * start, so one may be due just after the target). Before and after, it waits for the workflows
 * to settle (no workflow task in flight), so no task that may cancel a timer straddles a skip.
 */
async function skipClearOfTimers(server: TestWorkflowEnvironment, ms: number): Promise<void> {
  await settle(server);
  await server.sleep(ms);
  for (let guard = 0; guard < 20; guard++) {
    await settle(server);
    const now = await server.currentTimeMs();
    const soon = (await pendingTimers(server)).filter((due) => due - now <= TIMER_GUARD_MS);
    if (soon.length === 0) return;
    await server.sleep(Math.max(...soon) - now + 1000);
  }
  throw new Error('timers keep falling due right after the skip');
}

/** Waits until no open workflow has a workflow task scheduled or running. */
async function settle(server: TestWorkflowEnvironment): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while ((await openHistories(server)).some((events) => taskInFlight(events.at(-1)))) {
    if (Date.now() > deadline) throw new Error('the workflows did not settle: a workflow task is still in flight');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

const taskInFlight = (event: HistoryEvent | undefined) =>
  !!event && (!!event.workflowTaskScheduledEventAttributes || !!event.workflowTaskStartedEventAttributes);

/** When each timer not yet fired nor cancelled is due (server clock, epoch ms). */
async function pendingTimers(server: TestWorkflowEnvironment): Promise<number[]> {
  const due: number[] = [];
  for (const events of await openHistories(server)) {
    const started = new Map<string, number>();
    for (const event of events) {
      const timer = event.timerStartedEventAttributes;
      if (timer?.timerId) started.set(timer.timerId, tsToMs(event.eventTime) + tsToMs(timer.startToFireTimeout));
      const ended = event.timerFiredEventAttributes?.timerId ?? event.timerCanceledEventAttributes?.timerId;
      if (ended) started.delete(ended);
    }
    due.push(...started.values());
  }
  return due;
}

async function openHistories(server: TestWorkflowEnvironment): Promise<HistoryEvent[][]> {
  const open = await server.connection.workflowService.listOpenWorkflowExecutions({ namespace: 'default', maximumPageSize: 1000 });
  return Promise.all(
    (open.executions ?? []).map(async ({ execution }) => {
      const history = await server.client.workflow.getHandle(execution!.workflowId!, execution!.runId!).fetchHistory();
      return history.events ?? [];
    }),
  );
}

/** The operator service's IndexedValueType numbers (@temporalio/proto is not a direct dependency). */
const indexedValueTypes: Record<string, number> = { Text: 1, Keyword: 2, Int: 3, Double: 4, Bool: 5, Datetime: 6, KeywordList: 7 };

function indexedValueType(metadataType: string): number {
  const value = indexedValueTypes[metadataType];
  if (value === undefined) throw new Error(`unknown search attribute type ${metadataType}`);
  return value;
}
