import { findGraduateByEmail, type GraduateAccount } from '../../db/graduateAccounts.js';
import { clearFailures, countRecentFailures, oldestRecentFailure, recordFailure } from '../../db/loginFailures.js';
import { findRecruiterByEmail, type RecruiterAccount } from '../../db/recruiterAccounts.js';
import { createSession } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { digestHex, hashToken, newRawToken } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { loginMessages } from './sessions.js';

export type Profile = 'graduate' | 'recruiter';

/** Why a known address with the right password cannot log in yet (or any more), in French. */
export const notActiveMessages: Record<string, string> = {
  pending_email: 'Connexion impossible : votre adresse mail n’a pas encore été validée. Consultez vos courriels pour la valider.',
  pending_diploma: 'Connexion impossible : choisissez d’abord votre diplôme (instructions reçues par courriel).',
  pending_approval:
    'Connexion impossible : votre inscription est en attente de validation. Vous serez informé(e) de la décision par courriel.',
  refused:
    'Connexion impossible : votre inscription a été refusée (motif envoyé par courriel). Vous pouvez refaire une demande d’inscription.',
  expired: 'Connexion impossible : votre demande d’inscription a expiré. Vous pouvez refaire une demande d’inscription.',
};

let decoyHash: Promise<string> | undefined;

/**
 * Login of graduates and recruiters, throttled per profile and address like the candidates'
 * (api/sessions/sessions.ts); the same check guards the graduate's registration steps, which are
 * authenticated by the address and the password chosen at registration.
 */
export function createProfileLoginUseCases({ db, config, hasher }: ApiDeps) {
  decoyHash ??= hasher.hash('decoy password, never valid');

  async function checkCredentials(profile: 'graduate', input: { email: string; password: string }): Promise<GraduateAccount>;
  async function checkCredentials(profile: 'recruiter', input: { email: string; password: string }): Promise<RecruiterAccount>;
  async function checkCredentials(
    profile: Profile,
    input: { email: string; password: string },
  ): Promise<GraduateAccount | RecruiterAccount> {
    const identifierKey = digestHex(`${profile}:${input.email.trim().toLowerCase()}`);
    const { maxFailures, failureWindowMs } = config.login;
    if ((await countRecentFailures(db, identifierKey, failureWindowMs)) >= maxFailures) {
      const oldest = await oldestRecentFailure(db, identifierKey, failureWindowMs);
      const retryAfterSeconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + failureWindowMs - Date.now()) / 1000));
      throw new AppError(ErrorKind.TooManyAttempts, loginMessages.throttled, undefined, { retryAfterSeconds });
    }
    const account = profile === 'graduate' ? await findGraduateByEmail(db, input.email) : await findRecruiterByEmail(db, input.email);
    const passwordOk = await hasher.verify(account?.password_hash ?? (await decoyHash!), input.password);
    if (!account || !passwordOk) {
      await recordFailure(db, identifierKey);
      throw new AppError(ErrorKind.Unauthenticated, 'Adresse mail ou mot de passe incorrect');
    }
    await clearFailures(db, identifierKey);
    return account;
  }

  return {
    checkCredentials,

    /** Only a validated account logs in; the others are told why, in French. */
    async login(profile: Profile, input: { email: string; password: string }) {
      const account = profile === 'graduate' ? await checkCredentials('graduate', input) : await checkCredentials('recruiter', input);
      if (account.status !== 'active')
        throw new AppError(ErrorKind.Forbidden, notActiveMessages[account.status] ?? loginMessages.badCredentials);
      const raw = newRawToken();
      const session = await createSession(db, {
        tokenHash: hashToken(raw),
        principalKind: profile,
        principalId: account.id,
        expiresAt: new Date(Date.now() + config.lifetimes.sessionMs),
      });
      return { token: raw, expiresAt: session.expires_at };
    },
  };
}
