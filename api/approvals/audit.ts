import { type AuditLine, auditOf } from '../../db/approvalAudit.js';
import { approvalRequestsOf } from '../../db/approvals.js';
import { wasAskedToDecide } from '../../db/approvalTasks.js';
import type { Session } from '../../db/sessions.js';
import { rolesOf } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';

const columns = ['at', 'step', 'event', 'actor_name', 'on_behalf_of_name', 'channel', 'outcome', 'reason', 'comment'] as const;

/** RFC 4180 field; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  let text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(lines: AuditLine[]): string {
  return `${[columns.join(','), ...lines.map((line) => columns.map((c) => csvField(line[c])).join(','))].join('\r\n')}\r\n`;
}

/**
 * The audit trail of one request (every decision step of one lifecycle): who asked, who was
 * notified and when, reminders, escalations, hand-overs, who decided what, when, how, and why.
 * Readable by administrators, by anyone who was asked to decide, and by the requester.
 */
export function createAuditUseCases({ db }: ApiDeps) {
  return {
    async trail(session: Session, workflowId: string) {
      const steps = await approvalRequestsOf(db, workflowId);
      if (!steps.length) throw new AppError(ErrorKind.NotFound, msg('approval.requestNotFound'));
      const me = `${session.principal_kind}:${session.principal_id}`;
      const isRequester = steps.some((s) => s.requester_key === me);
      const isAdmin =
        session.principal_kind === 'staff' && (await rolesOf(db, session.principal_id)).some((r) => r.role === 'administrateur');
      const wasAsked = session.principal_kind === 'staff' && (await wasAskedToDecide(db, workflowId, session.principal_id));
      if (!isRequester && !isAdmin && !wasAsked) throw new AppError(ErrorKind.NotFound, msg('approval.requestNotFound'));
      return { workflowId, title: steps[0]!.title, entries: await auditOf(db, workflowId) };
    },
  };
}
