import type { DbOrTx } from './connection.js';

/** The card's life, after ESUP-SGC (request → checked → in print → printed → encoded → enabled …). */
export const cardStatuses = [
  'awaiting_photo',
  'photo_pending',
  'photo_refused',
  'request_checked',
  'in_print',
  'printed',
  'encoded',
  'ready',
  'enabled',
  'disabled',
  'expired',
  'replaced',
  'cancelled',
] as const;
export type CardStatus = (typeof cardStatuses)[number];
export const oppositionMotives = ['lost', 'theft', 'out_of_order'] as const;
export type OppositionMotive = (typeof oppositionMotives)[number];
/** Statuses after which the card is over (a new request or a replacement may follow). */
export const finalCardStatuses: readonly CardStatus[] = ['expired', 'replaced', 'cancelled'];

export interface StudentCard {
  id: string;
  ent_account_id: string;
  status: CardStatus;
  photo_id: string | null;
  rejections: number;
  disabled_motive: OppositionMotive | null;
  disabled_at: Date | null;
  replaces_card_id: string | null;
  replacement_fee_cents: number;
  valid_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

const cards = 'student_cards';

export async function insertCard(
  db: DbOrTx,
  card: { id: string; entAccountId: string; photoId?: string | null; replacesCardId?: string; feeCents?: number },
): Promise<StudentCard | undefined> {
  const [row] = await db(cards)
    .insert({
      id: card.id,
      ent_account_id: card.entAccountId,
      photo_id: card.photoId ?? null,
      replaces_card_id: card.replacesCardId ?? null,
      replacement_fee_cents: card.feeCents ?? 0,
    })
    .onConflict('id')
    .ignore()
    .returning('*');
  return row ?? (await findCard(db, card.id));
}

export async function findCard(db: DbOrTx, id: string): Promise<StudentCard | undefined> {
  return db(cards).where({ id }).first();
}

export async function findCardForUpdate(db: DbOrTx, id: string): Promise<StudentCard | undefined> {
  return db(cards).where({ id }).forUpdate().first();
}

/** The student's current card (in progress or in use), else their latest. */
export async function currentCardOf(db: DbOrTx, entAccountId: string): Promise<StudentCard | undefined> {
  return db(cards)
    .where({ ent_account_id: entAccountId })
    .orderByRaw(`(status IN ('expired', 'replaced', 'cancelled')) ASC, created_at DESC`)
    .first();
}

export async function cardsOf(db: DbOrTx, entAccountId: string): Promise<StudentCard[]> {
  return db(cards).where({ ent_account_id: entAccountId }).orderBy('created_at', 'desc');
}

export async function setCardStatus(db: DbOrTx, id: string, status: CardStatus): Promise<void> {
  await db(cards).where({ id }).update({ status, updated_at: db.fn.now() });
}

export async function updateCard(db: DbOrTx, id: string, values: Partial<Omit<StudentCard, 'id'>>): Promise<void> {
  await db(cards)
    .where({ id })
    .update({ ...values, updated_at: db.fn.now() });
}

/** Cards at one production status, oldest first, with the holder's identity (card office lists). */
export async function cardsAt(db: DbOrTx, statuses: readonly CardStatus[], limit = 500) {
  return db(`${cards} as c`)
    .join('ent_accounts as a', 'a.id', 'c.ent_account_id')
    .whereIn('c.status', statuses)
    .orderBy([{ column: 'c.updated_at' }, { column: 'c.id' }])
    .limit(limit)
    .select(
      'c.id',
      'c.status',
      'c.photo_id',
      'c.disabled_motive',
      'c.updated_at',
      'a.first_name',
      'a.last_name',
      'a.student_number',
      'a.email',
    ) as Promise<CardWithHolder[]>;
}

export interface CardWithHolder {
  id: string;
  status: CardStatus;
  photo_id: string | null;
  disabled_motive: OppositionMotive | null;
  updated_at: Date;
  first_name: string;
  last_name: string;
  student_number: string | null;
  email: string | null;
}
