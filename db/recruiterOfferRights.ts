import type { Db } from './connection.js';
import { updateRecruiter } from './recruiterAccounts.js';

/** Grants or takes back a recruiter's right to post offers; who changed it and when are kept. */
export async function setOfferPostingRight(db: Db, recruiterId: string, right: { allowed: boolean; changedBy: string }): Promise<void> {
  await updateRecruiter(db, recruiterId, {
    can_post_offers: right.allowed,
    offers_right_changed_by: right.changedBy,
    offers_right_changed_at: db.fn.now(),
  });
}
