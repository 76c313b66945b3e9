import type { DbOrTx } from '../../db/connection.js';

/**
 * The name to greet an approver known only by an address (no staff account) with: the name the
 * request itself collected for them, read from PostgreSQL when the mail is written (never carried
 * by the workflow). Seed 004: step 4 names the supérieur hiérarchique; a freed seat is offered to
 * the applicant, named at step 1. Without a known name, the address is used.
 */
export async function externalApproverName(db: DbOrTx, workflowId: string, email: string): Promise<string | undefined> {
  const training = /^training-pre-registration-([0-9a-f-]{36})$/.exec(workflowId);
  if (!training) return undefined;
  const row = await db('pre_registrations').where({ id: training[1] }).first('identity', 'supervisor');
  if (!row) return undefined;
  const address = email.trim().toLowerCase();
  const named = (person: { firstName?: string; lastName?: string; email?: string } | null) =>
    person?.firstName || person?.lastName ? `${person.firstName ?? ''} ${person.lastName ?? ''}`.trim() : undefined;
  if (row.supervisor?.email && String(row.supervisor.email).trim().toLowerCase() === address) return named(row.supervisor);
  return named(row.identity);
}
