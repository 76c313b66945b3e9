import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { type ApprovalRequestRow, findApprovalRequest } from '../../db/approvals.js';
import { AppError, ErrorKind, isErrorKind } from '../../lib/errors.js';
import {
  type DecideInput,
  type DecisionResult,
  decideUpdate,
  frenchDateTime,
  outcomeDoneLabels,
} from '../../workflows/kit/approval/contract.js';
import type { ApiDeps } from '../deps.js';

/** The « already decided » answer from the projection: who decided what, and when. */
export function settledError(request: ApprovalRequestRow): AppError {
  const what = `Cette demande a déjà été ${outcomeDoneLabels[(request.status === 'withdrawn' ? 'withdrawn' : (request.outcome ?? 'expired')) as keyof typeof outcomeDoneLabels]}`;
  const extra = { outcome: request.outcome ?? request.status, decidedBy: request.decided_by_name, decidedAt: request.closed_at };
  if (request.status === 'expired') return new AppError(ErrorKind.Expired, `${what} : le délai de décision est dépassé.`, undefined, extra);
  const by = request.status === 'withdrawn' ? '' : ` par ${request.decided_by_name}`;
  return new AppError(ErrorKind.AlreadyDone, `${what}${by} ${frenchDateTime(request.closed_at!.getTime())}.`, undefined, extra);
}

/**
 * Sends a decision to the lifecycle that asked for it. The projection answers the common « already
 * decided » case at once; the workflow's Update validator is the authority (two decisions racing
 * past the projection: the second is refused there, with who and when).
 */
export function createDecisionSender({ db, temporal }: ApiDeps) {
  return async function sendDecision(workflowId: string, input: DecideInput): Promise<DecisionResult> {
    const request = await findApprovalRequest(db, workflowId, input.step);
    if (!request) throw new AppError(ErrorKind.NotFound, 'Demande introuvable.');
    if (request.status !== 'pending') throw settledError(request);
    if (input.outcome === 'refuse' && !input.reason?.trim()) {
      throw new AppError(ErrorKind.Validation, 'Le motif du refus est obligatoire.', { reason: 'Le motif du refus est obligatoire' });
    }
    try {
      return await temporal.workflow.getHandle(workflowId).executeUpdate(decideUpdate, { args: [input] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && isErrorKind(error.cause.type)) {
        const details = (error.cause.details?.[0] ?? {}) as Record<string, unknown>;
        const fields = typeof details.field === 'string' ? { [details.field]: error.cause.message } : undefined;
        throw new AppError(error.cause.type, error.cause.message, fields, typeof details.field === 'string' ? undefined : details);
      }
      // The lifecycle may have ended meanwhile: the projection then says how.
      const after = await findApprovalRequest(db, workflowId, input.step);
      if (after && after.status !== 'pending') throw settledError(after);
      throw error;
    }
  };
}
