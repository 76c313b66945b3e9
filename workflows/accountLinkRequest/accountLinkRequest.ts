import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { getExternalWorkflowHandle, ParentClosePolicy, proxyLocalActivities, startChild } from '@temporalio/workflow';
import type { AccountLinkRequestActivities as Activities } from '../../activities/accountLinkRequest.js';
import { credentialRecoveryWorkflowId } from '../candidateAccount/contract.js';
import type { credentialRecovery } from '../candidateAccount/credentialRecovery.js';
import { localProjectionActivityOptions, rowVisibilityActivityOptions } from '../kit/activityOptions.js';
import { lifecycle } from '../kit/lifecycle.js';
import { resendLinkSignal } from '../kit/oneTimeLinkContract.js';
import { LifecycleKind, LifecycleStatus, SubjectId } from '../kit/searchAttributes.js';
import { type AccountLinkRequestInput, type AccountLinkRequestOutcome, accountLinkRequestKind } from './contract.js';

const lookups = proxyLocalActivities<Activities>({ ...localProjectionActivityOptions, retry: rowVisibilityActivityOptions.retry });
const requests = proxyLocalActivities<Activities>(localProjectionActivityOptions);

/**
 * One request for a link by mail (seed 001 « J'ai oublié mes identifiants », « Renvoyer le lien »).
 * The API answered at once, the same for any address; here:
 *   1. the typed address is looked up, then forgotten;
 *   2. no account: the request ends, nobody is mailed;
 *   3. a lifecycle waiting for its link is asked for a fresh one (its own resend limit applies);
 *   4. an active candidate starts their credential recovery (or the running one mails a fresh link).
 */
export async function accountLinkRequest(input: AccountLinkRequestInput): Promise<AccountLinkRequestOutcome> {
  const request = lifecycle<'received' | AccountLinkRequestOutcome>({
    kind: accountLinkRequestKind,
    subjectId: input.requestId,
    initial: 'received',
  });

  // 1. Which account the address names, if any; the address itself is not kept.
  const target = await lookups.resolveLinkRequest({ requestId: input.requestId });
  await requests.forgetLinkRequest({ requestId: input.requestId });

  // 2. Unknown address (or nothing waiting on a link): nothing is sent.
  let outcome: AccountLinkRequestOutcome = 'no_account';
  if (target.kind === 'resend') {
    // 3. « Renvoyer le lien »: the lifecycle that issued the link replaces it.
    outcome = (await nudge(target.workflowId)) ? 'link_resent' : 'nothing_to_resend';
  } else if (target.kind === 'recovery') {
    // 4. « J'ai oublié mes identifiants »: a recovery of its own, which outlives this request.
    outcome = await startRecovery(target.accountId, input.recoveryLinkValidityMs);
  }
  await request.enter(outcome);
  return request.end(outcome);
}

async function nudge(workflowId: string): Promise<boolean> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(resendLinkSignal);
    return true;
  } catch {
    // It ended meanwhile (validated, purged): there is no link left to resend.
    return false;
  }
}

async function startRecovery(accountId: string, linkValidityMs: number): Promise<AccountLinkRequestOutcome> {
  const workflowId = credentialRecoveryWorkflowId(accountId);
  try {
    await startChild<typeof credentialRecovery>('credentialRecovery', {
      workflowId,
      args: [{ accountId, linkValidityMs }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      staticSummary: 'Identifiants oubliés : choix d’un nouveau mot de passe',
      typedSearchAttributes: [
        { key: LifecycleKind, value: 'credentialRecovery' },
        { key: LifecycleStatus, value: 'started' },
        { key: SubjectId, value: accountId },
      ],
    });
    return 'recovery_started';
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return (await nudge(workflowId)) ? 'link_resent' : 'nothing_to_resend';
  }
}
