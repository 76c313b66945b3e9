import type { DbOrTx } from '../../db/connection.js';
import { findExternalParty } from '../../db/externalParties.js';
import { absenceAt } from '../../db/staffAbsences.js';
import { findStaffByEmail, findStaffById, type StaffAccount, staffHolding } from '../../db/staffAccounts.js';
import { type ApproverSelector, type Party, partyKey, staffKey } from '../../workflows/kit/approval/contract.js';

/** A person who can receive a decision mail: a staff member or an external address. */
export interface Approver extends Party {
  /** Read from PostgreSQL for mails and the audit; never returned to the workflow. */
  name: string;
  staffId: string | null;
  email: string;
}

export interface Assignment {
  approver: Approver;
  /** Set when the approver resolved from the selectors is absent and a delegate stands in. */
  onBehalfOf?: Approver;
}

const asApprover = (s: StaffAccount): Approver => ({ key: staffKey(s.id), name: s.display_name, staffId: s.id, email: s.email });

/**
 * Selectors to people, deduplicated. An external address that belongs to a staff account is that
 * staff member (so it also reaches their inbox and four-eyes recognises them).
 */
export async function resolveSelectors(db: DbOrTx, selectors: ApproverSelector[]): Promise<Approver[]> {
  const people = new Map<string, Approver>();
  for (const selector of selectors) {
    if ('party' in selector) {
      const party = await findExternalParty(db, selector.party);
      if (!party) continue;
      const staff = await findStaffByEmail(db, party.email);
      const person = staff?.active ? asApprover(staff) : externalApprover(party);
      people.set(person.key, person);
    } else {
      for (const staff of await staffHolding(db, selector.role, selector.scope)) people.set(staffKey(staff.id), asApprover(staff));
    }
  }
  return [...people.values()];
}

/** An external person known by their address (external_parties), keyed `party:<id>`. */
export const externalApprover = (party: { id: string; email: string; display_name: string | null }): Approver => ({
  key: partyKey(party.id),
  name: party.display_name ?? party.email,
  staffId: null,
  email: party.email,
});

/** New tasks during an absence window go to the delegate (one level: a delegate's own absence is not followed). */
export async function assign(db: DbOrTx, approver: Approver, at: Date, requesterKey: string): Promise<Assignment> {
  if (!approver.staffId) return { approver };
  const absence = await absenceAt(db, approver.staffId, at);
  const delegate = absence ? await findStaffById(db, absence.delegate_id) : undefined;
  // Four eyes wins over delegation: the requester never receives their own request.
  if (!delegate?.active || staffKey(delegate.id) === requesterKey) return { approver };
  return { approver: asApprover(delegate), onBehalfOf: approver };
}

export async function staffApprover(db: DbOrTx, staffId: string): Promise<Approver | undefined> {
  const staff = await findStaffById(db, staffId);
  return staff?.active ? asApprover(staff) : undefined;
}
