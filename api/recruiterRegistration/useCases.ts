import type { z } from 'zod';
import { findRecruiterById, insertPendingRecruiter } from '../../db/recruiterAccounts.js';
import { setOfferPostingRight } from '../../db/recruiterOfferRights.js';
import { rolesOf } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { recruiterRegistrationWorkflowId } from '../../workflows/recruiterRegistration/contract.js';
import type { recruiterRegistration } from '../../workflows/recruiterRegistration/recruiterRegistration.js';
import { createAccountLinkRequests } from '../accountLinkRequest/useCases.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';
import type { createRecruiterBody } from './schemas.js';

/** ENTREPRISES / PARTENAIRES: registration (terms recorded), and the separate right to post offers. */
export function createRecruiterRegistrationUseCases(deps: ApiDeps) {
  const { db, temporal, config, hasher } = deps;
  const requestAccountLink = createAccountLinkRequests(deps);
  const allowMails = createMailQuota(deps);
  const view = async (id: string) => {
    const r = await findRecruiterById(db, id);
    if (!r) throw new AppError(ErrorKind.NotFound, msg('recruiterRegistration.notFound'));
    return {
      id: r.id,
      companyName: r.company_name,
      contactName: `${r.contact_first_name} ${r.contact_last_name}`,
      email: r.email,
      status: r.status,
      termsVersion: r.terms_version,
      termsAcceptedAt: r.terms_accepted_at,
      canPostOffers: r.can_post_offers,
      offersRightChangedAt: r.offers_right_changed_at,
      validatedAt: r.validated_at,
    };
  };

  return {
    view,

    /** The row (with the accepted terms version and time) and the lifecycle start, atomically. */
    async register(input: z.infer<typeof createRecruiterBody>) {
      await allowMails({ recipients: [input.email] });
      const passwordHash = await hasher.hash(input.password);
      const r = config.recruiters;
      return db.transaction(async (tx) => {
        const account = await insertPendingRecruiter(tx, {
          company_name: input.company.name,
          siret: input.company.siret ?? null,
          company_address: input.company.address,
          company_website: input.company.website ?? null,
          contact_last_name: input.contact.lastName,
          contact_first_name: input.contact.firstName,
          contact_job_title: input.contact.jobTitle ?? null,
          contact_phone: input.contact.phone ?? null,
          email: input.email,
          password_hash: passwordHash,
          terms_version: r.termsVersion,
        });
        if (!account)
          throw new AppError(ErrorKind.Conflict, msg('recruiterRegistration.alreadyExists'), {
            email: msg('recruiterRegistration.alreadyExists'),
          });
        const contactName = `${input.contact.firstName} ${input.contact.lastName}`;
        await startLifecycle<typeof recruiterRegistration>(temporal, config.temporal.taskQueue, {
          workflowType: 'recruiterRegistration',
          workflowId: recruiterRegistrationWorkflowId(account.id),
          kind: 'recruiterRegistration',
          subjectId: account.id,
          summary: 'Inscription recruteur (entreprises / partenaires)',
          input: {
            accountId: account.id,
            applicant: { key: `recruiter:${account.id}`, name: contactName },
            details: {
              Entreprise: input.company.name,
              ...(input.company.siret ? { SIRET: input.company.siret } : {}),
              Adresse: input.company.address,
              Contact: `${contactName}${input.contact.jobTitle ? `, ${input.contact.jobTitle}` : ''}`,
              'Conditions d’utilisation': `version ${r.termsVersion} acceptée`,
            },
            emailValidationMs: r.emailValidationMs,
            plan: r.decision,
          },
        });
        return { accountId: account.id, termsVersion: account.terms_version, message: say('recruiterRegistration.created') };
      });
    },

    /** Same answer, work and time for any address (see api/accountLinkRequest). */
    async resendValidationLink(email: string) {
      await requestAccountLink('recruiter_link', email);
      return { message: say('recruiterRegistration.linkResent') };
    },

    /**
     * « inscription simple sans dépôt d'offres »: the right to post offers is granted (or taken back)
     * by an administrateur, to a validated recruiter only; who and when are recorded.
     */
    async setOfferPosting(staffId: string, recruiterId: string, allowed: boolean) {
      const roles = await rolesOf(db, staffId); // none for a deactivated member of staff
      if (!roles.some((r) => r.role === 'administrateur')) throw new AppError(ErrorKind.Forbidden, msg('recruiterRegistration.adminOnly'));
      const recruiter = await findRecruiterById(db, recruiterId);
      if (!recruiter) throw new AppError(ErrorKind.NotFound, msg('recruiterRegistration.notFound'));
      if (recruiter.status !== 'active') throw new AppError(ErrorKind.Conflict, msg('recruiterRegistration.notValidated'));
      await setOfferPostingRight(db, recruiterId, { allowed, changedBy: staffId });
      return view(recruiterId);
    },
  };
}
