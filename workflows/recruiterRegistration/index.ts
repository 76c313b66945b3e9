export { recruiterRegistration } from './recruiterRegistration.js';
