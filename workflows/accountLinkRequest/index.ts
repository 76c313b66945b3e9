export { accountLinkRequest } from './accountLinkRequest.js';
