import { defineSignal } from '@temporalio/workflow';

/**
 * The lifecycles against the institution's directory (« Mon compte », issue 22). Inputs carry
 * the request's id only: the login, the address and the secret's hash are in `directory_requests`.
 */
export interface DirectoryRequestInput {
  requestId: string;
  /** How long the mailed code or link works (ISO durations in config, milliseconds here). */
  windowMs: number;
}

/** `abandoned`: the API's transaction that stored the request never committed. */
export type SecretOutcome = 'used' | 'expired' | 'abandoned';

/**
 * Sent by the API once the person's secret was used and the directory changed (the password set,
 * the address written), in that order: the row already says `used_at`, the workflow mails the outcome.
 */
export const secretUsedSignal = defineSignal('directorySecretUsed');

export const directoryRequestWorkflowId = (kind: string, requestId: string) => `${kind}-${requestId}`;
