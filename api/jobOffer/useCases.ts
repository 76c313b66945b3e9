import type { DbOrTx } from '../../db/connection.js';
import { storeOptionalText } from '../../db/freeTexts.js';
import { findGraduateById } from '../../db/graduateAccounts.js';
import {
  applicationCounts,
  findApplicationCv,
  findOffer,
  insertOffer,
  listApplications,
  listOffersOfAuthor,
  type OfferAuthorKind,
  type OfferContent,
  type OfferRow,
  reviseOffer,
} from '../../db/jobOffers.js';
import { listLifecycleEvents } from '../../db/lifecycleEvents.js';
import { findRecruiterById } from '../../db/recruiterAccounts.js';
import type { Session } from '../../db/sessions.js';
import { parseDuration } from '../../lib/duration.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { jobOfferWorkflowId, type OfferStatus, reviseOfferUpdate, withdrawOfferUpdate } from '../../workflows/jobOffer/contract.js';
import type { jobOffer } from '../../workflows/jobOffer/jobOffer.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';

type OfferInput = Omit<OfferContent, 'publicationDuration'> & { publicationDuration?: string | undefined };

const finalStatuses: OfferStatus[] = ['refused', 'expired', 'withdrawn'];

/** « Modifier » is offered while the offer is « à modifier » or « publiée » (the lifecycle accepts a new version then). */
export const canEditOffer = (status: OfferStatus) => status === 'changes_requested' || status === 'published';
/** « Retirer » is offered until the offer is closed. */
export const canWithdrawOffer = (status: OfferStatus) => !finalStatuses.includes(status);

export const myOfferView = (o: OfferRow) => ({
  ...o,
  kindLabel: say('jobOffer.kind', { kind: o.kind }),
  statusLabel: say('jobOffer.status', { status: o.status }),
});

/**
 * « Déposer une offre ou un stage » and « Mes offres d’emploi » (seed 002). Posting is an explicit
 * right: an active graduate (alumni member), or an active recruiter granted `can_post_offers`.
 */
