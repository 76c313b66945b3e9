import { ApplicationFailure } from '@temporalio/activity';
import { readFreeText } from '../db/freeTexts.js';
import {
  addGraduateGroups,
  findActiveAccountOfRegistryPerson,
  findGraduateById,
  type GraduateAccount,
  groupsOfGraduate,
  recordDiplomaChoice,
  settleGraduateAccount,
  updateGraduate,
} from '../db/graduateAccounts.js';
import { findRegistryName } from '../db/registry/lookup.js';
import { staffHolding } from '../db/staffAccounts.js';
import { consumeToken } from '../db/tokens.js';
import { ErrorKind } from '../lib/errors.js';
import { mailLink } from '../mail/links.js';
import { type GraduateNotice, graduateNotice } from '../mail/templates/graduateRegistration/graduateNotice.js';
import type { DiplomaChoice, GraduateGroup } from '../workflows/graduateRegistration/contract.js';
import type { ApproverSelector } from '../workflows/kit/approval/contract.js';
import { issueAccountLink } from './kit/accountLinks.js';
import { type ActivityDeps, stepKey } from './kit/context.js';
import { deliverOnce } from './kit/mailing.js';
import { missingRow } from './kit/missingRow.js';
import { partyName } from './kit/parties.js';

const groupLabel = (g: { kind: string; code: string }, locale: 'fr' | 'en') =>
  `${g.kind === 'vet' ? (locale === 'fr' ? 'formation (VET)' : 'programme (VET)') : 'composante'} ${g.code}`;

/** « JEAN-PIERRE » → « Jean-Pierre »; a name already in mixed case is kept as it is. */
function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

export function createActivities(deps: ActivityDeps) {
  const { db, config } = deps;
  const links = { registrationUrl: mailLink(config, 'GRADUATE_REGISTRATION'), loginUrl: mailLink(config, 'GRADUATE_LOGIN') };

  async function requireGraduate(accountId: string): Promise<GraduateAccount> {
    const account = await findGraduateById(db, accountId);
    if (account) return account;
    throw missingRow(`graduate account ${accountId}`);
  }

  /** Graduate mails greet the person by the registry's name once they are recognised, not as typed. */
  async function firstNameOf(account: GraduateAccount): Promise<string> {
    const registry = account.registry_graduate_id ? await findRegistryName(db, account.registry_graduate_id) : undefined;
    const names = registry?.firstNames ?? account.first_names;
    return displayName(names.split(/[\s,]+/)[0] ?? names);
  }

  return {
    async issueGraduateLink(input: { accountId: string; tokenId: string; step: string; expiresAt: number }) {
      const account = await requireGraduate(input.accountId);
      const firstName = await firstNameOf(account);
      const next = account.registry_match === 'absent' ? 'complete_form' : 'choose_diploma';
      return issueAccountLink(deps, {
        subjectId: account.id,
        tokenId: input.tokenId,
        purpose: 'graduate_email_validation',
        step: input.step,
        expiresAt: input.expiresAt,
        to: account.email,
        render: (url, expiresAt) => graduateNotice('validationLink', { firstName, next, url, expiresAt, ...links }, account.locale),
      });
    },

    /** Consumes the token (`at`: the lifecycle's clock) and moves the attempt on (diploma choice, complete form, or decision). */
    async confirmGraduateEmail(input: { accountId: string; tokenId: string; at: number }) {
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

    /** True when another account of the registry person this attempt names is already validated. */
    async alreadyValidatedGraduate(input: { accountId: string; registryGraduateId?: string }): Promise<boolean> {
      const account = await requireGraduate(input.accountId);
      const person = input.registryGraduateId ?? account.registry_graduate_id;
      return person ? !!(await findActiveAccountOfRegistryPerson(db, person, account.id)) : false;
    },

    /** The index of the first level that someone holds, so a VET without a manager goes straight up. */
    async firstStaffedLevel(input: { levels: ApproverSelector[][] }): Promise<number> {
      for (const [index, level] of input.levels.entries()) {
        for (const selector of level) {
          if ('party' in selector || (await staffHolding(db, selector.role, selector.scope)).length > 0) return index;
        }
      }
      return input.levels.length - 1;
    },

    async recordGraduateChoice(input: { accountId: string; choice?: DiplomaChoice; validatorLevels: ApproverSelector[][] }) {
      const levels = input.validatorLevels.map((level) =>
        level.flatMap((s) => ('role' in s ? [{ role: s.role, ...(s.scope ? { scope: s.scope } : {}) }] : [])),
      );
      await recordDiplomaChoice(db, input.accountId, input.choice, levels);
    },

    /** The decision's effect, in one transaction: active with its groups, refused, expired or duplicate (`at`: the lifecycle's clock). */
    async settleGraduate(input: {
      accountId: string;
      outcome: 'active' | 'refused' | 'expired' | 'duplicate';
      /** The decider's key (`staff:<id>`). */
      decidedBy?: string;
      /** The refusal's reason, by its id in `free_texts` (issue 13): read here into the account. */
      reasonId?: string;
      groups?: GraduateGroup[];
      at: number;
    }) {
      const { accountId, outcome: status } = input;
      const reason = await readFreeText(db, input.reasonId);
      // The lifecycle gives the decider's key; the account keeps their name (read here, issue 13).
      const decidedBy = input.decidedBy ? await partyName(db, input.decidedBy) : undefined;
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

    /** Every mail in the language stored with the account, greeting the person by the registry's name. */
    async mailGraduate(input: { accountId: string; notice: Exclude<GraduateNotice, 'validationLink'>; step: string }) {
      const account = await requireGraduate(input.accountId);
      const locale = account.locale;
      const groups = input.notice === 'validated' ? (await groupsOfGraduate(db, account.id)).map((g) => groupLabel(g, locale)) : undefined;
      const rendered = graduateNotice(
        input.notice,
        {
          firstName: await firstNameOf(account),
          ...links,
          ...(groups ? { groups } : {}),
          ...(account.refusal_reason ? { reason: account.refusal_reason } : {}),
        },
        locale,
      );
      return deliverOnce(deps, { key: stepKey(input.step), template: `graduate.${input.notice}`, to: account.email, rendered });
    },
  };
}

export type GraduateRegistrationActivities = ReturnType<typeof createActivities>;
