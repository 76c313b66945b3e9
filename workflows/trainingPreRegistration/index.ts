export { trainingPreRegistration } from './trainingPreRegistration.js';
