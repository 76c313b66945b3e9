import { type ApprovalRequestRow, findApprovalRequest } from '../../db/approvals.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { type DecideInput, type DecisionResult, decideUpdate } from '../../workflows/kit/approval/contract.js';
import type { ApiDeps } from '../deps.js';
import { refusalAsAppError } from '../errors.js';

/** The « already decided » answer from the projection: who decided what, and when (same text as the workflow's). */
export function settledError(request: ApprovalRequestRow): AppError {
  const outcome = (request.status === 'withdrawn' ? 'withdrawn' : (request.outcome ?? 'expired')) as DecisionResult['outcome'];
  const extra = { outcome: request.outcome ?? request.status, decidedBy: request.decided_by_name, decidedAt: request.closed_at };
  if (request.status === 'expired')
    return new AppError(ErrorKind.Expired, msg('approval.alreadySettled', { outcome, deadline: true }), undefined, extra);
  const by = request.status === 'withdrawn' ? undefined : (request.decided_by_name ?? undefined);
  return new AppError(
    ErrorKind.AlreadyDone,
    msg('approval.alreadySettled', { outcome, by, at: request.closed_at!.getTime() }),
    undefined,
    extra,
  );
}

/**
 * Sends a decision to the lifecycle that asked for it. The projection answers the common « already
 * decided » case at once; the workflow's Update validator is the authority (two decisions racing
 * past the projection: the second is refused there, with who and when).
 */
export function createDecisionSender({ db, temporal }: ApiDeps) {
  return async function sendDecision(workflowId: string, input: DecideInput): Promise<DecisionResult> {
    const request = await findApprovalRequest(db, workflowId, input.step);
    if (!request) throw new AppError(ErrorKind.NotFound, msg('approval.requestNotFound'));
    if (request.status !== 'pending') throw settledError(request);
    if (input.outcome === 'refuse' && !input.reason?.trim()) {
      throw new AppError(ErrorKind.Validation, msg('approval.reasonRequired'), { reason: msg('approval.reasonRequiredField') });
    }
    if (input.outcome === 'request_changes' && !input.comment?.trim()) {
      throw new AppError(ErrorKind.Validation, msg('approval.commentRequired'), { comment: msg('approval.commentRequiredField') });
    }
    try {
      return await temporal.workflow.getHandle(workflowId).executeUpdate(decideUpdate, { args: [input] });
    } catch (error) {
      // Refused by the lifecycle: an AppError, so the decision page can show it beside the form.
      const refused = refusalAsAppError(error);
      // The lifecycle names who decided by key only (issue 13): the projection, once closed, says it with their name.
      const settled = !refused || refused.kind === ErrorKind.AlreadyDone || refused.kind === ErrorKind.Expired;
      const after = settled ? await findApprovalRequest(db, workflowId, input.step) : undefined;
      if (after && after.status !== 'pending') throw settledError(after);
      if (refused) throw refused;
      throw error;
    }
  };
}
