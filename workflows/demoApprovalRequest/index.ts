export { demoApprovalRequest } from './demoApprovalRequest.js';
