import type { DbOrTx } from './connection.js';

export interface StaffAbsence {
  id: string;
  staff_id: string;
  delegate_id: string;
  starts_at: Date;
  ends_at: Date;
}

const table = 'staff_absences';

export async function insertAbsence(
  db: DbOrTx,
  absence: { staffId: string; delegateId: string; startsAt: Date; endsAt: Date },
): Promise<StaffAbsence> {
  const [row] = await db(table)
    .insert({ staff_id: absence.staffId, delegate_id: absence.delegateId, starts_at: absence.startsAt, ends_at: absence.endsAt })
    .returning('*');
  return row;
}

export async function absencesOf(db: DbOrTx, staffId: string): Promise<StaffAbsence[]> {
  return db(table).where({ staff_id: staffId }).orderBy('starts_at');
}

export async function deleteAbsence(db: DbOrTx, staffId: string, id: string): Promise<boolean> {
  return (await db(table).where({ staff_id: staffId, id }).delete()) > 0;
}

/** The absence covering `at`, if any (the most recently declared wins when windows overlap). */
export async function absenceAt(db: DbOrTx, staffId: string, at: Date): Promise<StaffAbsence | undefined> {
  return db(table)
    .where({ staff_id: staffId })
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .orderBy('created_at', 'desc')
    .first();
}
