import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { dateTime, t } from '../../../lib/i18n/index.js';

/**
 * The vocabulary of a decision step, shared by lifecycles (workflow code), activities and the API.
 * No activity or Node import here: the API imports it to address running lifecycles.
 */

/** `operateur`: reads workflow histories in clear through the codec endpoint (api/codec/), nothing else. */
export const staffRoles = [
  'administrateur',
  'responsable_composante',
  'responsable_vet',
  'webmaster',
  'charge_de_projet',
  'operateur',
  'service_carte',
] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles whose holders are scoped: composante codes, VET codes, training action ids. */
export const scopedRoles: readonly StaffRole[] = ['responsable_composante', 'responsable_vet', 'charge_de_projet'];

/**
 * Who may decide, as one element of an any-of set: the holders of a role (optionally for one
 * scope), or an external person known only by an e-mail address (the supérieur hiérarchique),
 * named here by their id in `external_parties` (the address stays in PostgreSQL).
 */
export type ApproverSelector = { role: StaffRole; scope?: string } | { party: string };

export const outcomes = ['approve', 'refuse', 'wait_list', 'request_changes'] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * Past-tense labels in French, for « approuvée par … le … » (the catalogue's `approval.outcomeDone`;
 * in another language: `t('approval.outcomeDone', lang, { outcome })`).
 */
export const outcomeDoneLabels = Object.fromEntries(
  ([...outcomes, 'withdrawn', 'expired'] as const).map((outcome) => [outcome, t('approval.outcomeDone', 'fr', { outcome })]),
) as Record<Outcome | 'withdrawn' | 'expired', string>;

/**
 * A person as the platform names them: `staff:<uuid>`, `party:<uuid>` (an external approver),
 * `candidate:<uuid>`, `graduate:<uuid>`, `recruiter:<uuid>`, `system:<what>`. Keys only: names are
 * read from PostgreSQL by the activities and the API when a person is shown (activities/kit/parties.ts).
 */
export interface Party {
  key: string;
}

/**
 * Timing as data (ISO 8601 durations from the step's opening), so each campaign or training has
 * its own plan and tests use seconds. Example: remind after P3D then every P2D; after P7D widen to
 * the responsable composante, after P10D to the administrateur; at P14D refuse.
 */
export interface DecisionPlan {
  deadline: string;
  remindAfter?: string;
  remindEvery?: string;
  escalations?: { after: string; approvers: ApproverSelector[] }[];
  /** What the final deadline decides: an outcome on the requester's behalf, or plain expiry. */
  onDeadline: Outcome | 'expire';
}

export interface DecisionRequest {
  /** Unique within the lifecycle: links, tasks and audit lines are bound to it. */
  step: string;
  /** The lifecycle kind, for inbox counts (e.g. `trainingPreRegistration`). */
  kind: string;
  /**
   * The internal id of what is decided (a pre-registration, an account, an offer): the activity
   * renders the title and the details shown in mails, on the decision page and in the inbox from
   * PostgreSQL (activities/kit/describe.ts, one describer per kind).
   */
  subject: string;
  /** Non-personal facts the lifecycle adds to the details (codes, labels of diplomas, statuses). */
  facts?: Record<string, string>;
  requester: Party;
  approvers: ApproverSelector[];
  outcomes: Outcome[];
  plan: DecisionPlan;
  /**
   * The people of the plan's later levels (its escalations) may decide from the start: each has
   * the task in their inbox at once, without a mail; their escalation is when they are mailed
   * (seed 000: « validé par l'administrateur ou le responsable composante ou le responsable VET »).
   */
  laterLevelsMayDecide?: boolean;
}

export type Channel = 'link' | 'inbox' | 'deadline' | 'requester';

export interface DecisionResult {
  step: string;
  outcome: Outcome | 'withdrawn' | 'expired';
  decidedBy: Party & { onBehalfOf?: string };
  channel: Channel;
  /** Ids in `free_texts` (issue 13): the reason and comment themselves stay in PostgreSQL. */
  reasonId?: string;
  commentId?: string;
  /** Epoch ms. */
  at: number;
}

