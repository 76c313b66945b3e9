import * as oidc from 'openid-client';
import { type EntAccount, findEntAccountById, upsertEntAccount } from '../../db/entAccounts.js';
import { consumeLoginAttempt, saveLoginAttempt } from '../../db/entLoginAttempts.js';
import { createSession, findLiveSession, revokeSession, type Session } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { hashToken, newRawToken, safeEqual } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { createEntCharterUseCases } from './charter.js';
import { createEntProvider } from './provider/index.js';
import { identityFrom } from './provider/profile.js';
import type { EntProvider } from './provider/provider.js';

/** ENT principals: a student, or a member of staff (« personnel ») known through the ENT. */
export const entPrincipalOf = { student: 'student', staff: 'staff_ent' } as const;

/**
 * Students and staff log in through the ENT (seed 000): no account creation, the first login
 * creates or refreshes the `ent_accounts` row and opens a normal platform session.
 */
export function createEntLoginUseCases(deps: ApiDeps) {
  const { db, config } = deps;
  const provider = createEntProvider(config);
  const charter = createEntCharterUseCases(deps);

  function configured(): EntProvider {
    if (!provider) throw new AppError(ErrorKind.Unavailable, msg('ent.notConfigured'));
    return provider;
  }

  return {
    /** Starts a login: the raw `state` goes in the browser's cookie and the provider URL, only its digest in the database. */
    async begin(): Promise<{ redirectUrl: string; state: string; expiresAt: Date }> {
      const ent = configured();
      const secrets = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const expiresAt = new Date(Date.now() + config.ent.loginWindowMs);
      await saveLoginAttempt(db, {
        stateHash: hashToken(secrets.state),
        protocol: ent.protocol,
        nonce: secrets.nonce,
        codeVerifier: secrets.codeVerifier,
        expiresAt,
      });
      return { redirectUrl: await ent.authorizationUrl(secrets), state: secrets.state, expiresAt };
    },

    /**
     * The provider's callback. The `state` in the URL must be the one this browser's cookie holds
     * (no login forced on someone else), and its attempt is consumed before anything else, so a
     * replayed callback fails even if the provider would accept the code or ticket again.
     */
    async complete(callbackUrl: URL, cookieState: string | undefined) {
      const ent = configured();
      const state = callbackUrl.searchParams.get('state');
      if (!state || !cookieState || !safeEqual(state, cookieState)) throw new AppError(ErrorKind.Unauthenticated, msg('ent.loginExpired'));
      const attempt = await consumeLoginAttempt(db, hashToken(state));
      if (!attempt || attempt.protocol !== ent.protocol) throw new AppError(ErrorKind.Unauthenticated, msg('ent.loginExpired'));

      const { subject, attributes } = await ent.complete(callbackUrl, { state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
      const identity = identityFrom(config.ent, ent.name, subject, attributes);
      if (!identity) throw new AppError(ErrorKind.Forbidden, msg('ent.notAllowed'));
      const account = await upsertEntAccount(db, identity);

      const raw = newRawToken();
      const session = await createSession(db, {
        tokenHash: hashToken(raw),
        principalKind: entPrincipalOf[account.profile],
        principalId: account.id,
        expiresAt: new Date(Date.now() + config.lifetimes.sessionMs),
      });
      return { token: raw, expiresAt: session.expires_at, account, charterRequired: await charter.isRequired(account) };
    },

    async authenticate(rawToken: string): Promise<Session | undefined> {
      const session = await findLiveSession(db, hashToken(rawToken), {
        defaultMs: config.lifetimes.sessionIdleMs,
        staffMs: config.lifetimes.staffSessionIdleMs,
      });
      return session && (session.principal_kind === 'student' || session.principal_kind === 'staff_ent') ? session : undefined;
    },

    async accountOf(session: Session): Promise<EntAccount> {
      const account = await findEntAccountById(db, session.principal_id);
      if (!account) throw new AppError(ErrorKind.Unauthenticated, msg('ent.sessionInvalid'));
      return account;
    },

    /** Ends the platform session; returns the provider's logout URL so the SSO session ends too. */
    async logout(session: Session): Promise<{ providerLogoutUrl: string | undefined }> {
      await revokeSession(db, session.id);
      // Logging out locally must work even when the ENT is unreachable.
      const providerLogoutUrl = await provider?.logoutUrl().catch(() => undefined);
      return { providerLogoutUrl };
    },
  };
}
