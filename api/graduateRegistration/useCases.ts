import type { z } from 'zod';
import {
  findGraduateByEmail,
  findGraduateById,
  groupsOfGraduate,
  insertPendingGraduate,
  type RegistryMatch,
} from '../../db/graduateAccounts.js';
import { findGraduateCandidates, listGraduateDiplomas, type RegistryDiploma } from '../../db/registry/lookup.js';
import { AppError, ErrorKind, type FieldText } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { chooseDiplomaUpdate, type DiplomaChoice, graduateRegistrationWorkflowId } from '../../workflows/graduateRegistration/contract.js';
import type { graduateRegistration } from '../../workflows/graduateRegistration/graduateRegistration.js';
import { resendLinkSignal } from '../../workflows/kit/oneTimeLinkContract.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';
import { createProfileLoginUseCases } from '../sessions/profileLogin.js';
import type { createGraduateBody, diplomaChoiceBody, graduateCredentialsBody } from './schemas.js';

/**
 * « Profils diplômés » (seed 000): the registry lookup decides the branch, the account row and the
 * lifecycle start are one transaction, and the diploma choice is addressed to the lifecycle.
 */
export function createGraduateRegistrationUseCases(deps: ApiDeps) {
  const { db, temporal, config, hasher } = deps;
  const credentials = createProfileLoginUseCases(deps);

  /** The diplomas the person may pick: those of every registry graduate they matched. */
  async function diplomasOf(candidateIds: string[]): Promise<(RegistryDiploma & { graduateId: string })[]> {
    const lists = await Promise.all(
      candidateIds.map(async (graduateId) => (await listGraduateDiplomas(db, graduateId)).map((d) => ({ ...d, graduateId }))),
    );
    return lists.flat();
  }

  async function choosingAccount(input: z.infer<typeof graduateCredentialsBody>) {
    const account = await credentials.checkCredentials('graduate', input);
    if (account.status !== 'pending_diploma')
      throw new AppError(ErrorKind.Conflict, msg('graduateRegistration.notChoosing'), undefined, { status: account.status });
    return account;
  }

  return {
    async register(input: z.infer<typeof createGraduateBody>) {
      const matches = await findGraduateCandidates(db, {
        lastName: input.lastName,
        firstNames: input.firstNames,
        birthDate: input.birthDate,
      });
      const registry: RegistryMatch = matches.length === 0 ? 'absent' : matches.length === 1 ? 'present' : 'ambiguous';
      if (registry === 'absent') {
        const missing: Record<string, FieldText> = {};
        if (!input.rememberedDiploma) missing.rememberedDiploma = msg('graduateRegistration.rememberedDiplomaRequired');
        if (!input.phone) missing.phone = say('field.required', { label: say('field.phone') });
        if (!input.postalAddress) missing.postalAddress = say('field.required', { label: say('graduateRegistration.postalAddressLabel') });
        if (Object.keys(missing).length)
          throw new AppError(ErrorKind.Validation, msg('graduateRegistration.absent'), missing, { registry: 'absent' });
      }
      const passwordHash = await hasher.hash(input.password);
      const g = config.graduates;
      return db.transaction(async (tx) => {
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
          declared_diploma: registry === 'absent' ? input.rememberedDiploma! : null,
        });
        if (!account)
          throw new AppError(ErrorKind.Conflict, msg('graduateRegistration.alreadyExists'), {
            email: msg('graduateRegistration.alreadyExists'),
          });
        const remembered = input.rememberedDiploma;
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
              ...(registry === 'absent' && remembered
                ? {
                    'Diplôme déclaré': `${remembered.title} (${remembered.year})`,
                    'Composante déclarée': remembered.composante,
                    Téléphone: input.phone!,
                    Adresse: input.postalAddress!,
                  }
                : {}),
            },
            emailValidationMs: g.emailValidationMs,
            diplomaChoiceMs: g.diplomaChoiceMs,
            plan: { ...g.decision, escalateToComposante: g.escalateToComposante, escalateToAdmin: g.escalateToAdmin },
          },
        });
        return { accountId: account.id, registry, message: say('graduateRegistration.created') };
      });
    },

    /** « Vous trouvez votre diplôme (code vet) »: the list, once the address is validated. */
    async diplomas(input: z.infer<typeof graduateCredentialsBody>) {
      const account = await choosingAccount(input);
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

    async chooseDiploma(input: z.infer<typeof diplomaChoiceBody>) {
      const account = await choosingAccount(input);
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

    async resendValidationLink(email: string) {
      const account = await findGraduateByEmail(db, email);
      if (account?.status === 'pending_email')
        await temporal.workflow
          .getHandle(graduateRegistrationWorkflowId(account.id))
          .signal(resendLinkSignal)
          .catch(() => undefined);
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
