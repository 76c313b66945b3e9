import type { DbOrTx } from './connection.js';

export interface AccessControlEvent {
  id: string;
  card_id: string;
  type: 'card.disabled' | 'card.enabled';
  payload: Record<string, unknown>;
  created_at: Date;
  attempts: number;
  acknowledged_at: Date | null;
}

const table = 'access_control_events';

/** The outbox row of one notification; its id is the event id the receiver deduplicates on. */
export async function recordAccessControlEvent(
  db: DbOrTx,
  event: { id: string; cardId: string; type: AccessControlEvent['type']; payload: Record<string, unknown> },
): Promise<AccessControlEvent> {
  await db(table)
    .insert({ id: event.id, card_id: event.cardId, type: event.type, payload: JSON.stringify(event.payload) })
    .onConflict('id')
    .ignore();
  return db(table).where({ id: event.id }).first();
}

export async function countAttempt(db: DbOrTx, id: string): Promise<void> {
  await db(table).where({ id }).increment('attempts', 1);
}

export async function markAcknowledged(db: DbOrTx, id: string): Promise<void> {
  await db(table).where({ id }).whereNull('acknowledged_at').update({ acknowledged_at: db.fn.now() });
}

export async function eventsOfCard(db: DbOrTx, cardId: string): Promise<AccessControlEvent[]> {
  return db(table).where({ card_id: cardId }).orderBy('created_at');
}
