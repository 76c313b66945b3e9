import { ApplicationFailure } from '@temporalio/activity';
import {
  abandonEmailChange,
  activateCandidate,
  applyEmailChange,
  type CandidateAccount,
  deleteUnvalidatedCandidate,
  findCandidateById,
  setCandidatePassword,
} from '../db/candidateAccounts.js';
import { forgetAccount } from '../db/loginThrottle.js';
import { deletePendingPasswordChange, findPendingPasswordChange } from '../db/pendingPasswordChanges.js';
import { revokeSessionsOf } from '../db/sessions.js';
import { consumeToken, findTokenById, revokeTokensOf, type TokenPurpose } from '../db/tokens.js';
import { ErrorKind } from '../lib/errors.js';
import { accountPurged } from '../mail/templates/candidateAccount/accountPurged.js';
import { accountValidated } from '../mail/templates/candidateAccount/accountValidated.js';
import { accountValidationLink } from '../mail/templates/candidateAccount/accountValidationLink.js';
import { credentialRecoveryLink } from '../mail/templates/candidateAccount/credentialRecoveryLink.js';
import { emailChangeLink } from '../mail/templates/candidateAccount/emailChangeLink.js';
import { type EmailChangeOutcome, emailChangeOutcome } from '../mail/templates/candidateAccount/emailChangeOutcome.js';
import { passwordChanged } from '../mail/templates/candidateAccount/passwordChanged.js';
import { issueAccountLink } from './kit/accountLinks.js';
import { type ActivityDeps, stepKey } from './kit/context.js';
import { deliverOnce } from './kit/mailing.js';

export type CandidateMail =
  | { template: 'accountValidated' }
  | { template: 'passwordChanged' }
  | { template: 'emailChangeOutcome'; outcome: EmailChangeOutcome };

