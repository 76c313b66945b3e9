import type { ActivityDeps } from './context.js';
import { createCandidateAccountActivities } from './candidateAccounts.js';
import { createLifecycleActivities } from './lifecycle.js';
import { createApprovalActivities } from './approvals.js';
import { createTrainingActivities } from './training.js';
import { createGraduateActivities } from './graduates.js';
import { createRecruiterActivities } from './recruiters.js';
import { createOfferActivities } from './offers.js';

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
