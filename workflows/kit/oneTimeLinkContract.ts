import { defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * Messages of every lifecycle that waits for a person to open a link from a mail (validate an
 * address, choose a new password). The API resolves the raw token to its id and workflow, then
 * sends `useLink` with the id only: the raw token never enters workflow history.
 */
export interface UseLinkInput {
  tokenId: string;
}

export const useLinkUpdate = defineUpdate<unknown, [UseLinkInput]>('useLink');

/** « Renvoyer le lien »: a fresh link replaces (and invalidates) the previous one. */
export const resendLinkSignal = defineSignal('resendLink');