/**
 * One approver the step asks (a delegate carries the absent approver it stands in for). The
 * workflow learns them before any mail leaves, so a link clicked at once is already allowed.
 */
export interface NotifiedApprover extends Party {
  onBehalfOf?: Party;
}

export interface Decider extends Party {
  /** The decider's staff roles, loaded by the API from the database; empty for external people. */
  roles: { role: StaffRole; scope: string }[];
}

export interface DecideInput {
  step: string;
  decider: Decider;
  /** For `link`, the API has checked the link: bound to this decider and this step, not expired. */
  channel: 'link' | 'inbox';
  outcome: Outcome;
  /** The API stores the typed reason and comment in `free_texts` first; the Update carries their ids. */
  reasonId?: string;
  commentId?: string;
}

export interface WithdrawInput {
  requesterKey: string;
  /** Id in `free_texts`. */
  reasonId?: string;
}

export interface HandOverInput {
  step: string;
  fromKey: string;
  toStaffId: string;
}

/**
 * An administrateur moves an open task from one approver to another member of staff (ids only: the
 * reason and who asked are written to the audit by the API, never into the history). The new
 * approver is asked in their own name (not « on behalf of »); the former one can no longer decide.
 */
export interface ReassignInput {
  step: string;
  fromKey: string;
  toStaffId: string;
}

/**
 * Takes an approver off a pending decision: their account was deactivated (the API sends it), or
 * their address refuses mail for good and they have no inbox (the step finds it itself). Their
 * task leaves the inbox, their link stops working, and the others are asked instead (see
 * `requestDecision`).
 */
export interface RemoveApproverInput {
  step: string;
  approverKey: string;
  reason: ApproverRemoval;
}

export type ApproverRemoval = 'deactivated' | 'undeliverable';

/** What asking approvers found: the people whose mail was refused for good (5xx), and whether they have an inbox. */
export interface AskOutcome {
  undeliverable: { key: string; hasInbox: boolean }[];
}

export interface ApprovalHistoryEntry {
  at: number;
  event:
    | 'requested'
    | 'notified'
    | 'reminded'
    | 'escalated'
    | 'handed_over'
    | 'reassigned'
    | 'removed'
    | 'mail_undeliverable'
    | 'decided'
    | 'withdrawn'
    | 'expired';
  by?: string;
  detail?: string;
}

export interface ApprovalStepState {
  step: string;
  kind: string;
  subject: string;
  status: 'pending' | 'decided' | 'withdrawn' | 'expired';
  outcomes: Outcome[];
  requester: Party;
  deadlineAt: number;
  approvers: ApproverSelector[];
  notified: { key: string; onBehalfOf?: string }[];
  escalationLevel: number;
  remindersSent: number;
  result?: DecisionResult;
  history: ApprovalHistoryEntry[];
}

export const decideUpdate = defineUpdate<DecisionResult, [DecideInput]>('approval.decide');
export const withdrawUpdate = defineUpdate<DecisionResult, [WithdrawInput]>('approval.withdraw');
export const handOverUpdate = defineUpdate<NotifiedApprover, [HandOverInput]>('approval.handOver');
export const reassignUpdate = defineUpdate<NotifiedApprover, [ReassignInput]>('approval.reassign');
export const removeApproverUpdate = defineUpdate<{ removed: boolean; remaining: number }, [RemoveApproverInput]>('approval.removeApprover');
/** The current (or last) decision step of the lifecycle, with its history. */
export const approvalStateQuery = defineQuery<ApprovalStepState | null>('approval.state');

export const staffKey = (staffId: string) => `staff:${staffId}`;
export const partyKey = (partyId: string) => `party:${partyId}`;

/** « le 12/03/2026 à 10:15 », Paris time: messages name who decided and when (`dateTime` of the catalogue). */
export function frenchDateTime(epochMs: number): string {
  return dateTime(epochMs, 'fr');
}
