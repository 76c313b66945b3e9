import { type ApprovalRequestRow, findApprovalRequest } from '../../db/approvals.js';
import { storeOptionalText } from '../../db/freeTexts.js';
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

/** A decision as people type it: the reason and comment in clear (stored before the Update, issue 13). */
export type TypedDecision = Omit<DecideInput, 'reasonId' | 'commentId'> & { reason?: string; comment?: string };

/**
 * Sends a decision to the lifecycle that asked for it. The projection answers the common « already
 * decided » case at once; the workflow's Update validator is the authority (two decisions racing
 * past the projection: the second is refused there, with who and when).
 */
export function createDecisionSender({ db, temporal }: ApiDeps) {
  return async function sendDecision(workflowId: string, typed: TypedDecision): Promise<DecisionResult> {
    const { reason, comment, ...input } = typed;
    const request = await findApprovalRequest(db, workflowId, input.step);
    if (!request) throw new AppError(ErrorKind.NotFound, msg('approval.requestNotFound'));
    if (request.status !== 'pending') throw settledError(request);
    if (input.outcome === 'refuse' && !reason?.trim()) {
      throw new AppError(ErrorKind.Validation, msg('approval.reasonRequired'), { reason: msg('approval.reasonRequiredField') });
    }
    if (input.outcome === 'request_changes' && !comment?.trim()) {
      throw new AppError(ErrorKind.Validation, msg('approval.commentRequired'), { comment: msg('approval.commentRequiredField') });
    }
    // The texts stay in PostgreSQL; the Update (kept in the workflow's history) carries their ids.
    const reasonId = await storeOptionalText(db, reason);
    const commentId = await storeOptionalText(db, comment);
    const sent: DecideInput = { ...input, ...(reasonId ? { reasonId } : {}), ...(commentId ? { commentId } : {}) };
    try {
      return await temporal.workflow.getHandle(workflowId).executeUpdate(decideUpdate, { args: [sent] });
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
