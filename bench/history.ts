/**
 * Where a lifecycle's time goes, read from the workflow histories themselves: for each activity
 * type, the wait for a worker slot (scheduled → started) and the execution (started → completed);
 * for workflow tasks, the dispatch (scheduled → started) and the processing (started → completed).
 */
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';

interface HistoryEvent {
  eventId: string;
  eventTime: string;
  eventType: string;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string } };
  activityTaskStartedEventAttributes?: { scheduledEventId?: string };
  activityTaskCompletedEventAttributes?: { scheduledEventId?: string };
  workflowTaskStartedEventAttributes?: { scheduledEventId?: string };
  workflowTaskCompletedEventAttributes?: { startedEventId?: string };
}

export type Breakdown = Record<string, { count: number; meanMs: number; p95Ms: number }>;

export async function historyBreakdown(client: Client, workflowIds: string[]): Promise<Breakdown> {
  const samples = new Map<string, number[]>();
  const add = (key: string, ms: number) => {
    const list = samples.get(key) ?? [];
    list.push(ms);
    samples.set(key, list);
  };
  for (const workflowId of workflowIds) {
    const history = JSON.parse(historyToJSON(await client.workflow.getHandle(workflowId).fetchHistory()));
    const events: HistoryEvent[] = history.events ?? [];
    const byId = new Map(events.map((event) => [String(event.eventId), event]));
    const time = (event?: HistoryEvent) => (event ? Date.parse(event.eventTime) : Number.NaN);
    const started = new Map<string, HistoryEvent>();
    for (const event of events) {
      const type = event.eventType.replace('EVENT_TYPE_', '');
      if (type === 'ACTIVITY_TASK_STARTED') started.set(String(event.activityTaskStartedEventAttributes?.scheduledEventId), event);
      if (type === 'ACTIVITY_TASK_COMPLETED') {
        const scheduledId = String(event.activityTaskCompletedEventAttributes?.scheduledEventId);
        const scheduled = byId.get(scheduledId);
        const name = scheduled?.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
        const start = started.get(scheduledId);
        add(`activity ${name}: wait for a worker slot`, time(start) - time(scheduled));
        add(`activity ${name}: execution`, time(event) - time(start));
      }
      if (type === 'WORKFLOW_TASK_STARTED') {
        const scheduled = byId.get(String(event.workflowTaskStartedEventAttributes?.scheduledEventId));
        if (scheduled) add('workflow task: dispatch (scheduled → started)', time(event) - time(scheduled));
      }
      if (type === 'WORKFLOW_TASK_COMPLETED') {
        const start = byId.get(String(event.workflowTaskCompletedEventAttributes?.startedEventId));
        if (start) add('workflow task: processing (started → completed)', time(event) - time(start));
      }
    }
  }
  const result: Breakdown = {};
  for (const [key, values] of [...samples.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    result[key] = {
      count: sorted.length,
      meanMs: Math.round((sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)) * 10) / 10,
      p95Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN,
    };
  }
  return result;
}

/**
 * One history as lines « +ms EVENT (activity or marker) », times relative to the first event
 * matching `from` (e.g. the first accepted Update): to see where one decision's time goes.
 */
export async function timeline(client: Client, workflowId: string, from: RegExp, count = 24): Promise<string[]> {
  const history = JSON.parse(historyToJSON(await client.workflow.getHandle(workflowId).fetchHistory()));
  const events: (HistoryEvent & { markerRecordedEventAttributes?: { markerName?: string } })[] = history.events ?? [];
  const byId = new Map(events.map((event) => [String(event.eventId), event]));
  const origin = events.findIndex((event) => from.test(event.eventType));
  if (origin < 0) return [];
  const t0 = Date.parse(events[origin]!.eventTime);
  return events.slice(origin, origin + count).map((event) => {
    const type = event.eventType.replace('EVENT_TYPE_', '');
    const scheduledId =
      event.activityTaskStartedEventAttributes?.scheduledEventId ?? event.activityTaskCompletedEventAttributes?.scheduledEventId;
    const activity = (scheduledId ? byId.get(String(scheduledId)) : event)?.activityTaskScheduledEventAttributes?.activityType?.name;
    const what = activity ?? event.markerRecordedEventAttributes?.markerName;
    return `+${String(Date.parse(event.eventTime) - t0).padStart(5)} ms ${type}${what ? ` (${what})` : ''}`;
  });
}
