import { ApplicationFailure, condition, setHandler, uuid4 } from '@temporalio/workflow';
import { ErrorKind, refusalOptions } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { resendLinkSignal, useLinkUpdate } from './oneTimeLinkContract.js';

export interface IssuedLink {
  tokenId: string;
  expiresAt: number;
}

export interface LinkWait<R> {
  /**
   * Mails link number `attempt` (1 for the first) under the token id the workflow chose; the
   * activity never returns the raw token.
   */
  issue(attempt: number, tokenId: string): Promise<IssuedLink>;
  /** Epoch ms after which no link works and the wait ends unused. */
  deadline: number;
  /** What using the link does (runs inside the update handler, so the caller gets the result). */
  use(tokenId: string): Promise<R>;
  /** Resend requests beyond this are ignored, so nobody can mail-bomb an address. */
  maxResends: number;
}

export type LinkWaitResult<R> = { used: true; result: R } | { used: false };

/**
 * Waits until the person uses the current link, or the deadline passes. The update validator
 * rejects synchronously (nothing written to history) a link already used, replaced by a newer
 * one, or expired; the first valid use wins, and the same link posted again while that use is
 * still running gets that use's answer.
 */
export async function waitForLinkUse<R>(wait: LinkWait<R>): Promise<LinkWaitResult<R>> {
  let link: IssuedLink | undefined;
  let attempt = 0;
  let resendRequested = false;
  let inFlight = false;
  let used = false;
  let result: R | undefined;

  setHandler(resendLinkSignal, () => {
    if (link && !used && !inFlight) resendRequested = true;
  });
  setHandler(
    useLinkUpdate,
    async ({ tokenId }) => {
      if (inFlight) {
        // The same link posted again while its first use runs (a person retrying after a slow
        // answer, e.g. during a worker restart): wait for that use and give the same answer.
        await condition(() => used || !inFlight);
        if (used) return result;
        throw ApplicationFailure.create({ type: ErrorKind.Expired, ...refusalOptions(msg('link.useFailed')) });
      }
      inFlight = true;
      try {
        result = await wait.use(tokenId);
        used = true;
        return result;
      } finally {
        inFlight = false;
      }
    },
    {
      validator: ({ tokenId }) => {
        if (used) throw ApplicationFailure.create({ type: ErrorKind.AlreadyDone, ...refusalOptions(msg('link.used')) });
        if (inFlight) {
          if (tokenId === link?.tokenId) return; // joins the use in flight (see the handler)
          throw ApplicationFailure.create({ type: ErrorKind.AlreadyDone, ...refusalOptions(msg('link.used')) });
        }
        if (!link || tokenId !== link.tokenId) {
          throw ApplicationFailure.create({ type: ErrorKind.Superseded, ...refusalOptions(msg('link.superseded')) });
        }
        if (Date.now() >= link.expiresAt)
          throw ApplicationFailure.create({ type: ErrorKind.Expired, ...refusalOptions(msg('link.expired')) });
      },
    },
  );

  // The workflow chooses the token id before the mail leaves, so a click that arrives before the
  // issuing activity has even completed is already recognised as the current link.
  const issue = async () => {
    link = { tokenId: uuid4(), expiresAt: wait.deadline };
    link = await wait.issue(++attempt, link.tokenId);
  };

  await issue();
  for (;;) {
    const remaining = wait.deadline - Date.now();
    const woke = remaining > 0 && (await condition(() => used || inFlight || resendRequested, remaining));
    if (inFlight || used) {
      // A use that started before the deadline is allowed to finish: never purge mid-validation.
      await condition(() => used || !inFlight);
      if (used) return { used: true, result: result as R };
      continue;
    }
    if (!woke) return { used: false };
    resendRequested = false;
    if (attempt <= wait.maxResends) await issue();
  }
}
