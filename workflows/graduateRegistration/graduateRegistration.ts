import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { GraduateRegistrationActivities as Activities } from '../../activities/graduateRegistration.js';
import { ErrorKind, refusalOptions } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';
import { requestDecision } from '../kit/approval/requestDecision.js';
import { decidedBy, lifecycle } from '../kit/lifecycle.js';
import { waitForLinkUse } from '../kit/oneTimeLink.js';
import {
  chooseDiplomaUpdate,
  completeFormUpdate,
  type DiplomaChoice,
  type GraduateRegistrationInput,
  type GraduateRegistrationPhase,
  type GraduateRegistrationState,
  graduateRegistrationStateQuery,
} from './contract.js';
import { graduateDecisionRoute } from './decisionRoute.js';

const graduates = proxyActivities<Activities>(defaultActivityOptions);

/**
 * « Profils diplômés » (seed 000). The API has stored the attempt (argon2id hash included) and
 * looked the person up in the registry (Nom, Prénom, Date de naissance), answering the same
 * whatever it found: « on vous envoie les instructions via l'adresse mail saisie ».
 *   0. someone the registry already knows as a validated graduate is told so, and no second
 *      account is made;
 *   1. the instructions go to the address typed, whose link validates it;
 *   2. present in the registry: the graduate picks their diploma (VET code), or « diplôme non
 *      trouvé »; absent: they fill in the complete form;
 *   3. the right manager validates (graduateDecisionRoute: VET → composante → administrateur);
 *   4. validated: the account is active and joins its groups; refused: the reason is mailed and
 *      the address is free for a new attempt. Every outcome is mailed.
 */
