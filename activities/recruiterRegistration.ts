import { ApplicationFailure } from '@temporalio/activity';
import { readFreeText } from '../db/freeTexts.js';
import { findRecruiterById, type RecruiterAccount, settleRecruiterAccount, updateRecruiter } from '../db/recruiterAccounts.js';
import { consumeToken } from '../db/tokens.js';
import { ErrorKind } from '../lib/errors.js';
import { mailLink } from '../mail/links.js';
import { type RecruiterNotice, recruiterNotice } from '../mail/templates/recruiterRegistration/recruiterNotice.js';
import { issueAccountLink } from './kit/accountLinks.js';
import { type ActivityDeps, stepKey } from './kit/context.js';
import { deliverOnce } from './kit/mailing.js';
import { missingRow } from './kit/missingRow.js';
import { partyName } from './kit/parties.js';

export function createActivities(deps: ActivityDeps) {
  const { db, config } = deps;
  const links = { registrationUrl: mailLink(config, 'RECRUITER_REGISTRATION'), loginUrl: mailLink(config, 'RECRUITER_LOGIN') };

  async function requireRecruiter(accountId: string): Promise<RecruiterAccount> {
    const account = await findRecruiterById(db, accountId);
    if (!account) throw missingRow(`recruiter account ${accountId}`);
    return account;
  }
  const who = (r: RecruiterAccount) => ({ firstName: r.contact_first_name, companyName: r.company_name, ...links });

  return {
    async issueRecruiterLink(input: { accountId: string; tokenId: string; step: string; expiresAt: number }) {
      const account = await requireRecruiter(input.accountId);
      return issueAccountLink(deps, {
        subjectId: account.id,
        tokenId: input.tokenId,
        purpose: 'recruiter_email_validation',
        step: input.step,
        expiresAt: input.expiresAt,
        to: account.email,
        render: (url, expiresAt) => recruiterNotice('validationLink', { ...who(account), url, expiresAt }, account.locale),
      });
    },

    /** Consumes the token (`at`: the lifecycle's clock): the attempt now waits for the administrateur. */
    async confirmRecruiterEmail(input: { accountId: string; tokenId: string; at: number }) {
      return db.transaction(async (tx) => {
        const account = await findRecruiterById(tx, input.accountId);
        if (!account) throw ApplicationFailure.nonRetryable('recruiter account gone', ErrorKind.NotFound);
        if (await consumeToken(tx, input.tokenId, new Date(input.at)))
          await updateRecruiter(tx, account.id, { status: 'pending_approval' });
        else if (account.status !== 'pending_approval')
          throw ApplicationFailure.nonRetryable('the validation link can no longer be used', ErrorKind.Expired);
        return { next: 'awaiting_approval' };
      });
    },

    /** The decision's effect on the account (`at`: the lifecycle's clock). */
    async settleRecruiter(input: {
      accountId: string;
      outcome: 'active' | 'refused' | 'expired';
      /** The decider's key (`staff:<id>`). */
      decidedBy?: string;
      /** The refusal's reason, by its id in `free_texts` (issue 13): read here into the account. */
      reasonId?: string;
      at: number;
    }) {
      const { accountId, outcome: status } = input;
      const reason = await readFreeText(db, input.reasonId);
      // The lifecycle gives the decider's key; the account keeps their name (read here, issue 13).
      const decidedBy = input.decidedBy ? await partyName(db, input.decidedBy) : undefined;
      await settleRecruiterAccount(db, accountId, {
        status,
        ...(decidedBy ? { decidedBy } : {}),
        ...(reason ? { reason } : {}),
        at: new Date(input.at),
      });
    },

    async mailRecruiter(input: { accountId: string; notice: Exclude<RecruiterNotice, 'validationLink'>; step: string }) {
      const account = await requireRecruiter(input.accountId);
      // In the language stored with the account (the one chosen on the pages when registering).
      const rendered = recruiterNotice(
        input.notice,
        {
          ...who(account),
          ...(account.refusal_reason ? { reason: account.refusal_reason } : {}),
        },
        account.locale,
      );
      return deliverOnce(deps, { key: stepKey(input.step), template: `recruiter.${input.notice}`, to: account.email, rendered });
    },
  };
}

export type RecruiterRegistrationActivities = ReturnType<typeof createActivities>;
