import { findEntAccountById } from '../../db/entAccounts.js';
import { findGraduateById } from '../../db/graduateAccounts.js';
import { findPublishedOffer, insertApplication, type OfferRow, type OfferSearch, searchPublishedOffers } from '../../db/jobOffers.js';
import type { Session } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { offerApplicationForward } from '../../workflows/jobOffer/applicationForward.js';
import { offerApplicationWorkflowId } from '../../workflows/jobOffer/contract.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';

const publicView = (o: OfferRow) => ({
  id: o.id,
  title: o.title,
  kind: o.kind,
  kindLabel: say('jobOffer.kind', { kind: o.kind }),
  company: o.company,
  location: o.location,
  description: o.description,
  contract: o.contract,
  startsOn: o.startsOn,
  publishedAt: o.publishedAt,
  expiresAt: o.expiresAt,
  contactEmail: o.contactEmail,
});

export interface ApplicationForm {
  message: string;
  cvFilename: string;
  cv: Buffer;
}

export function createOfferBrowsingUseCases({ db, temporal, config }: ApiDeps) {
  /**
   * The member behind the session, as an applicant (name and address for the forwarded mail).
   * Seed 002: « Si vous êtes membre cotisant étudiant ou Alumni de l'Association, vous pouvez
   * consulter les offres »: active graduates (alumni) and students logged in through the ENT.
   * Recruiters post offers but do not browse the others' (they see their own in « Mes offres
   * d'emploi »); staff moderate through the decision links and the inbox.
   */
  async function member(session: Session) {
    if (session.principal_kind === 'graduate') {
      const graduate = await findGraduateById(db, session.principal_id);
      if (graduate?.status === 'active')
        return { kind: 'graduate' as const, id: graduate.id, name: `${graduate.first_names} ${graduate.last_name}`, email: graduate.email };
    }
    if (session.principal_kind === 'student') {
      const student = await findEntAccountById(db, session.principal_id);
      if (student)
        return { kind: 'student' as const, id: student.id, name: `${student.first_name} ${student.last_name}`, email: student.email };
    }
    throw new AppError(ErrorKind.Forbidden, msg('jobOffer.membersOnly'));
  }

  return {
    member,

    async search(session: Session, query: OfferSearch) {
      await member(session);
      const { total, items } = await searchPublishedOffers(db, query);
      return { page: query.page, pageSize: query.pageSize, total, items: items.map(publicView) };
    },

    async get(session: Session, id: string) {
      await member(session);
      const offer = await findPublishedOffer(db, id);
      if (!offer) throw new AppError(ErrorKind.NotFound, msg('jobOffer.notPublished'));
      return publicView(offer);
    },

    /** Stored, then forwarded by its own workflow (started in the same transaction): durable. */
    async apply(session: Session, offerId: string, form: ApplicationForm) {
      const applicant = await member(session);
      if (!applicant.email) throw new AppError(ErrorKind.Validation, msg('jobOffer.noEmail'));
      const offer = await findPublishedOffer(db, offerId);
      if (!offer) throw new AppError(ErrorKind.NotFound, msg('jobOffer.notPublished'));
      if (offer.authorKind === applicant.kind && offer.authorId === applicant.id)
        throw new AppError(ErrorKind.Forbidden, msg('jobOffer.ownOffer'));
      const id = await db.transaction(async (tx) => {
        const applicationId = await insertApplication(tx, {
          offerId,
          applicantKind: applicant.kind,
          applicantId: applicant.id,
          applicantName: applicant.name,
          applicantEmail: applicant.email!,
          message: form.message,
          cvFilename: form.cvFilename,
          cv: form.cv,
        });
        if (!applicationId) throw new AppError(ErrorKind.Conflict, msg('jobOffer.alreadyApplied'));
        await startLifecycle<typeof offerApplicationForward>(temporal, config.temporal.taskQueue, {
          workflowType: 'offerApplicationForward',
          workflowId: offerApplicationWorkflowId(applicationId),
          kind: 'offerApplication',
          subjectId: applicationId,
          summary: 'Transmission d’une candidature à une offre',
          input: { applicationId },
        });
        return applicationId;
      });
      return {
        id,
        offerId,
        message: say('jobOffer.applicationRecorded'),
      };
    },
  };
}
