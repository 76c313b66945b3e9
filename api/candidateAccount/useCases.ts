import type { z } from 'zod';
import { beginEmailChange, findCandidateByEmail, findCandidateById, insertPendingCandidate } from '../../db/candidateAccounts.js';
import { listLifecycleEvents } from '../../db/lifecycleEvents.js';
import { revokeSessionsOf } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { candidateAccount } from '../../workflows/candidateAccount/candidateAccount.js';
import type { candidateEmailChange } from '../../workflows/candidateAccount/candidateEmailChange.js';
import { candidateAccountWorkflowId, candidateEmailChangeWorkflowId } from '../../workflows/candidateAccount/contract.js';
import { createAccountLinkRequests } from '../accountLinkRequest/useCases.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';
import type { changeEmailBody, createCandidateBody } from '../schemas.js';
import { createMailQuota } from '../security/mailQuota.js';
import { createPasswordCheck } from '../sessions/loginThrottle.js';

export function createCandidateAccountUseCases(deps: ApiDeps) {
  const { db, temporal, config, hasher } = deps;
  const taskQueue = config.temporal.taskQueue;
  const requestAccountLink = createAccountLinkRequests(deps);
  const checkPassword = createPasswordCheck(deps);
  const allowMails = createMailQuota(deps);

  return {
    /**
     * Stores the account and starts its lifecycle in one transaction: if Temporal refuses the
     * start, the row is rolled back and the person can simply retry (nothing half-created).
     * The unique address makes two concurrent creations yield exactly one account.
     */
    async createAccount(input: z.infer<typeof createCandidateBody>) {
      await allowMails({ recipients: [input.email] });
      const passwordHash = await hasher.hash(input.password);
      return db.transaction(async (tx) => {
        const account = await insertPendingCandidate(tx, {
          lastName: input.lastName,
          firstName: input.firstName,
          email: input.email,
          passwordHash,
          locale: input.locale,
        });
        if (!account) {
          throw new AppError(
            ErrorKind.Conflict,
            msg('candidateAccount.alreadyExists'),
            { email: msg('candidateAccount.alreadyExists') },
            { hint: say('candidateAccount.recoveryHint'), recoveryUrl: '/api/candidates/forgotten-credentials' },
          );
        }
        await startLifecycle<typeof candidateAccount>(temporal, taskQueue, {
          workflowType: 'candidateAccount',
          workflowId: candidateAccountWorkflowId(account.id),
          input: { accountId: account.id, validationWindowMs: config.lifetimes.accountValidationMs },
          kind: 'candidateAccount',
          subjectId: account.id,
          summary: 'Compte candidat : validation de l’adresse mail',
        });
        return { accountId: account.id, message: say('candidateAccount.created') };
      });
    },

    /**
     * « Renvoyer le lien »: same answer, same work and same time whether or not the address has a
     * pending account (the lookup happens afterwards, in the `accountLinkRequest` lifecycle).
     */
    async resendValidationLink(email: string) {
      await requestAccountLink('candidate_link', email);
      return { message: say('candidateAccount.linkResent') };
    },

    /**
     * « J'ai oublié mes identifiants »: an active account gets its recovery lifecycle (or the running
     * one a fresh link), an unvalidated one its validation link again, an unknown address nothing;
     * the API's answer and its work are the same in every case.
     */
    async forgottenCredentials(email: string) {
      await requestAccountLink('candidate_recovery', email);
      return { message: say('candidateAccount.recoverySent') };
    },

    /**
     * Seed 001: after changing the address the candidate is logged out until the new address
     * is validated. The change is recorded, sessions closed and the lifecycle started atomically.
     */
    async changeEmail(accountId: string, input: z.infer<typeof changeEmailBody>, clientIp: string) {
      const account = await findCandidateById(db, accountId);
      if (!account) throw new AppError(ErrorKind.Unauthenticated, msg('session.invalid'));
      // Throttled like a login: a stolen session must not become a way to guess the password.
      const passwordOk = await checkPassword({
        accountKey: `candidate:${account.id}`,
        clientIp,
        passwordHash: account.password_hash,
        password: input.currentPassword,
      });
      if (!passwordOk) {
        throw new AppError(ErrorKind.Forbidden, msg('candidateAccount.wrongCurrentPassword'), {
          currentPassword: msg('candidateAccount.wrongCurrentPasswordField'),
        });
      }
      if (input.email === account.email.toLowerCase()) {
        throw new AppError(ErrorKind.Validation, msg('candidateAccount.sameEmail'), { email: msg('candidateAccount.sameEmailField') });
      }
      if (await findCandidateByEmail(db, input.email)) {
        throw new AppError(ErrorKind.Conflict, msg('candidateAccount.alreadyExists'), { email: msg('candidateAccount.alreadyExists') });
      }
      await allowMails({ recipients: [input.email], user: `candidate:${accountId}` });
      await db.transaction(async (tx) => {
        if (!(await beginEmailChange(tx, accountId, input.email))) {
          throw new AppError(ErrorKind.Conflict, msg('candidateAccount.emailChangePending'));
        }
        await revokeSessionsOf(tx, 'candidate', accountId);
        await startLifecycle<typeof candidateEmailChange>(temporal, taskQueue, {
          workflowType: 'candidateEmailChange',
          workflowId: candidateEmailChangeWorkflowId(accountId),
          input: { accountId, validationWindowMs: config.lifetimes.emailChangeMs },
          kind: 'candidateEmailChange',
          subjectId: accountId,
          summary: 'Compte candidat : validation de la nouvelle adresse mail',
        });
      });
      return { message: say('candidateAccount.emailChangeStarted') };
    },

    /** « Mon compte »: the logged-in candidate's own account. */
    async profile(accountId: string) {
      const profile = await this.findProfile(accountId);
      if (!profile) throw new AppError(ErrorKind.Unauthenticated, msg('session.invalid'));
      return profile;
    },

    async findProfile(accountId: string) {
      const account = await findCandidateById(db, accountId);
      if (!account) return undefined;
      return {
        id: account.id,
        fileNumber: account.file_number,
        lastName: account.last_name,
        firstName: account.first_name,
        email: account.email,
        status: account.status,
        validatedAt: account.validated_at,
      };
    },

    /** The lifecycle events of the candidate's account (creation, validation, changes of address…). */
    async history(accountId: string) {
      const events = await listLifecycleEvents(db, accountId);
      return { events: events.map((e: { kind: string; status: string; at: Date }) => ({ kind: e.kind, status: e.status, at: e.at })) };
    },
  };
}
