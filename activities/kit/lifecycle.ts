import type { DbOrTx } from '../../db/connection.js';
import { readFreeText } from '../../db/freeTexts.js';
import { type LifecycleEvent, recordLifecycleEvent } from '../../db/lifecycleEvents.js';
import type { ActivityDeps } from './context.js';
import { partyName } from './parties.js';

/** One phase entered by a lifecycle (workflows/kit/lifecycle.ts), as the workflow describes it. */
export interface PhaseEntry extends Required<Pick<LifecycleEvent, 'workflowId' | 'kind' | 'subjectId' | 'step' | 'status'>> {
  details: Record<string, unknown>;
  /** The workflow's clock (epoch ms): on the time-skipping test server it is ahead of PostgreSQL's. */
  at: number;
  /** Write the domain status too, through the kind's projection. */
  project: boolean;
  /** The version of the subject this phase is about (see `LifecycleOptions.version`). */
  version?: number;
}

/**
 * How a lifecycle kind writes its domain status (e.g. `job_offers.status`), inside the transaction
 * that records the event. Each `activities/<lifecycle>.ts` exports its own as `phaseProjections`,
 * keyed by kind; `activities/index.ts` gathers them, so no shared list is edited by hand.
 */
export type PhaseProjection = (tx: DbOrTx, entry: PhaseEntry) => Promise<void>;
export type PhaseProjections = Record<string, PhaseProjection>;

export function createActivities({ db, phaseProjections = {} }: ActivityDeps) {
  return {
    /**
     * A local activity (a few milliseconds, no server round trip): the domain status and the
     * `lifecycle_events` row in one transaction, both idempotent (a retry lands on the same row).
     */
    async enterLifecyclePhase(entry: PhaseEntry): Promise<void> {
      const project = entry.project ? phaseProjections[entry.kind] : undefined;
      // Retried, so a worker started without the kind's projection shows in the UI instead of skipping it.
      if (entry.project && !project) throw new Error(`no phase projection registered for the lifecycle kind "${entry.kind}"`);
      // The workflow names deciders by key; the event (shown to people) keeps their names, read here.
      const details = { ...entry.details };
      for (const field of ['decidedBy', 'onBehalfOf'] as const) {
        const key = details[field];
        if (typeof key === 'string' && /^[a-z]+(:|$)/.test(key)) details[field] = await partyName(db, key);
      }
      // Reasons and comments typed by people travel as ids in `free_texts`: the event keeps the texts.
      for (const [idField, field] of [
        ['reasonId', 'reason'],
        ['commentId', 'comment'],
      ] as const) {
        const id = details[idField];
        if (typeof id !== 'string') continue;
        delete details[idField];
        const text = await readFreeText(db, id);
        if (text) details[field] = text;
      }
      const named = { ...entry, details };
      await db.transaction(async (tx) => {
        await project?.(tx, named);
        await recordLifecycleEvent(tx, { ...named, at: new Date(entry.at) });
      });
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createActivities>;
