import { listLifecycleEvents } from '../../db/lifecycleEvents.js';
import {
  findActivePreRegistration,
  findPreRegistration,
  insertDraft,
  listForApplicant,
  type PreRegistration,
  type StepNumber,
  saveStep,
  stepColumns,
} from '../../db/preRegistrations.js';
import { type Applicant, findApplicantAccount } from '../../db/trainingApplicants.js';
import { findSession } from '../../db/trainingCatalog.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { fieldMessages } from '../schemas.js';
import { communicationAtOf, historyForApplicant, statusForApplicant } from './communication.js';
import { stepSchemas } from './schemas.js';

/** What the person sees of a draft: each step with its saved values, and what is still missing. */
export function draftView(row: PreRegistration) {
  const steps = ([1, 2, 3, 4] as const).map((n) => ({
    step: n,
    title: say('trainingPreRegistration.stepTitle', { step: n }),
    complete: row[stepColumns[n]] !== null,
    values: row[stepColumns[n]],
  }));
  const missing = steps.filter((s) => !s.complete).map((s) => s.step);
  return {
    id: row.id,
    sessionId: row.session_id,
    status: row.status,
    steps,
    summary: {
      step: 5 as const,
      title: say('trainingPreRegistration.stepTitle', { step: 5 }),
      readyToSend: missing.length === 0,
      missingSteps: missing,
    },
    submittedAt: row.submitted_at,
  };
}

/**
 * The five-step form of seed 004: each step is validated and saved as a draft; the person can
 * come back to any step, leave and resume; sending happens only from the summary (step 5).
 */
export function createPreRegistrationDraftUseCases({ db, config }: ApiDeps) {
  const noticeMs = config.training.decisionNoticeMs;
  /** Someone else's pre-registration answers 404, like one that does not exist: no id guessing. */
  async function ownDraft(applicant: Applicant, id: string): Promise<PreRegistration> {
    const row = await findPreRegistration(db, id);
    if (!row || row.applicant_kind !== applicant.kind || row.applicant_id !== applicant.id)
      throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.notFound'));
    return row;
  }

  return {
    ownDraft,

    async start(applicant: Applicant, sessionId: string) {
      const session = await findSession(db, sessionId);
      if (!session) throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.sessionNotFound'));
      if (!session.registrationOpen) throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.registrationClosed'));
      const draft = await insertDraft(db, sessionId, applicant);
      if (!draft) {
        const existing = await findActivePreRegistration(db, sessionId, applicant);
        throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.alreadyInProgress'), undefined, {
          preRegistrationId: existing?.id,
        });
      }
      return { ...draftView(draft), prefill: await this.prefill(applicant) };
    },

    /** Step 1 starts from what the account already knows. */
    async prefill(applicant: Applicant): Promise<{ lastName?: string; firstName?: string }> {
      const account = await findApplicantAccount(db, applicant);
      return account ? { lastName: account.lastName, firstName: account.firstName } : {};
    },

    async saveStep(applicant: Applicant, id: string, step: StepNumber, body: unknown) {
      const row = await ownDraft(applicant, id);
      if (row.status !== 'draft') throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.sentNoChange'));
      const parsed = stepSchemas[step].safeParse(body ?? {});
      if (!parsed.success)
        throw new AppError(ErrorKind.Validation, msg('trainingPreRegistration.invalidStep', { step }), fieldMessages(parsed.error.issues));
      if (step === 4) {
        const account = await findApplicantAccount(db, applicant);
        if (account?.email && (parsed.data as { email: string }).email === account.email.toLowerCase()) {
          // Four eyes: the validation cannot come from the applicant themself.
          throw new AppError(ErrorKind.Validation, msg('trainingPreRegistration.supervisorIsYou'), {
            email: msg('trainingPreRegistration.supervisorIsYouField'),
          });
        }
      }
      if (!(await saveStep(db, id, step, parsed.data as Record<string, unknown>)))
        throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.alreadySent'));
      return draftView((await findPreRegistration(db, id))!);
    },

    async get(applicant: Applicant, id: string) {
      return draftView(await ownDraft(applicant, id));
    },

    async listMine(applicant: Applicant) {
      const items = await listForApplicant(db, applicant);
      return Promise.all(
        items.map(async (item) => {
          const status = statusForApplicant(
            item.status,
            await listLifecycleEvents(db, item.id),
            communicationAtOf(item.startsOn, noticeMs),
          );
          return { ...item, status, statusLabel: say('pageTraining.status', { status }) };
        }),
      );
    },

    /** The history of the applicant's own pre-registration: dates and who decided. */
    async history(applicant: Applicant, id: string) {
      const own = await ownDraft(applicant, id);
      const session = await db('training_sessions')
        .where({ id: own.session_id })
        .first(db.raw(`to_char(starts_on, 'YYYY-MM-DD') as "startsOn"`));
      const events = historyForApplicant(await listLifecycleEvents(db, id), communicationAtOf(session.startsOn, noticeMs));
      return {
        events: events.map((e: { status: string; at: Date; details: Record<string, unknown> }) => ({
          status: e.status,
          at: e.at,
          details: e.details,
        })),
      };
    },
  };
}
