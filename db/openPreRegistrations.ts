import type { DbOrTx } from './connection.js';
import type { PreRegistrationStatus } from './preRegistrations.js';

/** Ids of a session's pre-registrations still in progress (not in one of `closed`): those a session change must reach. */
export async function openPreRegistrationIds(db: DbOrTx, sessionId: string, closed: readonly PreRegistrationStatus[]): Promise<string[]> {
  return db('pre_registrations')
    .where({ session_id: sessionId })
    .whereNotIn('status', [...closed])
    .pluck('id');
}
