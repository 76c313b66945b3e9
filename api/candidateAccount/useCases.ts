import type { z } from 'zod';
import { beginEmailChange, findCandidateByEmail, findCandidateById, insertPendingCandidate } from '../../db/candidateAccounts.js';
import { revokeSessionsOf } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
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
import { startLifecycle, startOrNudge } from '../lifecycles.js';
import type { changeEmailBody, createCandidateBody } from '../schemas.js';

export const messages = {
  created: 'Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider',
  alreadyExists: 'Un compte avec cette adresse mail existe déjà',
  linkResent: 'Si un compte en attente de validation correspond à cette adresse, un nouveau lien de validation vient d’y être envoyé.',
  recoverySent:
    'Si un compte correspond à cette adresse, un courriel contenant votre identifiant et un lien pour choisir un nouveau mot de passe vient d’y être envoyé.',
  emailChangeStarted:
    'Votre adresse a été modifiée : vous avez été déconnecté. Consultez vos courriels pour valider la nouvelle adresse, puis reconnectez-vous.',
} as const;

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
            messages.alreadyExists,
            { email: messages.alreadyExists },
            {
              hint: 'J’ai oublié mes identifiants',
              recoveryUrl: '/api/candidates/forgotten-credentials',
            },
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
        return { accountId: account.id, message: messages.created };
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
      return { message: messages.linkResent };
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
      return { message: messages.recoverySent };
    },

    /**
     * Seed 001: after changing the address the candidate is logged out until the new address
     * is validated. The change is recorded, sessions closed and the lifecycle started atomically.
     */
    async changeEmail(accountId: string, input: z.infer<typeof changeEmailBody>) {
      const account = await findCandidateById(db, accountId);
      if (!account) throw new AppError(ErrorKind.Unauthenticated, 'Session invalide.');
      if (!(await hasher.verify(account.password_hash, input.currentPassword))) {
        throw new AppError(ErrorKind.Forbidden, 'Mot de passe actuel incorrect.', { currentPassword: 'Mot de passe actuel incorrect' });
      }
      if (input.email === account.email.toLowerCase()) {
        throw new AppError(ErrorKind.Validation, 'La nouvelle adresse est identique à l’actuelle.', {
          email: 'La nouvelle adresse est identique à l’actuelle',
        });
      }
      if (await findCandidateByEmail(db, input.email)) {
        throw new AppError(ErrorKind.Conflict, messages.alreadyExists, { email: messages.alreadyExists });
      }
      await db.transaction(async (tx) => {
        if (!(await beginEmailChange(tx, accountId, input.email))) {
          throw new AppError(ErrorKind.Conflict, 'Une modification d’adresse est déjà en attente de validation.');
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
      return { message: messages.emailChangeStarted };
    },
  };
}
