import { type LifecycleEvent, recordLifecycleEvent as writeEvent } from '../../db/lifecycleEvents.js';
import type { ActivityDeps } from './context.js';

export function createActivities({ db }: ActivityDeps) {
  return {
    /** Idempotent projection write (upsert on workflow id + step). */
    async recordLifecycleEvent(event: LifecycleEvent): Promise<void> {
      await writeEvent(db, event);
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createActivities>;
