import type { DbOrTx } from './connection.js';

export type PhotoStatus = 'pending' | 'accepted' | 'refused' | 'withdrawn';

export interface CardPhoto {
  id: string;
  card_id: string;
  status: PhotoStatus;
  width: number;
  height: number;
  measures: Record<string, number>;
  refusal_reason: string | null;
  refusal_comment: string | null;
  decided_by: string | null;
  uploaded_at: Date;
  decided_at: Date | null;
  purge_after: Date | null;
}

const photos = 'card_photos';
const columns = [
  'id',
  'card_id',
  'status',
  'width',
  'height',
  'measures',
  'refusal_reason',
  'refusal_comment',
  'decided_by',
  'uploaded_at',
  'decided_at',
  'purge_after',
];

/**
 * A new upload: the pending photo of the card (if any) is withdrawn and its bytes deleted at once
 * (it was never seen by anyone but the student), then the new one becomes the pending photo.
 */
export async function replacePendingPhoto(
  tx: DbOrTx,
  photo: { id: string; cardId: string; jpeg: Buffer; width: number; height: number; measures: Record<string, number> },
): Promise<{ withdrawn: string | undefined }> {
  const [withdrawn] = await tx(photos)
    .where({ card_id: photo.cardId, status: 'pending' })
    .update({ status: 'withdrawn', jpeg: null, decided_at: tx.fn.now() })
    .returning('id');
  await tx(photos).insert({
    id: photo.id,
    card_id: photo.cardId,
    jpeg: photo.jpeg,
    width: photo.width,
    height: photo.height,
    measures: JSON.stringify(photo.measures),
  });
  return { withdrawn: withdrawn?.id };
}

export async function findPhoto(db: DbOrTx, id: string): Promise<CardPhoto | undefined> {
  return db(photos).where({ id }).first(columns);
}

export async function photoBytes(db: DbOrTx, id: string): Promise<Buffer | undefined> {
  const row = await db(photos).where({ id }).whereNotNull('jpeg').first('jpeg');
  return row?.jpeg;
}

export async function photosOf(db: DbOrTx, cardId: string): Promise<CardPhoto[]> {
  return db(photos).where({ card_id: cardId }).orderBy('uploaded_at', 'desc').select(columns);
}

/** Idempotent: a photo already decided keeps its first decision. */
export async function decidePhoto(
  db: DbOrTx,
  id: string,
  decision: { status: 'accepted' | 'refused'; reason?: string; comment?: string; decidedBy: string; at: Date; purgeAfter?: Date },
): Promise<void> {
  await db(photos)
    .where({ id, status: 'pending' })
    .update({
      status: decision.status,
      refusal_reason: decision.reason ?? null,
      // Written by the card office's use case beforehand (free text stays out of workflow histories).
      ...(decision.comment ? { refusal_comment: decision.comment } : {}),
      decided_by: decision.decidedBy,
      decided_at: decision.at,
      purge_after: decision.purgeAfter ?? null,
    });
}

/** Refused photos past their keeping time lose their bytes (the row stays: the count and the reason). */
export async function purgeRefusedPhotos(db: DbOrTx, now: Date): Promise<number> {
  return db(photos).where('status', 'refused').whereNotNull('jpeg').where('purge_after', '<=', now).update({ jpeg: null });
}

/** The card office's queue: pending photos with the student's identity, oldest first. */
export async function photoQueue(db: DbOrTx, limit = 200) {
  return (
    db(`${photos} as p`)
      .join('student_cards as c', 'c.id', 'p.card_id')
      .join('ent_accounts as a', 'a.id', 'c.ent_account_id')
      // Only photos whose decision step is open: what the card office sees, it can decide.
      .join('approval_requests as r', function () {
        this.on('r.workflow_id', '=', db.raw(`'student-card-' || c.id`))
          .andOn(db.raw(`r.details->>'Photo' = p.id::text`))
          .andOnVal('r.status', '=', 'pending');
      })
      .where('p.status', 'pending')
      .orderBy([{ column: 'p.uploaded_at' }, { column: 'p.id' }])
      .limit(limit)
      .select('p.id', 'p.card_id', 'p.uploaded_at', 'c.rejections', 'a.first_name', 'a.last_name', 'a.student_number') as Promise<
      {
        id: string;
        card_id: string;
        uploaded_at: Date;
        rejections: number;
        first_name: string;
        last_name: string;
        student_number: string | null;
      }[]
    >
  );
}

/**
 * The photo the card office accepted for the student's current card (the live card, else the
 * latest one): what image rights may pass on to other services (api/monCompte/imageRights.ts).
 */
export async function acceptedPhotoOfAccount(db: DbOrTx, entAccountId: string): Promise<Buffer | undefined> {
  const row = await db('student_cards as c')
    .join(`${photos} as p`, 'p.id', 'c.photo_id')
    .where({ 'c.ent_account_id': entAccountId, 'p.status': 'accepted' })
    .whereNotNull('p.jpeg')
    .orderBy('c.created_at', 'desc')
    .first('p.jpeg');
  return row?.jpeg;
}
