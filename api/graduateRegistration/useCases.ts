import type { z } from 'zod';
import { storeFreeText } from '../../db/freeTexts.js';
import {
  findGraduateById,
  type GraduateAccount,
  groupsOfGraduate,
  insertPendingGraduate,
  type RegistryMatch,
  recordCompleteForm,
} from '../../db/graduateAccounts.js';
import { listLifecycleEvents } from '../../db/lifecycleEvents.js';
import { findGraduateCandidates, listComposantes, listGraduateDiplomas, type RegistryDiploma } from '../../db/registry/lookup.js';
import { linkLookupToAccount, recordRegistryLookup } from '../../db/registry/lookupAudit.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { digestHex } from '../../lib/secrets.js';
import {
  chooseDiplomaUpdate,
  completeFormUpdate,
  type DiplomaChoice,
  graduateRegistrationWorkflowId,
} from '../../workflows/graduateRegistration/contract.js';
import type { graduateRegistration } from '../../workflows/graduateRegistration/graduateRegistration.js';
import { createAccountLinkRequests } from '../accountLinkRequest/useCases.js';
import type { ApiDeps } from '../deps.js';
import { requestLanguage, say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';
import { createProfileLoginUseCases } from '../sessions/profileLogin.js';
import type { completeFormBody, createGraduateBody, diplomaChoice, graduateCredentialsBody } from './schemas.js';

const COMPOSANTES_TTL_MS = 5 * 60_000;

/**
 * « Profils diplômés » (seed 000): the registry lookup decides the branch, but the answer is the
 * same for everyone (issue 12: « on vous envoie les instructions via l'adresse mail saisie »); the
 * account row and the lifecycle start are one transaction; the diploma choice and the complete
 * form are addressed to the lifecycle. Each step has two doors: the JSON API (authenticated by the
 * registration's address and password) and the pages (the same, or the pass of the browser that
 * used the mailed link), both ending in the same functions below.
 */
export function createGraduateRegistrationUseCases(deps: ApiDeps) {
  const { db, temporal, config, hasher } = deps;
  const credentials = createProfileLoginUseCases(deps);
  const requestAccountLink = createAccountLinkRequests(deps);
  const allowMails = createMailQuota(deps);
  let composantes: { at: number; list: Promise<{ code: string; label: string }[]> } | undefined;

  /** The diplomas the person may pick: those of every registry graduate they matched. */
  async function diplomasOf(candidateIds: string[]): Promise<(RegistryDiploma & { graduateId: string })[]> {
    const lists = await Promise.all(
      candidateIds.map(async (graduateId) => (await listGraduateDiplomas(db, graduateId)).map((d) => ({ ...d, graduateId }))),
    );
    return lists.flat();
  }

  const requireStatus = (account: GraduateAccount, status: GraduateAccount['status'], refusal: 'notChoosing' | 'notCompleting') => {
    if (account.status !== status)
      throw new AppError(ErrorKind.Conflict, msg(`graduateRegistration.${refusal}`), undefined, { status: account.status });
    return account;
  };

  /** Homonyms' diplomas are shown without any of their personal data; one line per VET and year. */
  async function diplomasFor(account: GraduateAccount) {
    requireStatus(account, 'pending_diploma', 'notChoosing');
    const seen = new Set<string>();
    return (await diplomasOf(account.registry_candidate_ids))
      .filter((d) => {
        const key = `${d.vetCode}:${d.year}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map(({ graduateId: _g, ...d }) => d);
  }

  async function chooseFor(account: GraduateAccount, input: z.infer<typeof diplomaChoice>) {
    requireStatus(account, 'pending_diploma', 'notChoosing');
    let choice: DiplomaChoice;
    if ('diplomaId' in input) {
      const diplomas = await diplomasOf(account.registry_candidate_ids);
      const picked = diplomas.find((d) => d.id === input.diplomaId);
      if (!picked)
        throw new AppError(ErrorKind.NotFound, msg('graduateRegistration.notYours'), { diplomaId: msg('graduateRegistration.notYours') });
      const holders = new Set(diplomas.filter((d) => d.vetCode === picked.vetCode && d.year === picked.year).map((d) => d.graduateId));
      choice = {
        kind: 'found',
        registryGraduateId: picked.graduateId,
        vetCode: picked.vetCode,
        vetLabel: picked.vetLabel ?? picked.vetCode,
        composanteCode: picked.composanteCode,
        year: picked.year,
        sharedByHomonyms: holders.size > 1,
      };
    } else {
      choice = {
        kind: 'not_found',
        composanteCode: input.composanteCode,
        ...(input.title ? { titleId: await storeFreeText(db, input.title) } : {}),
        ...(input.year ? { year: input.year } : {}),
      };
    }
    const state = await temporal.workflow
      .getHandle(graduateRegistrationWorkflowId(account.id))
      .executeUpdate(chooseDiplomaUpdate, { args: [choice] });
    return { phase: state.phase, message: say('graduateRegistration.choiceRecorded') };
  }

  /** The complete form is stored by the API (personal data stays out of the workflow), then the lifecycle is told. */
  async function completeFor(account: GraduateAccount, input: z.infer<typeof completeFormBody>) {
    requireStatus(account, 'pending_form', 'notCompleting');
    const recorded = await recordCompleteForm(db, account.id, {
      phone: input.phone,
      postalAddress: input.postalAddress,
      declaredDiploma: input.rememberedDiploma,
    });
    if (!recorded) throw new AppError(ErrorKind.Conflict, msg('graduateRegistration.notCompleting'));
    const state = await temporal.workflow.getHandle(graduateRegistrationWorkflowId(account.id)).executeUpdate(completeFormUpdate);
    return { phase: state.phase, message: say('graduateRegistration.formRecorded') };
  }

  return {
    async register(input: z.infer<typeof createGraduateBody>, clientIp: string) {
      await allowMails({ recipients: [input.email] });
      const matches = await findGraduateCandidates(db, {
        lastName: input.lastName,
        firstNames: input.firstNames,
        birthDate: input.birthDate,
      });
      const registry: RegistryMatch = matches.length === 0 ? 'absent' : matches.length === 1 ? 'present' : 'ambiguous';
      const remembered = input.rememberedDiploma;
      // Kept only from an absent person who already sent the whole complete form (API clients).
      const formCompleted = registry === 'absent' && !!remembered && !!input.phone && !!input.postalAddress;
      const passwordHash = await hasher.hash(input.password);
      const g = config.graduates;
      const identityDigest = digestHex(
        [input.lastName, input.firstNames, input.birthDate].map((part) => part.trim().toLowerCase().normalize('NFC')).join('|'),
      );
      // Audited first, so a lookup is on record even when the registration itself is refused (409).
      const lookupId = await recordRegistryLookup(db, {
        clientIp,
        email: input.email,
        identityDigest,
        outcome: registry,
        registryIds: matches.map((m) => m.id),
      });
      return db.transaction(async (tx) => {
        const account = await insertPendingGraduate(tx, {
          last_name: input.lastName,
          first_names: input.firstNames,
          birth_date: input.birthDate,
          email: input.email,
          password_hash: passwordHash,
          registry_match: registry,
          registry_candidate_ids: matches.map((m) => m.id),
          phone: formCompleted ? input.phone! : null,
          postal_address: formCompleted ? input.postalAddress! : null,
          declared_diploma: formCompleted ? remembered! : null,
          locale: input.locale ?? requestLanguage(),
        });
        if (!account)
          throw new AppError(ErrorKind.Conflict, msg('graduateRegistration.alreadyExists'), {
            email: msg('graduateRegistration.alreadyExists'),
          });
        await linkLookupToAccount(tx, lookupId, account.id);
        await startLifecycle<typeof graduateRegistration>(temporal, config.temporal.taskQueue, {
          workflowType: 'graduateRegistration',
          workflowId: graduateRegistrationWorkflowId(account.id),
          kind: 'graduateRegistration',
          subjectId: account.id,
          summary: `Inscription diplômé : ${registry === 'absent' ? 'absent de la base' : registry === 'ambiguous' ? 'plusieurs correspondances' : 'présent dans la base'}`,
          input: {
            accountId: account.id,
            // Ids only (issue 13): the identity typed is in graduate_accounts, read when shown.
            applicant: { key: `graduate:${account.id}` },
            registryMatch: registry,
            formCompleted,
            emailValidationMs: g.emailValidationMs,
            diplomaChoiceMs: g.diplomaChoiceMs,
            plan: { ...g.decision, escalateToComposante: g.escalateToComposante, escalateToAdmin: g.escalateToAdmin },
          },
        });
        return { accountId: account.id, message: say('graduateRegistration.created') };
      });
    },

    /** The registration of whoever knows its address and password, whatever its state (pages: « suivre mon inscription »). */
    async openRegistration(input: z.infer<typeof graduateCredentialsBody>, clientIp: string) {
      return credentials.checkCredentials('graduate', input, clientIp);
    },

    async account(accountId: string) {
      const account = await findGraduateById(db, accountId);
      if (!account) throw new AppError(ErrorKind.NotFound, msg('session.invalid'));
      return account;
    },

    /** « Vous trouvez votre diplôme (code vet) »: the list, once the address is validated. */
    async diplomas(input: z.infer<typeof graduateCredentialsBody>, clientIp: string) {
      return { diplomas: await diplomasFor(await credentials.checkCredentials('graduate', input, clientIp)) };
    },
    diplomasFor,

    async chooseDiploma(input: z.infer<typeof graduateCredentialsBody> & z.infer<typeof diplomaChoice>, clientIp: string) {
      return chooseFor(await credentials.checkCredentials('graduate', input, clientIp), input);
    },
    chooseFor,

    async completeForm(input: z.infer<typeof graduateCredentialsBody> & z.infer<typeof completeFormBody>, clientIp: string) {
      return completeFor(await credentials.checkCredentials('graduate', input, clientIp), input);
    },
    completeFor,

    /** The composantes of the registry, for « diplôme non trouvé » (cached a few minutes: it hardly changes). */
    async composantes() {
      if (!composantes || Date.now() - composantes.at > COMPOSANTES_TTL_MS) composantes = { at: Date.now(), list: listComposantes(db) };
      return composantes.list;
    },

    /** The steps of a registration, oldest first (its status page's history). */
    async history(accountId: string): Promise<{ status: string; at: Date }[]> {
      return (await listLifecycleEvents(db, accountId)).map((e: { status: string; at: Date }) => ({ status: e.status, at: e.at }));
    },

    async resendValidationLink(email: string) {
      // The same path for any address (a known one starts the same workflow as an unknown one).
      await requestAccountLink('graduate_link', email);
      return { message: say('graduateRegistration.linkResent') };
    },

    async profile(accountId: string) {
      const account = await findGraduateById(db, accountId);
      if (!account) throw new AppError(ErrorKind.Unauthenticated, msg('session.invalid'));
      return {
        id: account.id,
        lastName: account.last_name,
        firstNames: account.first_names,
        email: account.email,
        status: account.status,
        groups: await groupsOfGraduate(db, account.id),
        validatedAt: account.validated_at,
      };
    },
  };
}
