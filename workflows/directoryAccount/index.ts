// The lifecycles against the institution's LDAP directory (« Mon compte », issue 22).
export { accountActivation } from './accountActivation.js';
export { passwordChangeConfirmation } from './passwordChangeConfirmation.js';
export { passwordRecovery } from './passwordRecovery.js';
export { personalEmailChange } from './personalEmailChange.js';
