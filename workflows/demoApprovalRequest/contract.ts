import type { DecisionRequest, DecisionResult, Party } from '../kit/approval/contract.js';

/**
 * A demonstration lifecycle: a chain of decision steps (e.g. the supérieur hiérarchique, then the
 * chargé de projet of seed 004), each asked with `requestDecision`. It stops at the first outcome
 * that is not an approval.
 */
export interface DemoApprovalRequestInput {
  requestId: string;
  requester: Party;
  steps: Pick<DecisionRequest, 'step' | 'approvers' | 'outcomes' | 'plan'>[];
}

export interface DemoApprovalRequestOutcome {
  outcome: DecisionResult['outcome'];
  decisions: DecisionResult[];
}

export const demoApprovalRequestWorkflowId = (requestId: string) => `approval-demo-${requestId}`;
export const demoApprovalRequestKind = 'demoApprovalRequest';
