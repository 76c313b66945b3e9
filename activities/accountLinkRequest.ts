import { findCandidateByEmail } from '../db/candidateAccounts.js';
import { findGraduateByEmail } from '../db/graduateAccounts.js';
import { deleteLinkRequest, findLinkRequest } from '../db/linkRequests.js';
import { findRecruiterByEmail } from '../db/recruiterAccounts.js';
import type { LinkRequestTarget } from '../workflows/accountLinkRequest/contract.js';
import { candidateAccountWorkflowId, candidateEmailChangeWorkflowId } from '../workflows/candidateAccount/contract.js';
import { graduateRegistrationWorkflowId } from '../workflows/graduateRegistration/contract.js';
import { recruiterRegistrationWorkflowId } from '../workflows/recruiterRegistration/contract.js';
import type { ActivityDeps } from './kit/context.js';

export function createActivities({ db }: ActivityDeps) {
  return {
    /**
     * A local activity: what the typed address leads to (internal ids only; the address does not
     * enter the history). Retried while the API's row is not visible yet.
     */
    async resolveLinkRequest(input: { requestId: string }): Promise<LinkRequestTarget> {
      const request = await findLinkRequest(db, input.requestId);
      if (!request) throw new Error(`link request ${input.requestId} is not stored (yet)`);
      switch (request.purpose) {
        case 'candidate_recovery':
        case 'candidate_link': {
          const account = await findCandidateByEmail(db, request.email);
          if (account?.status === 'pending_validation') return { kind: 'resend', workflowId: candidateAccountWorkflowId(account.id) };
          if (account?.status === 'email_change_pending') return { kind: 'resend', workflowId: candidateEmailChangeWorkflowId(account.id) };
          if (account?.status === 'active' && request.purpose === 'candidate_recovery') return { kind: 'recovery', accountId: account.id };
          return { kind: 'none' };
        }
        case 'graduate_link': {
          const account = await findGraduateByEmail(db, request.email);
          return account?.status === 'pending_email'
            ? { kind: 'resend', workflowId: graduateRegistrationWorkflowId(account.id) }
            : { kind: 'none' };
        }
        case 'recruiter_link': {
          const account = await findRecruiterByEmail(db, request.email);
          return account?.status === 'pending_email'
            ? { kind: 'resend', workflowId: recruiterRegistrationWorkflowId(account.id) }
            : { kind: 'none' };
        }
      }
    },

    /** A local activity: the typed address is deleted once looked up (idempotent). */
    async forgetLinkRequest(input: { requestId: string }): Promise<void> {
      await deleteLinkRequest(db, input.requestId);
    },
  };
}

export type AccountLinkRequestActivities = ReturnType<typeof createActivities>;
