import type { DecisionResult } from '../kit/approval/contract.js';
import { requestDecision } from '../kit/approval/requestDecision.js';
import { lifecycle } from '../kit/lifecycle.js';
import { type DemoApprovalRequestInput, type DemoApprovalRequestOutcome, demoApprovalRequestKind } from './contract.js';

/**
 * A request that goes through its decision steps in order (seed 004: « envoi d'une notification à
 * votre supérieur hiérarchique pour qu'il valide ou refuse … s'il accepte, le processus continue »,
 * then the chargé de projet validates, refuses or wait-lists).
 */
export async function demoApprovalRequest(input: DemoApprovalRequestInput): Promise<DemoApprovalRequestOutcome> {
  const request = lifecycle<string>({ kind: demoApprovalRequestKind, subjectId: input.requestId, initial: 'started' });
  const decisions: DecisionResult[] = [];

  for (const step of input.steps) {
    await request.enter(`awaiting_${step.step}`);
    const decision = await requestDecision({
      ...step,
      kind: demoApprovalRequestKind,
      // Its title and details, typed by the requester, stay in PostgreSQL (demo_approval_requests).
      subject: input.requestId,
      requester: input.requester,
    });
    decisions.push(decision);
    // « S'il refuse, le processus se termine »: only an approval moves on to the next step.
    if (decision.outcome !== 'approve') break;
  }

  const outcome = decisions.at(-1)?.outcome ?? 'approve';
  await request.enter(outcome === 'approve' ? 'approved' : outcome);
  return request.end({ outcome, decisions });
}