export function createActivities(deps: ActivityDeps) {
  const { db, config } = deps;

  async function requireAccount(accountId: string): Promise<CandidateAccount> {
    const account = await findCandidateById(db, accountId);
    if (!account) throw ApplicationFailure.nonRetryable(`candidate account ${accountId} does not exist`, ErrorKind.NotFound);
    return account;
  }

  /** Who receives a link of this purpose, and what it says. */
  function linkMail(purpose: TokenPurpose, account: CandidateAccount) {
    const { locale, first_name: firstName } = account;
    switch (purpose) {
      case 'account_validation':
        return {
          to: account.email,
          render: (url: string, expiresAt: Date) => accountValidationLink({ firstName, url, expiresAt }, locale),
        };
      case 'password_reset':
        return {
          to: account.email,
          render: (url: string, expiresAt: Date) =>
            credentialRecoveryLink({ firstName, fileNumber: account.file_number, url, expiresAt }, locale),
        };
      case 'email_change':
        if (!account.pending_email) throw ApplicationFailure.nonRetryable('no pending e-mail address', ErrorKind.Conflict);
        return {
          to: account.pending_email,
          render: (url: string, expiresAt: Date) => emailChangeLink({ firstName, url, expiresAt }, locale),
        };
    }
  }

  return {
    /** Succeeds once the account row is visible; throws (retryable) until then. */
    async requireCandidateRow(input: { accountId: string }) {
      if (!(await findCandidateById(db, input.accountId))) throw new Error(`candidate account ${input.accountId} is not stored (yet)`);
    },

    /** Mails the link of one step (token stored hashed under the workflow's id; once per step). */
    async issueCandidateLink(input: { accountId: string; tokenId: string; purpose: TokenPurpose; step: string; expiresAt: number }) {
      const account = await requireAccount(input.accountId);
      return issueAccountLink(deps, {
        subjectId: account.id,
        tokenId: input.tokenId,
        purpose: input.purpose,
        step: input.step,
        expiresAt: input.expiresAt,
        ...linkMail(input.purpose, account),
      });
    },

    /** Consumes the validation token (`at`: the lifecycle's clock) and activates the account, in one transaction. */
    async activateCandidateAccount(input: { accountId: string; tokenId: string; at: number }) {
      return db.transaction(async (tx) => {
        const consumed = await consumeToken(tx, input.tokenId, new Date(input.at));
        const account = consumed ? await activateCandidate(tx, input.accountId) : await findCandidateById(tx, input.accountId);
        // A retry of an activation that committed finds the token used and the account active.
        if (account?.status !== 'active') {
          throw ApplicationFailure.nonRetryable('the validation link can no longer be used', ErrorKind.Expired);
        }
        return { fileNumber: account.file_number };
      });
    },

    /** Tells the candidate, then deletes the account only if it is still unvalidated. */
    async purgeUnvalidatedCandidate(input: { accountId: string }) {
      const account = await findCandidateById(db, input.accountId);
      if (account?.status !== 'pending_validation') return { purged: false };
      await deliverOnce(deps, {
        key: stepKey('purged-mail'),
        template: 'accountPurged',
        to: account.email,
        rendered: accountPurged({ firstName: account.first_name }, account.locale),
      });
      await db.transaction(async (tx) => {
        await revokeTokensOf(tx, account.id, 'account_validation');
        await deleteUnvalidatedCandidate(tx, account.id);
      });
      // The token rows stay (a hash and an internal id, no personal data) so the old link
      // answers « Ce lien a expiré » rather than « lien invalide ».
      return { purged: true };
    },

    /** Swaps in the password hash the API stored beside the token, and ends every session (`at`: the lifecycle's clock). */
    async applyPasswordReset(input: { accountId: string; tokenId: string; at: number }) {
      return db.transaction(async (tx) => {
        const pending = await findPendingPasswordChange(tx, input.tokenId);
        if (!pending) {
          const token = await findTokenById(tx, input.tokenId);
          if (token?.used_at) return 'password_changed' as const; // retry of a committed reset
          throw ApplicationFailure.nonRetryable('no new password was submitted with this link', ErrorKind.Validation);
        }
        if (!(await consumeToken(tx, input.tokenId, new Date(input.at)))) {
          throw ApplicationFailure.nonRetryable('the reset link can no longer be used', ErrorKind.Expired);
        }
        await setCandidatePassword(tx, input.accountId, pending.password_hash);
        await deletePendingPasswordChange(tx, input.tokenId);
        await revokeSessionsOf(tx, 'candidate', input.accountId);
        // A new password: every login delay of the account starts again.
        await forgetAccount(tx, `candidate:${input.accountId}`);
        return 'password_changed' as const;
      });
    },

    async applyCandidateEmailChange(input: { accountId: string; tokenId: string; at: number }): Promise<EmailChangeOutcome> {
      return db.transaction(async (tx) => {
        const consumed = await consumeToken(tx, input.tokenId, new Date(input.at));
        if (!consumed) {
          const account = await findCandidateById(tx, input.accountId);
          if (account?.status === 'active') return 'applied'; // retry of a committed change
          throw ApplicationFailure.nonRetryable('the validation link can no longer be used', ErrorKind.Expired);
        }
        const result = await applyEmailChange(tx, input.accountId);
        if (result === 'taken') {
          await abandonEmailChange(tx, input.accountId);
          return 'taken';
        }
        return 'applied';
      });
    },

    async abandonCandidateEmailChange(input: { accountId: string }): Promise<EmailChangeOutcome> {
      await db.transaction(async (tx) => {
        await revokeTokensOf(tx, input.accountId, 'email_change');
        await abandonEmailChange(tx, input.accountId);
      });
      return 'expired';
    },

    /** The lifecycle's outcome mails, each sent once per workflow step. */
    async mailCandidate(input: { accountId: string; step: string } & CandidateMail) {
      const account = await requireAccount(input.accountId);
      const name = { firstName: account.first_name };
      const { locale } = account;
      const rendered =
        input.template === 'accountValidated'
          ? accountValidated({ ...name, fileNumber: account.file_number, loginUrl: `${config.http.publicBaseUrl}/connexion` }, locale)
          : input.template === 'passwordChanged'
            ? passwordChanged(name, locale)
            : emailChangeOutcome({ ...name, outcome: input.outcome }, locale);
      return deliverOnce(deps, { key: stepKey(input.step), template: input.template, to: account.email, rendered });
    },
  };
}

export type CandidateAccountActivities = ReturnType<typeof createActivities>;
