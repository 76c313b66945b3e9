import type { z } from 'zod';
import {
  findGraduateById,
  groupsOfGraduate,
  insertPendingGraduate,
  type RegistryMatch,
  saveCompleteForm,
} from '../../db/graduateAccounts.js';
import { findGraduateCandidates, listGraduateDiplomas, type RegistryDiploma } from '../../db/registry/lookup.js';
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
import { say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';
import { createProfileLoginUseCases } from '../sessions/profileLogin.js';
import type { completeFormBody, createGraduateBody, diplomaChoiceBody, graduateCredentialsBody } from './schemas.js';

/**
 * « Profils diplômés » (seed 000): the registry lookup decides the branch, the account row and the
 * lifecycle start are one transaction, and the diploma choice is addressed to the lifecycle.
 *
 * The answer to a registration is the same whether the person is present, absent or matches
 * several graduates: what to do next goes to the address typed (seed 000 « on vous envoie les
 * instructions via l'adresse mail saisie »), so only its owner learns it. Every lookup is audited.
 */
export function createGraduateRegistrationUseCases(deps: ApiDeps) {
  const { db, temporal, config, hasher } = deps;
  const credentials = createProfileLoginUseCases(deps);
  const requestAccountLink = createAccountLinkRequests(deps);
  const allowMails = createMailQuota(deps);

  /** The diplomas the person may pick: those of every registry graduate they matched. */
  async function diplomasOf(candidateIds: string[]): Promise<(RegistryDiploma & { graduateId: string })[]> {
    const lists = await Promise.all(
      candidateIds.map(async (graduateId) => (await listGraduateDiplomas(db, graduateId)).map((d) => ({ ...d, graduateId }))),
    );
    return lists.flat();
  }

  async function choosingAccount(input: z.infer<typeof graduateCredentialsBody>, clientIp: string) {
    const account = await credentials.checkCredentials('graduate', input, clientIp);
    if (account.status !== 'pending_diploma')
      throw new AppError(ErrorKind.Conflict, msg('graduateRegistration.notChoosing'), undefined, { status: account.status });
    return account;
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
      // The complete form counts only when the person is absent and sent all of it; else it is asked for by mail.
      const form =
        registry === 'absent' && input.rememberedDiploma && input.phone && input.postalAddress
          ? { diploma: input.rememberedDiploma, phone: input.phone, postalAddress: input.postalAddress }
          : undefined;
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
      const registered = await db.transaction(async (tx) => {
        const account = await insertPendingGraduate(tx, {
          last_name: input.lastName,
          first_names: input.firstNames,
          birth_date: input.birthDate,
          email: input.email,
          password_hash: passwordHash,
          registry_match: registry,
          registry_candidate_ids: matches.map((m) => m.id),
          phone: input.phone ?? null,
          postal_address: input.postalAddress ?? null,
          declared_diploma: form ? form.diploma : null,
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
            applicant: { key: `graduate:${account.id}`, name: `${input.firstNames} ${input.lastName}` },
            registryMatch: registry,
            details: {
              Nom: input.lastName,
              'Prénom(s)': input.firstNames,
              'Date de naissance': input.birthDate.split('-').reverse().join('/'),
              ...(form
                ? {
                    'Diplôme déclaré': `${form.diploma.title} (${form.diploma.year})`,
                    'Composante déclarée': form.diploma.composante,
                    Téléphone: form.phone,
                    Adresse: form.postalAddress,
                  }
                : {}),
            },
            emailValidationMs: g.emailValidationMs,
            diplomaChoiceMs: g.diplomaChoiceMs,
            plan: { ...g.decision, escalateToComposante: g.escalateToComposante, escalateToAdmin: g.escalateToAdmin },
          },
        });
        return { accountId: account.id };
      });
      return { accountId: registered.accountId, message: say('security.graduateRegistered') };
    },

    /** « vous devez remplir un formulaire complet qui sera soumis à l'administrateur », asked for by mail. */
    async completeForm(input: z.infer<typeof completeFormBody>, clientIp: string) {
      const account = await credentials.checkCredentials('graduate', input, clientIp);
      const form = { phone: input.phone, postalAddress: input.postalAddress, declaredDiploma: input.rememberedDiploma };
      if (account.status !== 'pending_form' || !(await saveCompleteForm(db, account.id, form)))
        throw new AppError(ErrorKind.Conflict, msg('security.graduateNotCompleting'), undefined, { status: account.status });
      await temporal.workflow.getHandle(graduateRegistrationWorkflowId(account.id)).executeUpdate(completeFormUpdate, { args: [] });
      return { message: say('security.graduateFormRecorded') };
    },

    /** « Vous trouvez votre diplôme (code vet) »: the list, once the address is validated. */
    async diplomas(input: z.infer<typeof graduateCredentialsBody>, clientIp: string) {
      const account = await choosingAccount(input, clientIp);
      const diplomas = await diplomasOf(account.registry_candidate_ids);
      // Homonyms' diplomas are shown without any of their personal data; one line per VET and year.
      const seen = new Set<string>();
      return {
        diplomas: diplomas
          .filter((d) => {
            const key = `${d.vetCode}:${d.year}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          })
          .map(({ graduateId: _g, ...d }) => d),
      };
    },

    async chooseDiploma(input: z.infer<typeof diplomaChoiceBody>, clientIp: string) {
      const account = await choosingAccount(input, clientIp);
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
          ...(input.title ? { title: input.title } : {}),
          ...(input.year ? { year: input.year } : {}),
        };
      }
      const state = await temporal.workflow
        .getHandle(graduateRegistrationWorkflowId(account.id))
        .executeUpdate(chooseDiplomaUpdate, { args: [choice] });
      return {
        phase: state.phase,
        message: say('graduateRegistration.choiceRecorded'),
      };
    },

    /** Same answer, work and time for any address (see api/accountLinkRequest). */
    async resendValidationLink(email: string) {
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
