import { createCandidateAccountActivities } from './candidateAccount.js';
import { createGraduateActivities } from './graduateRegistration.js';
import { createOfferActivities } from './jobOffer.js';
import { createApprovalActivities } from './kit/approvals.js';
import type { ActivityDeps } from './kit/context.js';
import { createLifecycleActivities } from './kit/lifecycle.js';
import { createRecruiterActivities } from './recruiterRegistration.js';
import { createTrainingActivities } from './trainingPreRegistration.js';

/** Every activity, built from its dependencies. Workflows import the type only. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createLifecycleActivities(deps),
    ...createCandidateAccountActivities(deps),
    ...createApprovalActivities(deps),
    ...createTrainingActivities(deps),
    ...createGraduateActivities(deps),
    ...createRecruiterActivities(deps),
    ...createOfferActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps };
