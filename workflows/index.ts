// Every lifecycle the worker runs. One file per lifecycle; messages live beside each.
export { candidateAccount } from './candidateAccount/candidateAccount.js';
export { candidateEmailChange } from './candidateAccount/candidateEmailChange.js';
export { credentialRecovery } from './candidateAccount/credentialRecovery.js';
export { demoApprovalRequest } from './demoApprovalRequest/demoApprovalRequest.js';
export { graduateRegistration } from './graduateRegistration/graduateRegistration.js';
export { offerApplicationForward } from './jobOffer/applicationForward.js';
export { jobOffer } from './jobOffer/jobOffer.js';
export { recruiterRegistration } from './recruiterRegistration/recruiterRegistration.js';
export { trainingPreRegistration } from './trainingPreRegistration/trainingPreRegistration.js';