export async function graduateRegistration(input: GraduateRegistrationInput): Promise<GraduateRegistrationPhase> {
  const { accountId } = input;
  const registration = lifecycle<GraduateRegistrationPhase>({
    kind: 'graduateRegistration',
    subjectId: accountId,
    initial: 'awaiting_email',
  });
  let choice: DiplomaChoice | undefined;
  let formCompleted = input.formCompleted;
  const state = (): GraduateRegistrationState => ({ phase: registration.phase, ...(choice ? { choice } : {}) });

  setHandler(graduateRegistrationStateQuery, state);
  setHandler(
    chooseDiplomaUpdate,
    (picked) => {
      choice = picked;
      return state();
    },
    {
      validator: (_picked) => {
        if (registration.phase === 'awaiting_email')
          throw ApplicationFailure.create({ type: ErrorKind.Conflict, ...refusalOptions(msg('graduateRegistration.validateEmailFirst')) });
        if (registration.phase !== 'awaiting_diploma' || choice)
          throw ApplicationFailure.create({
            type: ErrorKind.AlreadyDone,
            ...refusalOptions(msg('graduateRegistration.diplomaAlreadyChosen')),
          });
      },
    },
  );
  setHandler(
    completeFormUpdate,
    () => {
      formCompleted = true;
      return state();
    },
    {
      validator: () => {
        if (registration.phase === 'awaiting_email')
          throw ApplicationFailure.create({ type: ErrorKind.Conflict, ...refusalOptions(msg('graduateRegistration.validateEmailFirst')) });
        if (registration.phase !== 'awaiting_form' || formCompleted)
          throw ApplicationFailure.create({ type: ErrorKind.AlreadyDone, ...refusalOptions(msg('graduateRegistration.formAlreadySent')) });
      },
    },
  );

  const settle = async (outcome: 'expired' | 'duplicate') => {
    await graduates.settleGraduate({ accountId, outcome, at: Date.now() });
    await graduates.mailGraduate({ accountId, notice: outcome === 'duplicate' ? 'alreadyRegistered' : 'expired', step: `${outcome}-mail` });
    await registration.enter(outcome);
    return registration.end(registration.phase);
  };
  const expire = () => settle('expired');
  // « One person, one account »: the registry person this attempt names already has a validated account.
  const alreadyValidated = (registryGraduateId?: string) =>
    graduates.alreadyValidatedGraduate({ accountId, ...(registryGraduateId ? { registryGraduateId } : {}) });

  // 0. Recognised at once (one registry match) as someone already validated: told so, nothing more.
  if (input.registryMatch === 'present' && (await alreadyValidated())) return settle('duplicate');

  // 1. « on vous envoie les instructions via l'adresse mail saisie »: its link validates the address.
  await registration.enter('awaiting_email');
  const deadline = Date.now() + input.emailValidationMs;
  const validation = await waitForLinkUse({
    deadline,
    maxResends: 5,
    issue: (attempt, tokenId) =>
      graduates.issueGraduateLink({ accountId, tokenId, step: `validation-link-${attempt}`, expiresAt: deadline }),
    use: (tokenId) => graduates.confirmGraduateEmail({ accountId, tokenId, at: Date.now() }),
  });
  if (!validation.used) return expire();

  // 2. Present: « Si vous trouvez votre diplôme (code vet) … Si vous ne trouvez pas votre diplôme … »
  //    Absent: « vous devez remplir un formulaire complet qui sera soumis à l'administrateur ».
  if (input.registryMatch !== 'absent') {
    await registration.enter('awaiting_diploma');
    await graduates.mailGraduate({ accountId, notice: 'chooseDiploma', step: 'choose-diploma-mail' });
    if (!(await condition(() => choice !== undefined, input.diplomaChoiceMs))) return expire();
    if (choice?.kind === 'found' && (await alreadyValidated(choice.registryGraduateId))) return settle('duplicate');
  } else if (!formCompleted) {
    await registration.enter('awaiting_form');
    await graduates.mailGraduate({ accountId, notice: 'completeForm', step: 'complete-form-mail' });
    if (!(await condition(() => formCompleted, input.diplomaChoiceMs))) return expire();
  }

  // 3. The managers of the diploma decide; the most specific first, the administrateur last.
  const route = graduateDecisionRoute(choice, input.plan);
  const first = await graduates.firstStaffedLevel({ levels: route.levels.map((l) => l.approvers) });
  const [opening, ...escalations] = route.levels.slice(first);
  await graduates.recordGraduateChoice({
    accountId,
    ...(choice ? { choice } : {}),
    validatorLevels: route.levels.slice(first).map((l) => l.approvers),
  });
  await registration.enter('awaiting_approval', choice ? { choice: choice.kind } : {});
  const decision = await requestDecision({
    step: 'validation',
    kind: 'graduateRegistration',
    // The identity as typed (and, absent from the registry, the declared form) is read from PostgreSQL.
    subject: accountId,
    facts: diplomaDetails(choice, input.registryMatch),
    requester: input.applicant,
    approvers: opening!.approvers,
    outcomes: ['approve', 'refuse'],
    plan: {
      deadline: input.plan.deadline,
      ...(input.plan.remindAfter ? { remindAfter: input.plan.remindAfter } : {}),
      ...(input.plan.remindEvery ? { remindEvery: input.plan.remindEvery } : {}),
      escalations: escalations.map((l) => ({ after: l.after!, approvers: l.approvers })),
      onDeadline: 'expire',
    },
    // « validé par l'administrateur ou le responsable composante ou le responsable VET »: every level
    // may decide from the start; the plan only says who is mailed first and when the others are.
    laterLevelsMayDecide: true,
  });
  if (decision.outcome !== 'approve' && decision.outcome !== 'refuse') return expire();

  // 4. « Vous appartenez alors au groupe composante et vet/formation », or the reason of the refusal.
  const decided = { decidedBy: decision.decidedBy.key, at: Date.now() };
  if (decision.outcome === 'approve') {
    await graduates.settleGraduate({ accountId, outcome: 'active', ...decided, groups: route.groups });
    await graduates.mailGraduate({ accountId, notice: 'validated', step: 'validated-mail' });
    await registration.enter('active', decidedBy(decision));
  } else {
    await graduates.settleGraduate({
      accountId,
      outcome: 'refused',
      ...decided,
      ...(decision.reasonId ? { reasonId: decision.reasonId } : {}),
    });
    await graduates.mailGraduate({ accountId, notice: 'refused', step: 'refused-mail' });
    await registration.enter('refused', decidedBy(decision));
  }
  return registration.end(registration.phase);
}

function diplomaDetails(choice: DiplomaChoice | undefined, match: GraduateRegistrationInput['registryMatch']): Record<string, string> {
  const registry = { present: 'présent(e)', ambiguous: 'plusieurs personnes correspondent', absent: 'absent(e) : formulaire complet' }[
    match
  ];
  if (!choice) return { 'Base des diplômés': registry };
  if (choice.kind === 'not_found') {
    // The declared title is shown from PostgreSQL (« Diplôme déclaré », activities/kit/describe.ts).
    return {
      'Base des diplômés': registry,
      Diplôme: `non trouvé${choice.titleId || choice.year ? ' (voir le diplôme déclaré)' : ''}`,
      Composante: choice.composanteCode,
    };
  }
  return {
    'Base des diplômés': choice.sharedByHomonyms ? `${registry} (même diplôme : à départager)` : registry,
    Diplôme: `${choice.vetLabel} (${choice.vetCode}, ${choice.year})`,
    Composante: choice.composanteCode,
  };
}
