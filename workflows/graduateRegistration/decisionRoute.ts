import type { ApproverSelector } from '../kit/approval/contract.js';
import type { DiplomaChoice, GraduateDecisionPlan, GraduateGroup } from './contract.js';

/**
 * Who validates a graduate, and which groups the account joins (seed 000), as a pure function:
 *   - diploma found → responsable VET, then (escalation) responsable composante, then administrateur;
 *     groups composante + VET;
 *   - diploma not found → responsable composante, then administrateur; group composante;
 *   - absent from the registry, or a diploma that does not tell homonyms apart → administrateur.
 * `levels` lists the approvers from the most specific; each level after the first is an escalation
 * whose delay comes from the plan.
 */
export interface DecisionRoute {
  levels: { approvers: ApproverSelector[]; after?: string }[];
  groups: GraduateGroup[];
}

const admin: ApproverSelector = { role: 'administrateur' };

export function graduateDecisionRoute(choice: DiplomaChoice | undefined, plan: GraduateDecisionPlan): DecisionRoute {
  if (!choice) return { levels: [{ approvers: [admin] }], groups: [] };
  const composante: ApproverSelector = { role: 'responsable_composante', scope: choice.composanteCode };
  const composanteGroup: GraduateGroup = { kind: 'composante', code: choice.composanteCode };
  if (choice.kind === 'not_found') {
    return { levels: [{ approvers: [composante] }, { approvers: [admin], after: plan.escalateToAdmin }], groups: [composanteGroup] };
  }
  const groups: GraduateGroup[] = [composanteGroup, { kind: 'vet', code: choice.vetCode }];
  if (choice.sharedByHomonyms) return { levels: [{ approvers: [admin] }], groups };
  return {
    levels: [
      { approvers: [{ role: 'responsable_vet', scope: choice.vetCode }] },
      { approvers: [composante], after: plan.escalateToComposante },
      { approvers: [admin], after: plan.escalateToAdmin },
    ],
    groups,
  };
}
