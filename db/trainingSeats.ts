import type { Knex } from 'knex';
import type { DbOrTx } from './connection.js';

async function countOf(query: Knex.QueryBuilder): Promise<number> {
  const [row] = await query.count<{ count: number }[]>('* as count');
  return Number(row?.count ?? 0);
}

/** Statuses that hold a seat: accepted, or offered to a wait-listed person who has not answered. */
const holdingSeat = ['accepted', 'seat_offered'];

/**
 * Takes a seat for one pre-registration, or puts it on the wait-list when the session is full.
 * The session row is locked (FOR UPDATE) for the count and the write, so decisions arriving at
 * the same instant are serialised here and capacity is never exceeded. Idempotent on retry.
 */
export async function claimSeat(db: Knex, preRegistrationId: string): Promise<'accepted' | 'waitlisted'> {
  return db.transaction(async (tx) => {
    const row = await tx('pre_registrations').where({ id: preRegistrationId }).first('session_id', 'status');
    if (row.status === 'accepted') return 'accepted' as const;
    if (row.status === 'waitlisted') return 'waitlisted' as const;
    const session = await tx('training_sessions').where({ id: row.session_id }).forUpdate().first('capacity');
    const taken = await countOf(tx('pre_registrations').where({ session_id: row.session_id }).whereIn('status', holdingSeat));
    if (taken < session.capacity) {
      await tx('pre_registrations').where({ id: preRegistrationId }).update({ status: 'accepted', updated_at: tx.fn.now() });
      return 'accepted' as const;
    }
    await tx('pre_registrations')
      .where({ id: preRegistrationId })
      .update({ status: 'waitlisted', waitlisted_at: tx.fn.now(), updated_at: tx.fn.now() });
    return 'waitlisted' as const;
  });
}

/**
 * Puts the request on the waiting list (joining it now), unless it is there already or a seat was
 * reserved for it meanwhile (`seat_offered` is never demoted).
 */
export async function placeOnWaitList(db: DbOrTx, preRegistrationId: string): Promise<void> {
  await db('pre_registrations')
    .where({ id: preRegistrationId })
    .whereNotIn('status', ['waitlisted', 'seat_offered'])
    .update({ status: 'waitlisted', waitlisted_at: db.fn.now(), updated_at: db.fn.now() });
}

/**
 * Reserves the seats now free for the first people on the wait-list (ordered by the instant they
 * joined it), under the same lock. Returns every pre-registration holding an offer that its
 * lifecycle may not know of yet: signalling twice is harmless, forgetting is not.
 */
export async function reserveFreedSeats(db: Knex, sessionId: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    const session = await tx('training_sessions').where({ id: sessionId }).forUpdate().first('capacity', 'state');
    if (!session || session.state === 'cancelled') return [];
    const free =
      session.capacity - (await countOf(tx('pre_registrations').where({ session_id: sessionId }).whereIn('status', holdingSeat)));
    if (free > 0) {
      const next = await tx('pre_registrations')
        .where({ session_id: sessionId, status: 'waitlisted' })
        .orderBy('waitlisted_at')
        .limit(free)
        .pluck('id');
      if (next.length) await tx('pre_registrations').whereIn('id', next).update({ status: 'seat_offered', updated_at: tx.fn.now() });
    }
    return tx('pre_registrations').where({ session_id: sessionId, status: 'seat_offered' }).pluck('id');
  });
}

/** 1-based rank on the wait-list, for the mail that tells the person where they stand. */
export async function waitListRank(db: DbOrTx, preRegistrationId: string): Promise<number | undefined> {
  const row = await db('pre_registrations').where({ id: preRegistrationId }).first('session_id', 'status', 'waitlisted_at');
  if (row?.status !== 'waitlisted') return undefined;
  const ahead = await countOf(
    db('pre_registrations').where({ session_id: row.session_id, status: 'waitlisted' }).where('waitlisted_at', '<', row.waitlisted_at),
  );
  return ahead + 1;
}
