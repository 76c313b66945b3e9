import { proxyActivities } from '@temporalio/workflow';
import type { JobOfferActivities as Activities } from '../../activities/jobOffer.js';
import { defaultActivityOptions } from '../kit/activityOptions.js';

const offers = proxyActivities<Activities>(defaultActivityOptions);

/**
 * Seed 002: « Vous recevrez au fil de l'eau, à l'adresse mail renseignée dans votre annonce, les
 * informations et CV des personnes intéressées ». A workflow (not a fire-and-forget send in the
 * API) so an SMTP outage only delays the forward: the activities retry until the server is back,
 * and each mail is sent once (idempotency key = workflow id + step).
 */
export async function offerApplicationForward(input: { applicationId: string }): Promise<void> {
  await offers.forwardApplication(input);
  await offers.confirmApplication(input);
}
