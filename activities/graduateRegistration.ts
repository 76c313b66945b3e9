import { ApplicationFailure } from '@temporalio/activity';
import {
  addGraduateGroups,
  findGraduateById,
  type GraduateAccount,
  groupsOfGraduate,
  recordDiplomaChoice,
  settleGraduateAccount,
  updateGraduate,
} from '../db/graduateAccounts.js';
import { staffHolding } from '../db/staffAccounts.js';
import { consumeToken } from '../db/tokens.js';
import { ErrorKind } from '../lib/errors.js';
import { type GraduateNotice, graduateNotice } from '../mail/templates/graduateRegistration/graduateNotice.js';
import type { AfterEmailValidation, DiplomaChoice, GraduateGroup } from '../workflows/graduateRegistration/contract.js';
import type { ApproverSelector } from '../workflows/kit/approval/contract.js';
import { issueAccountLink } from './kit/accountLinks.js';
import { type ActivityDeps, stepKey } from './kit/context.js';
import { deliverOnce } from './kit/mailing.js';

const firstNameOf = (g: GraduateAccount) => g.first_names.split(/[\s,]+/)[0] ?? g.first_names;
const groupLabel = (g: { kind: string; code: string }) => `${g.kind === 'vet' ? 'formation (VET)' : 'composante'} ${g.code}`;

export function createActivities(deps: ActivityDeps) {
  const { db, config } = deps;
  const portalUrl = `${config.http.publicBaseUrl}/docs`;
  // Where the complete form is sent (the API's documented route; an institution's front-end has its own page).
  const completeFormUrl = `${config.http.publicBaseUrl}/docs#/Dipl%C3%B4m%C3%A9s/graduateCompleteForm`;

  async function requireGraduate(accountId: string): Promise<GraduateAccount> {
    const account = await findGraduateById(db, accountId);
    if (!account) throw ApplicationFailure.nonRetryable(`graduate account ${accountId} does not exist`, ErrorKind.NotFound);
    return account;
  }

  return {
    async issueGraduateLink(input: { accountId: string; tokenId: string; step: string; expiresAt: number }) {
      const account = await requireGraduate(input.accountId);
      return issueAccountLink(deps, {
        subjectId: account.id,
        tokenId: input.tokenId,
        purpose: 'graduate_email_validation',
        step: input.step,
        expiresAt: input.expiresAt,
        to: account.email,
        render: (url, expiresAt) => graduateNotice('validationLink', { firstName: firstNameOf(account), url, expiresAt, portalUrl }),
      });
    },

    /**
     * Consumes the token (`at`: the lifecycle's clock) and moves the attempt on: to the diploma
     * choice (present), to the complete form (absent, not sent at registration), or to the decision.
     */
    async confirmGraduateEmail(input: { accountId: string; tokenId: string; at: number }): Promise<{ next: AfterEmailValidation }> {
      return db.transaction(async (tx) => {
        const account = await findGraduateById(tx, input.accountId);
        if (!account) throw ApplicationFailure.nonRetryable('graduate account gone', ErrorKind.NotFound);
        const next =
          account.registry_match !== 'absent' ? 'pending_diploma' : account.declared_diploma ? 'pending_approval' : 'pending_form';
        if (await consumeToken(tx, input.tokenId, new Date(input.at))) await updateGraduate(tx, account.id, { status: next });
        else if (account.status !== next)
          throw ApplicationFailure.nonRetryable('the validation link can no longer be used', ErrorKind.Expired);
        return { next: next === 'pending_diploma' ? 'choose_diploma' : next === 'pending_form' ? 'complete_form' : 'awaiting_approval' };
      });
    },

    /** What the complete form said, for the administrateur's decision page (the form sent after registration). */
    async declaredForm(input: { accountId: string }): Promise<Record<string, string>> {
      const account = await requireGraduate(input.accountId);
      const diploma = account.declared_diploma;
      return {
        ...(diploma
          ? { 'Diplôme déclaré': `${diploma.title ?? '—'} (${diploma.year ?? '—'})`, 'Composante déclarée': diploma.composante ?? '—' }
          : {}),
        ...(account.phone ? { Téléphone: account.phone } : {}),
        ...(account.postal_address ? { Adresse: account.postal_address } : {}),
      };
    },

    /** The index of the first level that someone holds, so a VET without a manager goes straight up. */
    async firstStaffedLevel(input: { levels: ApproverSelector[][] }): Promise<number> {
      for (const [index, level] of input.levels.entries()) {
        for (const selector of level) {
          if ('email' in selector || (await staffHolding(db, selector.role, selector.scope)).length > 0) return index;
        }
      }
      return input.levels.length - 1;
    },

    async recordGraduateChoice(input: { accountId: string; choice?: DiplomaChoice }) {
      await recordDiplomaChoice(db, input.accountId, input.choice);
    },

    /** The decision's effect, in one transaction: active with its groups, refused, or expired (`at`: the lifecycle's clock). */
    async settleGraduate(input: {
      accountId: string;
      outcome: 'active' | 'refused' | 'expired';
      decidedBy?: string;
      reason?: string;
      groups?: GraduateGroup[];
      at: number;
    }) {
      const { accountId, outcome: status, decidedBy, reason } = input;
      await db.transaction(async (tx) => {
        await settleGraduateAccount(tx, accountId, {
          status,
          ...(decidedBy ? { decidedBy } : {}),
          ...(reason ? { reason } : {}),
          at: new Date(input.at),
        });
        if (status === 'active') await addGraduateGroups(tx, accountId, input.groups ?? []);
      });
    },

    async mailGraduate(input: { accountId: string; notice: Exclude<GraduateNotice, 'validationLink'>; step: string }) {
      const account = await requireGraduate(input.accountId);
      const groups = input.notice === 'validated' ? (await groupsOfGraduate(db, account.id)).map(groupLabel) : undefined;
      const rendered = graduateNotice(input.notice, {
        firstName: firstNameOf(account),
        portalUrl: input.notice === 'completeForm' ? completeFormUrl : portalUrl,
        ...(groups ? { groups } : {}),
        ...(account.refusal_reason ? { reason: account.refusal_reason } : {}),
      });
      return deliverOnce(deps, { key: stepKey(input.step), template: `graduate.${input.notice}`, to: account.email, rendered });
    },
  };
}

export type GraduateRegistrationActivities = ReturnType<typeof createActivities>;
