import { adminMessages } from './messages/admin.js';
import { approvalMessages } from './messages/approval.js';
import { candidateAccountMessages } from './messages/candidateAccount.js';
import { entMessages } from './messages/ent.js';
import { fieldMessages } from './messages/field.js';
import { graduateRegistrationMessages } from './messages/graduateRegistration.js';
import { httpMessages } from './messages/http.js';
import { jobOfferMessages } from './messages/jobOffer.js';
import { linkMessages } from './messages/link.js';
import { monCompteMessages } from './messages/monCompte.js';
import { pageMessages } from './messages/page.js';
import { pageCandidateMessages } from './messages/pageCandidate.js';
import { pageCareerMessages } from './messages/pageCareer.js';
import { pageDecisionMessages } from './messages/pageDecision.js';
import { pageEntMessages } from './messages/pageEnt.js';
import { pageGraduateMessages } from './messages/pageGraduate.js';
import { pageLinksMessages } from './messages/pageLinks.js';
import { pagePortalMessages } from './messages/pagePortal.js';
import { pageRecruiterMessages } from './messages/pageRecruiter.js';
import { pageStaffMessages } from './messages/pageStaff.js';
import { pageTrainingMessages } from './messages/pageTraining.js';
import { portalMessages } from './messages/portal.js';
import { recruiterRegistrationMessages } from './messages/recruiterRegistration.js';
import { securityMessages } from './messages/security.js';
import { sessionMessages } from './messages/session.js';
import { staffMessages } from './messages/staff.js';
import { pageStudentCardMessages, studentCardMessages } from './messages/studentCard.js';
import { taskViewMessages } from './messages/taskView.js';
import { trainingPreRegistrationMessages } from './messages/trainingPreRegistration.js';

/**
 * Every user-facing message, by namespace: one file per lifecycle (`messages/<lifecycle>.ts`) and
 * shared ones (http, session, field, link, approval). A key is `<namespace>.<name>`, so two files
 * can never define the same key. A new lifecycle adds its file and one line here (keep them sorted:
 * lines added in parallel then land in different places and merge without conflict).
 */
export const catalogue = {
  admin: adminMessages,
  approval: approvalMessages,
  candidateAccount: candidateAccountMessages,
  ent: entMessages,
  field: fieldMessages,
  graduateRegistration: graduateRegistrationMessages,
  http: httpMessages,
  jobOffer: jobOfferMessages,
  link: linkMessages,
  monCompte: monCompteMessages,
  page: pageMessages,
  pageCandidate: pageCandidateMessages,
  pageCareer: pageCareerMessages,
  pageDecision: pageDecisionMessages,
  pageEnt: pageEntMessages,
  pageGraduate: pageGraduateMessages,
  pageLinks: pageLinksMessages,
  pagePortal: pagePortalMessages,
  pageRecruiter: pageRecruiterMessages,
  pageStaff: pageStaffMessages,
  pageStudentCard: pageStudentCardMessages,
  pageTraining: pageTrainingMessages,
  portal: portalMessages,
  recruiterRegistration: recruiterRegistrationMessages,
  security: securityMessages,
  session: sessionMessages,
  staff: staffMessages,
  taskView: taskViewMessages,
  studentCard: studentCardMessages,
  trainingPreRegistration: trainingPreRegistrationMessages,
};
