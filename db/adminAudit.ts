import type { DbOrTx } from './connection.js';

/** One administrative action, as the log keeps it. */
export interface AdminAuditLine {
  id: string;
  at: Date;
  actor_staff_id: string | null;
  actor_name: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  ip: string | null;
}

export async function recordAdminAction(
  db: DbOrTx,
  entry: { actorStaffId: string; actorName: string; action: string; target: string; details?: Record<string, unknown>; ip?: string },
): Promise<void> {
  await db('admin_audit_log').insert({
    actor_staff_id: entry.actorStaffId,
    actor_name: entry.actorName,
    action: entry.action,
    target: entry.target,
    details: JSON.stringify(entry.details ?? {}),
    ip: entry.ip ?? null,
  });
}

/** Newest first, keyset on the id (`before`: the last id of the previous page). */
export async function adminAuditPage(db: DbOrTx, page: { limit: number; before?: string | undefined }): Promise<AdminAuditLine[]> {
  const query = db('admin_audit_log').select('*').orderBy('id', 'desc').limit(page.limit);
  if (page.before) query.where('id', '<', page.before);
  return query;
}

/** Every line, oldest first (the CSV export). */
export async function allAdminActions(db: DbOrTx): Promise<AdminAuditLine[]> {
  return db('admin_audit_log').select('*').orderBy('id', 'asc');
}
