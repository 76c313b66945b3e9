export { housekeeping } from './housekeeping.js';
