import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { DecisionResult } from '../kit/approval/contract.js';
import { requestDecision } from '../kit/approval/requestDecision.js';
import { trackLifecycle } from '../kit/lifecycle.js';
import { type DemoApprovalRequestInput, type DemoApprovalRequestOutcome, demoApprovalRequestKind } from './contract.js';

/**
 * A request that goes through its decision steps in order (seed 004: « envoi d'une notification à
 * votre supérieur hiérarchique pour qu'il valide ou refuse … s'il accepte, le processus continue »,
 * then the chargé de projet validates, refuses or wait-lists).
 */
export async function demoApprovalRequest(input: DemoApprovalRequestInput): Promise<DemoApprovalRequestOutcome> {
  const track = trackLifecycle(demoApprovalRequestKind, input.requestId);
  const decisions: DecisionResult[] = [];

  for (const step of input.steps) {
    await track.enter(`awaiting_${step.step}`);
    const decision = await requestDecision({
      ...step,
      kind: demoApprovalRequestKind,
      title: input.title,
      details: input.details,
      requester: input.requester,
    });
    decisions.push(decision);
    // « S'il refuse, le processus se termine »: only an approval moves on to the next step.
    if (decision.outcome !== 'approve') break;
  }

  const outcome = decisions.at(-1)?.outcome ?? 'approve';
  await track.enter(outcome === 'approve' ? 'approved' : outcome);
  await condition(allHandlersFinished);
  return { outcome, decisions };
}
