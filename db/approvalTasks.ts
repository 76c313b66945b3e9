import type { DbOrTx } from './connection.js';

/** Whether a staff member was ever given a task of this request (any step, any status): they may read its audit. */
export async function wasAskedToDecide(db: DbOrTx, workflowId: string, staffId: string): Promise<boolean> {
  return !!(await db('approval_tasks').where({ workflow_id: workflowId, staff_id: staffId }).first('id'));
}
