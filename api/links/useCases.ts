import { storePendingPasswordChange } from '../../db/pendingPasswordChanges.js';
import { findTokenByHash, type LinkPurpose, type OneTimeToken, tokenState } from '../../db/tokens.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { type MessageKey, msg } from '../../lib/i18n/index.js';
import { hashToken } from '../../lib/secrets.js';
import { useLinkUpdate } from '../../workflows/kit/oneTimeLinkContract.js';
import type { ApiDeps } from '../deps.js';
import { fieldMessages, newPasswordBody } from '../schemas.js';

/** What a link that cannot be used says (the same texts as the lifecycle's own refusals). */
export const linkStateMessages = {
  used: 'link.used',
  revoked: 'link.superseded',
  expired: 'link.expired',
} as const satisfies Record<string, MessageKey>;

export type LinkDescription = { purpose: LinkPurpose; state: ReturnType<typeof tokenState>; expiresAt: Date };

export function createLinkUseCases({ db, temporal, hasher }: ApiDeps) {
  async function liveToken(raw: string): Promise<OneTimeToken> {
    const token = await findTokenByHash(db, hashToken(raw));
    if (!token) throw new AppError(ErrorKind.NotFound, msg('link.unknown'));
    switch (tokenState(token)) {
      case 'used':
        throw new AppError(ErrorKind.AlreadyDone, msg(linkStateMessages.used));
      case 'revoked':
        throw new AppError(ErrorKind.Superseded, msg(linkStateMessages.revoked));
      case 'expired':
        throw new AppError(ErrorKind.Expired, msg(linkStateMessages.expired));
      case 'valid':
        return token;
    }
  }

  return {
    /** Read-only: GET requests (and the mail scanners that prefetch links) change nothing. */
    async describe(raw: string): Promise<LinkDescription> {
      const token = await findTokenByHash(db, hashToken(raw));
      if (!token) throw new AppError(ErrorKind.NotFound, msg('link.unknown'));
      return { purpose: token.purpose, state: tokenState(token), expiresAt: token.expires_at };
    },

    /**
     * Uses the link: the workflow that issued it decides (Update with a validator), so a link
     * already used, replaced or expired is refused by the lifecycle itself, not only here.
     */
    async use(raw: string, form: Record<string, unknown> = {}) {
      const token = await liveToken(raw);
      if (token.purpose === 'password_reset') {
        const newPassword = newPasswordBody.safeParse(form);
        if (!newPassword.success) {
          throw new AppError(ErrorKind.Validation, msg('link.passwordRejected'), fieldMessages(newPassword.error.issues));
        }
        // The hash waits beside the token; only the token id enters the workflow's history.
        const passwordHash = await hasher.hash(newPassword.data.password);
        await storePendingPasswordChange(db, { tokenId: token.id, passwordHash });
      }
      const result = await temporal.workflow.getHandle(token.workflow_id).executeUpdate(useLinkUpdate, { args: [{ tokenId: token.id }] });
      return { purpose: token.purpose, result, subjectId: token.subject_id };
    },
  };
}
