import { proxyActivities } from '@temporalio/workflow';
import type { RecruiterRegistrationActivities as Activities } from '../../activities/recruiterRegistration.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { requestDecision } from '../kit/approval/requestDecision.js';
import { decidedBy, lifecycle } from '../kit/lifecycle.js';
import { waitForLinkUse } from '../kit/oneTimeLink.js';
import type { RecruiterRegistrationInput, RecruiterRegistrationPhase } from './contract.js';

const recruiters = proxyActivities<Activities>(defaultActivityOptions);

/**
 * « Profils recruteurs » (seed 000). The API has stored the attempt with the accepted terms (version
 * and time) and the argon2id hash:
 *   1. the address is validated by a mailed link;
 *   2. « Votre inscription est validée par l'administrateur »;
 *   3. validated: the recruiter can log in, without the right to post offers (granted apart);
 *      refused: the reason is mailed and the address is free again. Every outcome is mailed.
 */
export async function recruiterRegistration(input: RecruiterRegistrationInput): Promise<RecruiterRegistrationPhase> {
  const { accountId } = input;
  const registration = lifecycle<RecruiterRegistrationPhase>({
    kind: 'recruiterRegistration',
    subjectId: accountId,
    initial: 'awaiting_email',
  });

  const finish = async (phase: RecruiterRegistrationPhase, details: Record<string, unknown> = {}) => {
    await registration.enter(phase, details);
    return registration.end(phase);
  };
  const expire = async () => {
    await recruiters.settleRecruiter({ accountId, outcome: 'expired', at: Date.now() });
    await recruiters.mailRecruiter({ accountId, notice: 'expired', step: 'expired-mail' });
    return finish('expired');
  };

  // 1. E-mail validation, as for every account.
  await registration.enter('awaiting_email');
  const deadline = Date.now() + input.emailValidationMs;
  const validation = await waitForLinkUse({
    deadline,
    maxResends: 5,
    issue: (attempt, tokenId) =>
      recruiters.issueRecruiterLink({ accountId, tokenId, step: `validation-link-${attempt}`, expiresAt: deadline }),
    use: (tokenId) => recruiters.confirmRecruiterEmail({ accountId, tokenId, at: Date.now() }),
  });
  if (!validation.used) return expire();

  // 2. The administrateur validates (reminders as data; silence expires the attempt).
  await registration.enter('awaiting_approval');
  const decision = await requestDecision({
    step: 'validation',
    kind: 'recruiterRegistration',
    subject: accountId,
    requester: input.applicant,
    approvers: [{ role: 'administrateur' }],
    outcomes: ['approve', 'refuse'],
    plan: { ...input.plan, onDeadline: 'expire' },
  });
  if (decision.outcome !== 'approve' && decision.outcome !== 'refuse') return expire();

  // 3. The outcome, mailed.
  const decided = { decidedBy: decision.decidedBy.key, at: Date.now() };
  if (decision.outcome === 'approve') {
    await recruiters.settleRecruiter({ accountId, outcome: 'active', ...decided });
    await recruiters.mailRecruiter({ accountId, notice: 'validated', step: 'validated-mail' });
    return finish('active', decidedBy(decision));
  }
  await recruiters.settleRecruiter({
    accountId,
    outcome: 'refused',
    ...decided,
    ...(decision.reasonId ? { reasonId: decision.reasonId } : {}),
  });
  await recruiters.mailRecruiter({ accountId, notice: 'refused', step: 'refused-mail' });
  return finish('refused', decidedBy(decision));
}
