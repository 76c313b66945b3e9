import { adminAuditPage, allAdminActions, recordAdminAction } from '../../db/adminAudit.js';
import { recordAudit } from '../../db/approvalAudit.js';
import { findApprovalRequest, findTask } from '../../db/approvals.js';
import { findStaffById } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { reassignUpdate, type StaffRole } from '../../workflows/kit/approval/contract.js';
import { csvField } from '../approvals/audit.js';
import type { ApiDeps } from '../deps.js';
import { refusalAsAppError } from '../errors.js';
import { createPortalUseCases } from '../portal/useCases.js';
import { createRecruiterRegistrationUseCases } from '../recruiterRegistration/useCases.js';
import type { StaffPrincipal } from '../staff/useCases.js';
import { createStaffUseCases } from '../staff/useCases.js';

/** Who acts, from where: every administrative action is logged with both. */
export interface AdminActor {
  principal: StaffPrincipal;
  ip: string;
}

type Grants = { role: StaffRole; scope?: string | undefined }[];
const describeRoles = (roles: Grants) => roles.map((r) => (r.scope ? `${r.role} ${r.scope}` : r.role)).join(', ');

/**
 * The administrateur's use cases behind the administration pages: each one the existing use case
 * (staff accounts, portal content) or the lifecycle's Update (reassignment), plus one line in the
 * log of administrative actions (who, what, which target, when, from which address).
 */
export function createAdminUseCases(deps: ApiDeps) {
  const { db, temporal } = deps;
  const staff = createStaffUseCases(deps);
  const portal = createPortalUseCases(deps);
  const recruiters = createRecruiterRegistrationUseCases(deps);

  const log = (actor: AdminActor, action: string, target: string, details: Record<string, unknown> = {}) =>
    recordAdminAction(db, {
      actorStaffId: actor.principal.id,
      actorName: actor.principal.displayName,
      action,
      target,
      details,
      ip: actor.ip,
    });

  function requireAdmin(principal: StaffPrincipal): void {
    if (!principal.roles.some((r) => r.role === 'administrateur')) throw new AppError(ErrorKind.Forbidden, msg('staff.adminOnly'));
  }

  return {
    requireAdmin,

    async createStaff(actor: AdminActor, input: { email: string; displayName: string; password?: string | undefined; roles: Grants }) {
      requireAdmin(actor.principal);
      const created = await staff.create(input);
      await log(actor, 'staff.created', input.email, { displayName: input.displayName, roles: describeRoles(input.roles) });
      return created;
    },

    async updateStaff(actor: AdminActor, staffId: string, input: { displayName?: string; active?: boolean; roles?: Grants }) {
      requireAdmin(actor.principal);
      const before = await findStaffById(db, staffId);
      const updated = await staff.update(staffId, input);
      const details: Record<string, unknown> = {};
      if (input.roles) details.roles = describeRoles(input.roles);
      if (input.active !== undefined && input.active !== before?.active) details.active = input.active;
      if (input.displayName && input.displayName !== before?.display_name) details.displayName = input.displayName;
      await log(actor, input.active === false ? 'staff.deactivated' : 'staff.updated', updated.email, details);
      return updated;
    },

    /**
     * Moves an open task to another member of staff, through the lifecycle (`approval.reassign`):
     * the reason and who asked go to the request's audit trail and to the log, not to the history.
     */
    async reassign(actor: AdminActor, taskId: string, input: { toStaffId: string; reason: string }) {
      requireAdmin(actor.principal);
      const task = await findTask(db, taskId);
      const request = task ? await findApprovalRequest(db, task.workflow_id, task.step) : undefined;
      if (!task || !request) throw new AppError(ErrorKind.NotFound, msg('approval.taskNotFound'));
      if (task.status !== 'pending' || request.status !== 'pending') throw new AppError(ErrorKind.Conflict, msg('admin.taskNotOpen'));
      const to = await findStaffById(db, input.toStaffId);
      if (!to?.active) throw new AppError(ErrorKind.Validation, msg('http.invalidFields'), { toStaffId: msg('admin.unknownStaff') });
      try {
        await temporal.workflow
          .getHandle(task.workflow_id)
          .executeUpdate(reassignUpdate, { args: [{ step: task.step, fromKey: task.approver_key, toStaffId: to.id }] });
      } catch (error) {
        throw refusalAsAppError(error) ?? error;
      }
      const at = new Date();
      await recordAudit(db, {
        workflowId: task.workflow_id,
        entryKey: `${task.step}:reassigned:${task.id}:${to.id}`,
        step: task.step,
        event: 'reassigned',
        actorName: actor.principal.displayName,
        actorKey: actor.principal.key,
        reason: input.reason,
        details: { from: task.approver_name, to: to.display_name },
        at,
      });
      await log(actor, 'task.reassigned', `${task.workflow_id} / ${task.step}`, {
        from: task.approver_name,
        to: to.display_name,
        reason: input.reason,
      });
    },

    /** Validated recruiters and their offer-posting right (« inscription simple sans dépôt d'offres »). */
    async recruiters(actor: AdminActor) {
      requireAdmin(actor.principal);
      return db('recruiter_accounts')
        .where({ status: 'active' })
        .select('id', 'company_name', 'contact_first_name', 'contact_last_name', 'email', 'can_post_offers')
        .orderBy('company_name');
    },

    async setOfferPosting(actor: AdminActor, recruiterId: string, allowed: boolean) {
      const recruiter = await recruiters.setOfferPosting(actor.principal.id, recruiterId, allowed);
      await log(actor, allowed ? 'recruiter.offerPostingGranted' : 'recruiter.offerPostingRevoked', recruiterId);
      return recruiter;
    },

    async addFaq(actor: AdminActor, input: Parameters<typeof portal.addFaqEntry>[1]) {
      const created = await portal.addFaqEntry(actor.principal.id, input);
      await log(actor, 'faq.added', created.id, { question: input.questionFr });
      return created;
    },

    async changeFaq(actor: AdminActor, id: string, input: Parameters<typeof portal.changeFaqEntry>[2]) {
      await portal.changeFaqEntry(actor.principal.id, id, input);
      await log(actor, 'faq.changed', id, { question: input.questionFr });
    },

    async removeFaq(actor: AdminActor, id: string) {
      await portal.removeFaqEntry(actor.principal.id, id);
      await log(actor, 'faq.removed', id);
    },

    async logPage(actor: AdminActor, before?: string) {
      requireAdmin(actor.principal);
      const rows = await adminAuditPage(db, { limit: 51, before });
      return { lines: rows.slice(0, 50), older: rows.length > 50 ? rows[49]!.id : undefined };
    },

    async logCsv(actor: AdminActor): Promise<string> {
      requireAdmin(actor.principal);
      const columns = ['at', 'actor_name', 'action', 'target', 'details', 'ip'] as const;
      const lines = (await allAdminActions(db)).map((line) =>
        columns.map((c) => csvField(c === 'details' ? JSON.stringify(line.details) : line[c])).join(','),
      );
      return `${[columns.join(','), ...lines].join('\r\n')}\r\n`;
    },
  };
}
