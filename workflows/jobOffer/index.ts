export { offerApplicationForward } from './applicationForward.js';
export { jobOffer } from './jobOffer.js';
