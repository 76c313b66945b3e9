import { externalApproverName } from '../../activities/kit/externalApproverNames.js';
import { type DecisionLink, findDecisionLinkByHash } from '../../db/approvalLinks.js';
import { type ApprovalRequestRow, findApprovalRequest, tasksOfStep } from '../../db/approvals.js';
import { findExternalParty } from '../../db/externalParties.js';
import { findStaffById, rolesOf } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { hashToken } from '../../lib/secrets.js';
import { type Outcome, outcomes } from '../../workflows/kit/approval/contract.js';
import type { ApiDeps } from '../deps.js';
import { createDecisionSender } from './decide.js';

export type DecisionLinkState = 'open' | 'closed' | 'expired';

export interface DecisionLinkView {
  link: DecisionLink;
  request: ApprovalRequestRow;
  approverName: string;
  /** How the page greets them: an external approver by the name the request collected (seed 004: the supervisor). */
  greeting: string;
  onBehalfOf: string | null;
  state: DecisionLinkState;
}

/** The decision links mailed to approvers: describe (GET, changes nothing) and decide (POST). */
export function createDecisionLinkUseCases(deps: ApiDeps) {
  const { db } = deps;
  const sendDecision = createDecisionSender(deps);

  async function view(raw: string): Promise<DecisionLinkView> {
    const link = await findDecisionLinkByHash(db, hashToken(raw));
    const request = link ? await findApprovalRequest(db, link.workflow_id, link.step) : undefined;
    if (!link || !request) throw new AppError(ErrorKind.NotFound, msg('approval.decisionLinkUnknown'));
    const task = (await tasksOfStep(db, link.workflow_id, link.step)).find((t) => t.approver_key === link.approver_key);
    // After the step closes the link shows who decided what and when, even past its expiry.
    const state: DecisionLinkState = request.status !== 'pending' ? 'closed' : link.expires_at.getTime() <= Date.now() ? 'expired' : 'open';
    const approverName = task?.approver_name ?? link.approver_key;
    // An external approver is keyed `party:<id>` (issue 13); their address is in external_parties.
    const party = link.approver_key.startsWith('party:') ? await findExternalParty(db, link.approver_key.slice(6)) : undefined;
    const external = party ? await externalApproverName(db, link.workflow_id, party.email) : undefined;
    return { link, request, approverName, greeting: external ?? approverName, onBehalfOf: task?.on_behalf_of_name ?? null, state };
  }

  return {
    view,

    /** The link itself is the approver's credential: it is bound to them and to this step. */
    async decide(raw: string, form: { outcome?: unknown; reason?: unknown; comment?: unknown }) {
      const current = await view(raw);
      if (current.state === 'expired') throw new AppError(ErrorKind.Expired, msg('approval.decisionLinkExpired'));
      const outcome =
        typeof form.outcome === 'string' && (outcomes as readonly string[]).includes(form.outcome) ? (form.outcome as Outcome) : undefined;
      if (!outcome)
        throw new AppError(ErrorKind.Validation, msg('approval.chooseOutcome'), { outcome: msg('approval.chooseOutcomeField') });
      const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined);
      const reason = text(form.reason, 2000);
      const comment = text(form.comment, 2000);
      const { link } = current;
      const staffId = link.approver_key.startsWith('staff:') ? link.approver_key.slice('staff:'.length) : undefined;
      // A mailed link outlives its holder's account: someone deactivated since decides nothing.
      if (staffId && !(await findStaffById(db, staffId))?.active)
        throw new AppError(ErrorKind.Forbidden, msg('security.approverNoLongerAllowed'));
      const result = await sendDecision(link.workflow_id, {
        step: link.step,
        decider: { key: link.approver_key, roles: staffId ? await rolesOf(db, staffId) : [] },
        channel: 'link',
        outcome,
        ...(reason ? { reason } : {}),
        ...(comment ? { comment } : {}),
      });
      return { result, view: await view(raw) };
    },
  };
}
