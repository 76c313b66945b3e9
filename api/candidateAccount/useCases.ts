import type { z } from 'zod';
import { beginEmailChange, findCandidateByEmail, findCandidateById, insertPendingCandidate } from '../../db/candidateAccounts.js';
import { listLifecycleEvents } from '../../db/lifecycleEvents.js';
import { revokeSessionsOf } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { candidateAccount } from '../../workflows/candidateAccount/candidateAccount.js';
import type { candidateEmailChange } from '../../workflows/candidateAccount/candidateEmailChange.js';
import {
  candidateAccountWorkflowId,
  candidateEmailChangeWorkflowId,
  credentialRecoveryWorkflowId,
} from '../../workflows/candidateAccount/contract.js';
import type { credentialRecovery } from '../../workflows/candidateAccount/credentialRecovery.js';
import { resendLinkSignal } from '../../workflows/kit/oneTimeLinkContract.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { startLifecycle, startOrNudge } from '../lifecycles.js';
import type { changeEmailBody, createCandidateBody } from '../schemas.js';

export function createCandidateAccountUseCases({ db, temporal, config, hasher }: ApiDeps) {
  const taskQueue = config.temporal.taskQueue;

  return {
    /**
     * Stores the account and starts its lifecycle in one transaction: if Temporal refuses the
     * start, the row is rolled back and the person can simply retry (nothing half-created).
     * The unique address makes two concurrent creations yield exactly one account.
     */
    async createAccount(input: z.infer<typeof createCandidateBody>) {
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

    /** « Renvoyer le lien »: same answer whether or not the address has a pending account. */
    async resendValidationLink(email: string) {
      const account = await findCandidateByEmail(db, email);
      const workflowId =
        account?.status === 'pending_validation'
          ? candidateAccountWorkflowId(account.id)
          : account?.status === 'email_change_pending'
            ? candidateEmailChangeWorkflowId(account.id)
            : undefined;
      if (workflowId)
        await temporal.workflow
          .getHandle(workflowId)
          .signal(resendLinkSignal)
          .catch(() => undefined);
      return { message: say('candidateAccount.linkResent') };
    },

    /**
     * « J'ai oublié mes identifiants »: starts a recovery lifecycle for an active account (or asks
     * the running one for a fresh link); an unvalidated account gets its validation link again.
     * The answer never reveals whether the address is known.
     */
    async forgottenCredentials(email: string) {
      const account = await findCandidateByEmail(db, email);
      if (account?.status === 'active') {
        await startOrNudge<typeof credentialRecovery>(
          temporal,
          taskQueue,
          {
            workflowType: 'credentialRecovery',
            workflowId: credentialRecoveryWorkflowId(account.id),
            input: { accountId: account.id, linkValidityMs: config.lifetimes.passwordResetMs },
            kind: 'credentialRecovery',
            subjectId: account.id,
            summary: 'Identifiants oubliés : choix d’un nouveau mot de passe',
          },
          () => temporal.workflow.getHandle(credentialRecoveryWorkflowId(account.id)).signal(resendLinkSignal),
        );
      } else if (account) {
        await this.resendValidationLink(email);
      }
      return { message: say('candidateAccount.recoverySent') };
    },

    /**
     * Seed 001: after changing the address the candidate is logged out until the new address
     * is validated. The change is recorded, sessions closed and the lifecycle started atomically.
     */
    async changeEmail(accountId: string, input: z.infer<typeof changeEmailBody>) {
      const account = await findCandidateById(db, accountId);
      if (!account) throw new AppError(ErrorKind.Unauthenticated, msg('session.invalid'));
      if (!(await hasher.verify(account.password_hash, input.currentPassword))) {
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
