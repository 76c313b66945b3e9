export { studentCard } from './studentCard.js';
