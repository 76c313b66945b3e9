/**
 * « J'ai oublié mes identifiants » and « Renvoyer le lien » (candidates, graduates, recruiters):
 * the API stores the typed address and starts this lifecycle for every request, known address or
 * not, so its answer takes the same path (and the same time) either way. The lifecycle looks the
 * address up and, when it names an account, tells the lifecycle that mails its link.
 */
export type LinkRequestPurpose = 'candidate_recovery' | 'candidate_link' | 'graduate_link' | 'recruiter_link';

export interface AccountLinkRequestInput {
  requestId: string;
  /** Validity of a credential recovery link (PASSWORD_RESET_WINDOW), for the recovery it may start. */
  recoveryLinkValidityMs: number;
}

/** What the typed address leads to, as the lookup activity found it (internal ids only). */
export type LinkRequestTarget = { kind: 'none' } | { kind: 'resend'; workflowId: string } | { kind: 'recovery'; accountId: string };

export type AccountLinkRequestOutcome = 'no_account' | 'link_resent' | 'recovery_started' | 'nothing_to_resend';

export const accountLinkRequestWorkflowId = (requestId: string) => `account-link-request-${requestId}`;
export const accountLinkRequestKind = 'accountLinkRequest';
