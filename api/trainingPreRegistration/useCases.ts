import type { z } from 'zod';
import { externalPartyFor } from '../../db/externalParties.js';
import { storeOptionalText } from '../../db/freeTexts.js';
import { openPreRegistrationIds } from '../../db/openPreRegistrations.js';
import { listForSession, markSubmitted, type PreRegistrationStatus, setStatus } from '../../db/preRegistrations.js';
import { rolesOf } from '../../db/staffAccounts.js';
import { type Applicant, findApplicantAccount } from '../../db/trainingApplicants.js';
import { findAction, findSession } from '../../db/trainingCatalog.js';
import { reserveFreedSeats } from '../../db/trainingSeats.js';
import type { Config } from '../../lib/config.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import {
  seatReservedSignal,
  sessionChangedSignal,
  type TrainingPreRegistrationInput,
  trainingPreRegistrationWorkflowId,
  withdrawPreRegistrationUpdate,
} from '../../workflows/trainingPreRegistration/contract.js';
import type { trainingPreRegistration } from '../../workflows/trainingPreRegistration/trainingPreRegistration.js';
import type { ApiDeps } from '../deps.js';
import { type LifecycleStart, startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';
import { applicantPartyKey } from './applicants.js';
import { createPreRegistrationDraftUseCases, draftView } from './drafts.js';
import type { sessionPatchBody } from './schemas.js';

/**
 * What a sent pre-registration starts: its lifecycle with the decision plans of the configuration.
 * One description, used by « Envoyer » and by the benchmark's scale fill.
 */
export function preRegistrationLifecycleStart(
  config: Pick<Config, 'training'>,
  p: {
    preRegistrationId: string;
    /** `key` names the requester in the decision steps (default: an eCandidat account, `candidate:<id>`). */
    applicant: { id: string; key?: string };
    /** `external_parties` ids of the applicant's and the supervisor's addresses (db/externalParties.ts). */
    applicantParty: string;
    supervisorParty: string;
    session: TrainingPreRegistrationInput['session'];
  },
): LifecycleStart<typeof trainingPreRegistration> {
  const t = config.training;
  return {
    workflowType: 'trainingPreRegistration',
    workflowId: trainingPreRegistrationWorkflowId(p.preRegistrationId),
    kind: 'trainingPreRegistration',
    subjectId: p.preRegistrationId,
    summary: `Pré-inscription à une formation : ${p.session.actionCode}`,
    input: {
      preRegistrationId: p.preRegistrationId,
      applicant: { key: p.applicant.key ?? `candidate:${p.applicant.id}` },
      applicantParty: p.applicantParty,
      supervisorParty: p.supervisorParty,
      session: p.session,
      plans: {
        supervisor: { ...t.supervisor, onDeadline: 'expire' },
        supervisorOnDeadline: t.supervisorOnDeadline,
        projectManager: {
          deadline: t.projectManager.deadline,
          remindAfter: t.projectManager.remindAfter,
          remindEvery: t.projectManager.remindEvery,
          escalations: [{ after: t.projectManager.escalateAfter, approvers: [{ role: 'administrateur' }] }],
          onDeadline: 'expire',
        },
        seatOffer: { deadline: t.seatOfferWindow, onDeadline: 'expire' },
      },
      decisionNoticeMs: t.decisionNoticeMs,
    },
  };
}

const closed: PreRegistrationStatus[] = ['draft', 'withdrawn', 'refused', 'cancelled', 'completed'];

/** « Me désister » is offered while this holds: a draft, or a sent request not yet ended. */
export const canWithdraw = (status: PreRegistrationStatus) => status === 'draft' || !closed.includes(status);

/** Sending, withdrawing and the session changes that every open pre-registration must follow. */
export function createPreRegistrationLifecycleUseCases(deps: ApiDeps) {
  const { db, temporal, config } = deps;
  const drafts = createPreRegistrationDraftUseCases(deps);
  const allowMails = createMailQuota(deps);

  const signalOpenRequests = async (sessionId: string, change: { startsOn?: string; cancelled?: boolean }) => {
    const open = await openPreRegistrationIds(db, sessionId, closed);
    await Promise.all(
      open.map((id: string) =>
        temporal.workflow
          .getHandle(trainingPreRegistrationWorkflowId(id))
          .signal(sessionChangedSignal, change)
          .catch(() => undefined),
      ),
    );
    return open.length;
  };

  return {
    /** « Étape 5 : récapitulatif avant envoi »: sends a complete draft, once, and starts its lifecycle. */
    async submit(applicant: Applicant, id: string) {
      const row = await drafts.ownDraft(applicant, id);
      const view = draftView(row);
      if (row.status !== 'draft') throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.alreadySent'));
      if (!view.summary.readyToSend) {
        const steps = view.summary.missingSteps.join(', ');
        throw new AppError(ErrorKind.Validation, msg('trainingPreRegistration.completeStepsFirst', { steps }), undefined, {
          missingSteps: view.summary.missingSteps,
        });
      }
      const session = await findSession(db, row.session_id);
      const action = session && (await findAction(db, session.actionId));
      const account = await findApplicantAccount(db, applicant);
      const email = account?.email;
      if (!account || !email) throw new AppError(ErrorKind.Validation, msg('trainingPreRegistration.noEmail'));
      if (!session || !action) throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.sessionNotFound'));
      if (!session.registrationOpen) throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.registrationClosed'));
      // The supérieur hiérarchique is an address the candidate typed: sending mails it.
      const supervisorEmail = String((row.supervisor as { email: string }).email);
      await allowMails({ recipients: [supervisorEmail], user: applicantPartyKey(applicant, account.profile) });
      await db.transaction(async (tx) => {
        if (!(await markSubmitted(tx, id))) throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.alreadySent'));
        await startLifecycle(
          temporal,
          config.temporal.taskQueue,
          preRegistrationLifecycleStart(config, {
            preRegistrationId: id,
            applicant: { id: applicant.id, key: applicantPartyKey(applicant, account.profile) },
            // Addresses become ids here: the workflow never sees them (issue 13).
            applicantParty: await externalPartyFor(tx, email),
            supervisorParty: await externalPartyFor(tx, supervisorEmail),
            session: { id: session.id, actionId: action.id, actionCode: action.code, startsOn: session.startsOn },
          }),
        );
      });
      return drafts.get(applicant, id);
    },

    /** Withdrawal at any step: a draft is simply closed; a sent request asks its lifecycle. */
    async withdraw(applicant: Applicant, id: string, reason?: string) {
      const row = await drafts.ownDraft(applicant, id);
      if (row.status === 'draft') {
        await setStatus(db, id, 'withdrawn');
        return drafts.get(applicant, id);
      }
      if (!canWithdraw(row.status)) throw new AppError(ErrorKind.AlreadyDone, msg('trainingPreRegistration.alreadyClosed'));
      // The reason stays in PostgreSQL; the Update (kept in the history) carries its id (issue 13).
      const reasonId = await storeOptionalText(db, reason);
      await temporal.workflow
        .getHandle(trainingPreRegistrationWorkflowId(id))
        .executeUpdate(withdrawPreRegistrationUpdate, { args: [{ ...(reasonId ? { reasonId } : {}) }] });
      return drafts.get(applicant, id);
    },

    /** The chargé de projet's view of a session: its requests by status, wait-list in order. */
    async listForSession(staffId: string, sessionId: string, status?: PreRegistrationStatus) {
      const session = await findSession(db, sessionId);
      if (!session) throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.sessionNotFound'));
      const roles = await rolesOf(db, staffId);
      const action = await findAction(db, session.actionId);
      if (!roles.some((r) => r.role === 'administrateur' || (r.role === 'charge_de_projet' && r.scope === action?.code))) {
        throw new AppError(ErrorKind.Forbidden, msg('trainingPreRegistration.notManager'));
      }
      return { session, items: await listForSession(db, sessionId, status) };
    },

    /**
     * A session change reaches every open request: a new date re-plans the communication, a
     * cancellation ends them all, more capacity offers seats to the wait-list in its order.
     */
    async changeSession(
      _staffId: string,
      sessionId: string,
      patch: z.infer<typeof sessionPatchBody>,
      updateCatalog: () => Promise<unknown>,
    ) {
      const before = await findSession(db, sessionId);
      if (!before) throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.sessionNotFound'));
      await updateCatalog();
      if (patch.state === 'cancelled' && before.state !== 'cancelled') await signalOpenRequests(sessionId, { cancelled: true });
      else if (patch.startsOn && patch.startsOn !== before.startsOn) await signalOpenRequests(sessionId, { startsOn: patch.startsOn });
      if (patch.capacity !== undefined && patch.capacity > before.capacity) {
        const offered = await reserveFreedSeats(db, sessionId);
        await Promise.all(
          offered.map((id) =>
            temporal.workflow
              .getHandle(trainingPreRegistrationWorkflowId(id))
              .signal(seatReservedSignal)
              .catch(() => undefined),
          ),
        );
      }
      return findSession(db, sessionId);
    },
  };
}
