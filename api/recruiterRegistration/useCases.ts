import type { z } from 'zod';
import { findRecruiterById, insertPendingRecruiter } from '../../db/recruiterAccounts.js';
import { setOfferPostingRight } from '../../db/recruiterOfferRights.js';
import { rolesOf } from '../../db/staffAccounts.js';
import { currentTerms, publishTerms } from '../../db/termsVersions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { type Lang, msg, t } from '../../lib/i18n/index.js';
import { recruiterRegistrationWorkflowId } from '../../workflows/recruiterRegistration/contract.js';
import type { recruiterRegistration } from '../../workflows/recruiterRegistration/recruiterRegistration.js';
import { createAccountLinkRequests } from '../accountLinkRequest/useCases.js';
import type { ApiDeps } from '../deps.js';
import { requestLanguage, say } from '../language.js';
import { startLifecycle } from '../lifecycles.js';
import { createMailQuota } from '../security/mailQuota.js';
import type { createRecruiterBody } from './schemas.js';

/** ENTREPRISES / PARTENAIRES: registration (terms recorded), and the separate right to post offers. */
export function createRecruiterRegistrationUseCases(deps: ApiDeps) {
  const { db, temporal, config, hasher } = deps;
  const requestAccountLink = createAccountLinkRequests(deps);
  const allowMails = createMailQuota(deps);
  /** The conditions générales d'utilisation in force: version, full text (English falls back to French). */
  const terms = async (lang: Lang) => {
    const current = await currentTerms(db);
    if (!current) throw new AppError(ErrorKind.Unavailable, msg('recruiterRegistration.noTerms'));
    return {
      version: current.version,
      label: t('recruiterRegistration.termsLabel', lang),
      text: (lang === 'en' && current.body_en) || current.body_fr,
      publishedAt: current.published_at,
    };
  };

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
    terms,

    /** A new version of the terms, in force at once for new registrations (administrateur). */
    async publishTerms(staffId: string, input: { version: string; bodyFr: string; bodyEn?: string | undefined }) {
      const roles = await rolesOf(db, staffId);
      if (!roles.some((r) => r.role === 'administrateur')) throw new AppError(ErrorKind.Forbidden, msg('recruiterRegistration.adminOnly'));
      if (!(await publishTerms(db, { version: input.version, bodyFr: input.bodyFr, bodyEn: input.bodyEn ?? null, staffId })))
        throw new AppError(ErrorKind.Conflict, msg('portal.termsVersionTaken'), { version: msg('portal.termsVersionTaken') });
      return terms(requestLanguage());
    },

    /**
     * The row (with the version of the terms accepted and the time) and the lifecycle start,
     * atomically. The version accepted is the one in force; a person who read an older one (a new
     * version was published while they filled in the form) is asked to read it again.
     */
    async register(input: z.infer<typeof createRecruiterBody>) {
      const inForce = await currentTerms(db);
      if (!inForce) throw new AppError(ErrorKind.Unavailable, msg('recruiterRegistration.noTerms'));
      if (input.termsVersion && input.termsVersion !== inForce.version)
        throw new AppError(
          ErrorKind.Superseded,
          msg('recruiterRegistration.termsChanged'),
          { acceptTerms: msg('recruiterRegistration.termsChanged') },
          { termsVersion: inForce.version },
        );
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
          terms_version: inForce.version,
          locale: input.locale ?? requestLanguage(),
        });
        if (!account)
          throw new AppError(ErrorKind.Conflict, msg('recruiterRegistration.alreadyExists'), {
            email: msg('recruiterRegistration.alreadyExists'),
          });
        await startLifecycle<typeof recruiterRegistration>(temporal, config.temporal.taskQueue, {
          workflowType: 'recruiterRegistration',
          workflowId: recruiterRegistrationWorkflowId(account.id),
          kind: 'recruiterRegistration',
          subjectId: account.id,
          summary: 'Inscription recruteur (entreprises / partenaires)',
          input: {
            accountId: account.id,
            // Ids only (issue 13): the company and contact are in recruiter_accounts, read when shown.
            applicant: { key: `recruiter:${account.id}` },
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
