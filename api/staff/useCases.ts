import { WorkflowUpdateFailedError } from '@temporalio/client';
import { pendingTasksForHandOver } from '../../db/approvals.js';
import { forgetAccount } from '../../db/loginThrottle.js';
import { createSession, revokeSessionsOf } from '../../db/sessions.js';
import { absencesOf, deleteAbsence, insertAbsence } from '../../db/staffAbsences.js';
import {
  findStaffByEmail,
  findStaffById,
  insertStaff,
  listStaff,
  replaceRoles,
  rolesOf,
  type StaffRoleGrant,
  updateStaff,
} from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { hashToken, newRawToken } from '../../lib/secrets.js';
import { handOverUpdate, removeApproverUpdate, type StaffRole, staffKey } from '../../workflows/kit/approval/contract.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { say } from '../language.js';
import { createPasswordCheck, unknownAccountKey } from '../sessions/loginThrottle.js';

export interface StaffPrincipal {
  id: string;
  key: string;
  email: string;
  displayName: string;
  roles: StaffRoleGrant[];
}

const grantsOf = (roles: { role: StaffRole; scope?: string | undefined }[]): StaffRoleGrant[] =>
  roles.map((r) => ({ role: r.role, scope: r.scope ?? '' }));

/** Why one task was not handed over: its lifecycle's refusal, in the requester's language. */
function handOverRefusal(error: unknown): string {
  return error instanceof WorkflowUpdateFailedError ? toHttpError(error).body.message : say('staff.notHandedOver');
}

