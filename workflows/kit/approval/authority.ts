import type { ApproverSelector, Decider } from './contract.js';

/**
 * Whether a decider is covered by one of the selectors by their roles. A selector without a scope
 * covers every holder of the role; the administrateur role is never scoped.
 */
export function coveredByRole(decider: Decider, selectors: ApproverSelector[]): boolean {
  return selectors.some(
    (s) => 'role' in s && decider.roles.some((r) => r.role === s.role && (s.scope === undefined || s.scope === r.scope)),
  );
}

/** An external approver (`party:<id>`) named by one of the selectors. */
export function coveredByParty(deciderKey: string, selectors: ApproverSelector[]): boolean {
  return selectors.some((s) => 'party' in s && `party:${s.party}` === deciderKey);
}