export function createJobOfferUseCases(deps: ApiDeps) {
  const { db, temporal, config } = deps;
  const allowMails = createMailQuota(deps);
  /** The contact address receives the applications: offers pointing at one address are counted like mails to it. */
  const allowContact = (session: Session, contactEmail: string) =>
    allowMails({ recipients: [contactEmail], user: `${session.principal_kind}:${session.principal_id}` });
  async function authorOf(session: Session): Promise<{ kind: OfferAuthorKind; id: string; name: string }> {
    if (session.principal_kind === 'graduate') {
      const graduate = await findGraduateById(db, session.principal_id);
      if (graduate?.status !== 'active') throw new AppError(ErrorKind.Forbidden, msg('jobOffer.graduatesOnly'));
      return { kind: 'graduate', id: graduate.id, name: `${graduate.first_names} ${graduate.last_name}` };
    }
    if (session.principal_kind === 'recruiter') {
      const recruiter = await findRecruiterById(db, session.principal_id);
      if (recruiter?.status !== 'active' || !recruiter.can_post_offers) {
        throw new AppError(ErrorKind.Forbidden, msg('jobOffer.recruiterWithoutRight'));
      }
      return {
        kind: 'recruiter',
        id: recruiter.id,
        name: `${recruiter.contact_first_name} ${recruiter.contact_last_name} (${recruiter.company_name})`,
      };
    }
    throw new AppError(ErrorKind.Forbidden, msg('jobOffer.authorsOnly'));
  }

  /** Fills the default duration and enforces the maximum, with a field message. */
  function content(input: OfferInput): OfferContent {
    const publicationDuration = input.publicationDuration ?? config.offers.publicationDefault;
    if (parseDuration(publicationDuration)! > config.offers.publicationMaxMs) {
      const maxDays = Math.floor(config.offers.publicationMaxMs / 86_400_000);
      throw new AppError(ErrorKind.Validation, msg('http.invalidFields'), {
        publicationDuration: msg('jobOffer.publicationTooLong', { maxDays }),
      });
    }
    return { ...input, publicationDuration };
  }

  /** The author's own offer; someone else's answers 404 (no id guessing). */
  async function ownOffer(session: Session, id: string, options: { forUpdate?: boolean; tx?: DbOrTx } = {}) {
    const offer = await findOffer(options.tx ?? db, id, options);
    if (!offer || offer.authorKind !== session.principal_kind || offer.authorId !== session.principal_id)
      throw new AppError(ErrorKind.NotFound, msg('jobOffer.notFound'));
    return offer;
  }

  async function detail(session: Session, id: string) {
    const offer = await ownOffer(session, id);
    const events = await listLifecycleEvents(db, id);
    const history = events.map((e: { status: string; at: Date; details: Record<string, unknown> }) => ({
      status: e.status,
      statusLabel: say('jobOffer.status', { status: e.status as OfferStatus }),
      at: e.at,
      details: e.details,
    }));
    return { ...myOfferView(offer), history };
  }

  return {
    authorOf,
    ownOffer,
    detail,

    /** The row and its lifecycle start in one transaction: no offer without moderation. */
    async create(session: Session, input: OfferInput) {
      const author = await authorOf(session);
      const offer = content(input);
      await allowContact(session, offer.contactEmail);
      const id = await db.transaction(async (tx) => {
        const offerId = await insertOffer(tx, author, offer);
        await startLifecycle<typeof jobOffer>(temporal, config.temporal.taskQueue, {
          workflowType: 'jobOffer',
          workflowId: jobOfferWorkflowId(offerId),
          kind: 'jobOffer',
          subjectId: offerId,
          summary: `Offre ${offer.kind} à modérer`,
          input: {
            offerId,
            author: { key: `${author.kind}:${author.id}` },
            moderationPlan: { ...config.offers.moderation, onDeadline: 'expire' },
            changesWindowMs: config.offers.changesWindowMs,
          },
        });
        return offerId;
      });
      return detail(session, id);
    },

    async listMine(session: Session) {
      const offers = await listOffersOfAuthor(db, session.principal_kind as OfferAuthorKind, session.principal_id);
      const byOffer = await applicationCounts(
        db,
        offers.map((o) => o.id),
      );
      return offers.map((o) => ({ ...myOfferView(o), applications: byOffer.get(o.id) ?? 0 }));
    },

    /**
     * A new version goes back to moderation. The row changes and the lifecycle is told in one
     * transaction: if the lifecycle refuses (wrong status), the edit is rolled back. The old version
     * does not stay visible meanwhile: what members see is always a version a webmaster validated.
     */
    async revise(session: Session, id: string, input: OfferInput) {
      const offer = content(input);
      await allowContact(session, offer.contactEmail);
      await db.transaction(async (tx) => {
        const current = await ownOffer(session, id, { forUpdate: true, tx });
        if (!canEditOffer(current.status)) {
          throw new AppError(ErrorKind.Conflict, msg('jobOffer.notEditable', { status: current.status }));
        }
        const revision = await reviseOffer(tx, id, offer);
        await temporal.workflow.getHandle(jobOfferWorkflowId(id)).executeUpdate(reviseOfferUpdate, { args: [{ revision }] });
      });
      return detail(session, id);
    },

    /** Withdrawal before moderation, or early close of a published offer. */
    async withdraw(session: Session, id: string, reason?: string) {
      const offer = await ownOffer(session, id);
      if (!canWithdrawOffer(offer.status))
        throw new AppError(ErrorKind.AlreadyDone, msg('jobOffer.alreadyClosed', { status: offer.status }));
      // The reason stays in PostgreSQL; the Update (kept in the history) carries its id (issue 13).
      const reasonId = await storeOptionalText(db, reason);
      await temporal.workflow
        .getHandle(jobOfferWorkflowId(id))
        .executeUpdate(withdrawOfferUpdate, { args: [{ ...(reasonId ? { reasonId } : {}) }] });
      return detail(session, id);
    },

    async applications(session: Session, id: string) {
      await ownOffer(session, id);
      return listApplications(db, id);
    },

    /** The CV of an application to one of the author's own offers (404 for anyone else). */
    async applicationCv(session: Session, offerId: string, applicationId: string) {
      await ownOffer(session, offerId);
      const cv = await findApplicationCv(db, offerId, applicationId);
      if (!cv) throw new AppError(ErrorKind.NotFound, msg('jobOffer.notFound'));
      return cv;
    },
  };
}