/** Staff accounts: login, the admin API (roles and scopes), and absences with a delegate. */
export function createStaffUseCases(deps: ApiDeps) {
  const { db, config, hasher, temporal } = deps;
  const checkPassword = createPasswordCheck(deps);

  async function principal(staffId: string): Promise<StaffPrincipal | undefined> {
    const staff = await findStaffById(db, staffId);
    if (!staff?.active) return undefined;
    return {
      id: staff.id,
      key: staffKey(staff.id),
      email: staff.email,
      displayName: staff.display_name,
      roles: await rolesOf(db, staff.id),
    };
  }

  /** The logged-in staff member, still active: every staff route starts here. */
  async function requirePrincipal(staffId: string): Promise<StaffPrincipal> {
    const me = await principal(staffId);
    if (!me) throw new AppError(ErrorKind.Unauthenticated, msg('session.invalid'));
    return me;
  }

  /**
   * A deactivated member of staff leaves every decision still waiting on them: each lifecycle takes
   * them off the step and asks the other approvers, or escalates (`requestDecision`). One result per task.
   */
  async function withdrawFromPendingDecisions(staffId: string) {
    const results: { taskId: string; status: number; message?: string }[] = [];
    for (const task of await pendingTasksForHandOver(db, staffId)) {
      if (task.request_status !== 'pending') continue;
      try {
        await temporal.workflow
          .getHandle(task.workflow_id)
          .executeUpdate(removeApproverUpdate, { args: [{ step: task.step, approverKey: task.approver_key, reason: 'deactivated' }] });
        results.push({ taskId: task.id, status: 200 });
      } catch (error) {
        results.push({ taskId: task.id, status: 409, message: handOverRefusal(error) });
      }
    }
    return results;
  }

  return {
    principal,
    requirePrincipal,

    /** Same throttle and timing as every login (api/sessions/loginThrottle.ts). */
    async login(input: { email: string; password: string }, clientIp: string) {
      const staff = await findStaffByEmail(db, input.email);
      const passwordOk = await checkPassword({
        accountKey: staff ? staffKey(staff.id) : unknownAccountKey('staff', input.email),
        clientIp,
        passwordHash: staff?.password_hash,
        password: input.password,
      });
      if (!staff?.active || !staff.password_hash || !passwordOk) {
        throw new AppError(ErrorKind.Unauthenticated, msg('session.badCredentials'));
      }
      const raw = newRawToken();
      const session = await createSession(db, {
        tokenHash: hashToken(raw),
        principalKind: 'staff',
        principalId: staff.id,
        expiresAt: new Date(Date.now() + config.lifetimes.sessionMs),
      });
      return { token: raw, expiresAt: session.expires_at, staff: (await principal(staff.id))! };
    },

    async requireAdmin(staffId: string): Promise<StaffPrincipal> {
      const me = await requirePrincipal(staffId);
      if (!me.roles.some((r) => r.role === 'administrateur')) throw new AppError(ErrorKind.Forbidden, msg('staff.adminOnly'));
      return me;
    },

    list: () => listStaff(db),

    async create(input: {
      email: string;
      displayName: string;
      password?: string | undefined;
      roles: { role: StaffRole; scope?: string | undefined }[];
    }) {
      const passwordHash = input.password ? await hasher.hash(input.password) : null;
      return db.transaction(async (tx) => {
        const staff = await insertStaff(tx, { email: input.email, displayName: input.displayName, passwordHash });
        if (!staff) throw new AppError(ErrorKind.Conflict, msg('staff.emailTaken'), { email: msg('staff.emailTakenField') });
        await replaceRoles(tx, staff.id, grantsOf(input.roles));
        return { id: staff.id };
      });
    },

    async update(
      staffId: string,
      input: {
        displayName?: string | undefined;
        active?: boolean | undefined;
        password?: string | undefined;
        roles?: { role: StaffRole; scope?: string | undefined }[] | undefined;
      },
    ) {
      const passwordHash = input.password ? await hasher.hash(input.password) : undefined;
      const deactivated = input.active === false;
      await db.transaction(async (tx) => {
        const found = await updateStaff(tx, staffId, {
          displayName: input.displayName,
          active: input.active,
          ...(passwordHash ? { passwordHash } : {}),
        });
        if (!found) throw new AppError(ErrorKind.NotFound, msg('staff.notFound'));
        if (input.roles) await replaceRoles(tx, staffId, grantsOf(input.roles));
        // Deactivation and a password set by the administrateur end every open session at once;
        // a new password also clears the login delays of the account.
        if (deactivated || passwordHash) await revokeSessionsOf(tx, 'staff', staffId);
        if (passwordHash) await forgetAccount(tx, staffKey(staffId));
      });
      const handedOver = deactivated ? await withdrawFromPendingDecisions(staffId) : [];
      return { ...(await listStaff(db)).find((s) => s.id === staffId)!, handedOver };
    },

    absences: (staffId: string) => absencesOf(db, staffId),

    async removeAbsence(staffId: string, absenceId: string) {
      if (!(await deleteAbsence(db, staffId, absenceId))) throw new AppError(ErrorKind.NotFound, msg('staff.absenceNotFound'));
    },

    /**
     * Declares an absence: tasks created during the window go to the delegate (resolved when each
     * step notifies). With `handOverPending`, tasks already waiting are handed over now, each
     * through its lifecycle (a per-task result: a task decided meanwhile is simply reported).
     */
    async declareAbsence(staffId: string, input: { startsAt: Date; endsAt: Date; delegateId: string; handOverPending: boolean }) {
      if (input.endsAt <= input.startsAt)
        throw new AppError(ErrorKind.Validation, msg('staff.absenceOrder'), { endsAt: msg('staff.absenceOrderField') });
      if (input.delegateId === staffId)
        throw new AppError(ErrorKind.Validation, msg('staff.selfDelegation'), { delegateId: msg('staff.selfDelegationField') });
      const delegate = await findStaffById(db, input.delegateId);
      if (!delegate?.active)
        throw new AppError(ErrorKind.Validation, msg('staff.unknownDelegate'), { delegateId: msg('staff.unknownDelegateField') });
      const absence = await insertAbsence(db, { staffId, ...input });
      const handedOver: { taskId: string; status: number; message?: string }[] = [];
      if (input.handOverPending) {
        for (const task of await pendingTasksForHandOver(db, staffId)) {
          try {
            await temporal.workflow
              .getHandle(task.workflow_id)
              .executeUpdate(handOverUpdate, { args: [{ step: task.step, fromKey: task.approver_key, toStaffId: input.delegateId }] });
            handedOver.push({ taskId: task.id, status: 200 });
          } catch (error) {
            handedOver.push({ taskId: task.id, status: 409, message: handOverRefusal(error) });
          }
        }
      }
      return { absence, handedOver };
    },
  };
}
