// The candidate account lifecycles of seed 001, registered with the worker from here.
export { candidateAccount } from './candidateAccount.js';
export { candidateEmailChange } from './candidateEmailChange.js';
export { credentialRecovery } from './credentialRecovery.js';
