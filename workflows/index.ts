// Every lifecycle the worker runs. One file per lifecycle; messages live beside each.
export { candidateAccount } from './candidateAccount.js';
export { credentialRecovery } from './credentialRecovery.js';
export { candidateEmailChange } from './candidateEmailChange.js';
export { demoApprovalRequest } from './demoApprovalRequest.js';
export { trainingPreRegistration } from './trainingPreRegistration.js';
export { graduateRegistration } from './graduateRegistration.js';
export { recruiterRegistration } from './recruiterRegistration.js';
export { jobOffer } from './jobOffer.js';
export { offerApplicationForward } from './offerApplicationForward.js';
