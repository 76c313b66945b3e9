import { insertLinkRequest } from '../../db/linkRequests.js';
import type { accountLinkRequest } from '../../workflows/accountLinkRequest/accountLinkRequest.js';
import {
  accountLinkRequestKind,
  accountLinkRequestWorkflowId,
  type LinkRequestPurpose,
} from '../../workflows/accountLinkRequest/contract.js';
import type { ApiDeps } from '../deps.js';
import { startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';

/**
 * « J'ai oublié mes identifiants » and « Renvoyer le lien »: whatever the address, the same two
 * steps (store it, start the lifecycle that looks it up), so neither the answer nor its timing
 * tells whether an account exists. The lookup and any mail happen in the lifecycle, afterwards.
 */
export function createAccountLinkRequests(deps: ApiDeps) {
  const { db, temporal, config } = deps;
  const allowMails = createMailQuota(deps);
  return async function requestAccountLink(purpose: LinkRequestPurpose, email: string): Promise<void> {
    // Counted per typed address, known or not: the limit itself tells nothing.
    await allowMails({ recipients: [email] });
    const requestId = await insertLinkRequest(db, { purpose, email });
    await startLifecycle<typeof accountLinkRequest>(temporal, config.temporal.taskQueue, {
      workflowType: 'accountLinkRequest',
      workflowId: accountLinkRequestWorkflowId(requestId),
      input: { requestId, recoveryLinkValidityMs: config.lifetimes.passwordResetMs },
      kind: accountLinkRequestKind,
      subjectId: requestId,
      summary: purpose === 'candidate_recovery' ? 'Identifiants oubliés : demande reçue' : 'Renvoi d’un lien : demande reçue',
    });
  };
}
