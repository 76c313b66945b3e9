import { ApplicationFailure } from '@temporalio/activity';
import { readFreeText } from '../db/freeTexts.js';
import { applicationForForward, authorContact, markApplicationForwarded, publishOffer, setOfferStatus } from '../db/jobOffers.js';
import { ErrorKind } from '../lib/errors.js';
import { mailLink } from '../mail/links.js';
import { offerApplicationConfirmed, offerApplicationForwarded } from '../mail/templates/jobOffer/offerApplication.js';
import { type OfferNotice, offerNotice } from '../mail/templates/jobOffer/offerNotice.js';
import type { OfferStatus } from '../workflows/jobOffer/contract.js';
import type { ReasonRef } from '../workflows/kit/lifecycle.js';
import { type ActivityDeps, stepKey } from './kit/context.js';
import type { PhaseProjections } from './kit/lifecycle.js';
import { deliverOnce } from './kit/mailing.js';

const frenchDate = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
const missing = (what: string, id: string) => ApplicationFailure.nonRetryable(`${what} ${id} not found`, ErrorKind.NotFound);

/**
 * The status of « Mes offres d’emploi » and of browsing, written when the lifecycle enters a phase;
 * the version is the offer's revision (see `setOfferStatus`).
 */
export const phaseProjections: PhaseProjections = {
  jobOffer: (tx, { subjectId, status, version }) => setOfferStatus(tx, subjectId, status as OfferStatus, version),
};

export function createActivities(deps: ActivityDeps) {
  const { db } = deps;

  return {
    /** `at` is the lifecycle's clock: the expiry timer follows it (on the time-skipping test server, PostgreSQL's lags behind). */
    publishOffer: (input: { offerId: string; at: number }) => publishOffer(db, input.offerId, new Date(input.at)),

    /** `reasonId`: a moderator's reason or comment, read from `free_texts`; `reason`: the platform's own words. */
    async mailOfferAuthor(input: { offerId: string; notice: OfferNotice; step: string } & ReasonRef) {
      const author = await authorContact(db, input.offerId);
      if (!author) throw missing('offer', input.offerId);
      const rendered = offerNotice(
        input.notice,
        {
          authorName: author.name,
          title: author.title,
          company: author.company,
          reason: input.reason ?? (await readFreeText(db, input.reasonId)),
          ...(author.expiresAt ? { expiresOn: frenchDate(author.expiresAt) } : {}),
          link: mailLink(deps.config, 'MY_OFFER', { offerId: input.offerId }),
        },
        author.locale,
      );
      return deliverOnce(deps, { key: stepKey(input.step), template: `offer.${input.notice}`, to: author.email, rendered });
    },

    /** The application and its CV to the offer's contact address; retried until SMTP accepts it. */
    async forwardApplication(input: { applicationId: string }) {
      const a = await applicationForForward(db, input.applicationId);
      if (!a) throw missing('application', input.applicationId);
      // « Répondre » in the recruiter's mail program answers the applicant, not the platform.
      const rendered = Object.assign(offerApplicationForwarded(a), {
        attachments: [{ filename: a.cvFilename, content: a.cv, contentType: 'application/pdf' }],
        replyTo: a.applicantEmail,
      });
      const sent = await deliverOnce(deps, {
        key: stepKey('forward'),
        template: 'offer.applicationForwarded',
        to: a.contactEmail,
        rendered,
      });
      await markApplicationForwarded(db, input.applicationId);
      return sent;
    },

    async confirmApplication(input: { applicationId: string }) {
      const a = await applicationForForward(db, input.applicationId);
      if (!a) throw missing('application', input.applicationId);
      return deliverOnce(deps, {
        key: stepKey('confirmation'),
        template: 'offer.applicationConfirmed',
        to: a.applicantEmail,
        rendered: offerApplicationConfirmed(a),
      });
    },
  };
}

export type JobOfferActivities = ReturnType<typeof createActivities>;
