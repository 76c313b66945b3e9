import { findTokenByHash, type LinkPurpose, type OneTimeToken, tokenState } from '../../db/tokens.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { hashToken } from '../../lib/secrets.js';
import { useLinkUpdate } from '../../workflows/kit/oneTimeLinkContract.js';
import type { ApiDeps } from '../deps.js';
import { fieldMessages, newPasswordBody } from '../schemas.js';

export const linkMessages = {
  unknown: 'Ce lien n’est pas valide. Vérifiez que vous l’avez copié en entier.',
  used: 'Ce lien a déjà été utilisé.',
  revoked: 'Ce lien a été remplacé par un lien plus récent : utilisez le dernier courriel reçu.',
  expired: 'Ce lien a expiré.',
} as const;

export type LinkDescription = { purpose: LinkPurpose; state: ReturnType<typeof tokenState>; expiresAt: Date };

export function createLinkUseCases({ db, temporal, hasher }: ApiDeps) {
  async function liveToken(raw: string): Promise<OneTimeToken> {
    const token = await findTokenByHash(db, hashToken(raw));
    if (!token) throw new AppError(ErrorKind.NotFound, linkMessages.unknown);
    switch (tokenState(token)) {
      case 'used':
        throw new AppError(ErrorKind.AlreadyDone, linkMessages.used);
      case 'revoked':
        throw new AppError(ErrorKind.Superseded, linkMessages.revoked);
      case 'expired':
        throw new AppError(ErrorKind.Expired, linkMessages.expired);
      case 'valid':
        return token;
    }
  }

  return {
    /** Read-only: GET requests (and the mail scanners that prefetch links) change nothing. */
    async describe(raw: string): Promise<LinkDescription> {
      const token = await findTokenByHash(db, hashToken(raw));
      if (!token) throw new AppError(ErrorKind.NotFound, linkMessages.unknown);
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
          throw new AppError(ErrorKind.Validation, 'Le mot de passe ne convient pas.', fieldMessages(newPassword.error.issues));
        }
        // The hash waits beside the token; only the token id enters the workflow's history.
        const passwordHash = await hasher.hash(newPassword.data.password);
        await db('pending_password_changes')
          .insert({ token_id: token.id, password_hash: passwordHash })
          .onConflict('token_id')
          .merge(['password_hash']);
      }
      const result = await temporal.workflow.getHandle(token.workflow_id).executeUpdate(useLinkUpdate, { args: [{ tokenId: token.id }] });
      return { purpose: token.purpose, result };
    },
  };
}
