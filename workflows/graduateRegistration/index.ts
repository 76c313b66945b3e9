export { graduateRegistration } from './graduateRegistration.js';
