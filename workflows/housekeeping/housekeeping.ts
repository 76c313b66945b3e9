import { proxyActivities } from '@temporalio/workflow';
import type { HousekeepingActivities as Activities } from '../../activities/housekeeping.js';
import type { HousekeepingInput, HousekeepingReport } from './contract.js';

const cleaning = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  // A PostgreSQL outage delays the run; the next one catches up anyway.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * Housekeeping, started by a Temporal Schedule (never a cron; see ./schedule.ts): what can no
 * longer serve anyone is deleted, each kind in its own activity so one failure does not hold the others.
 *   1. credentials that no longer authenticate: expired, revoked or idle sessions, ENT logins never completed;
 *   2. counters whose window is over: login delays, mail quotas; link requests never looked up;
 *   3. after the retention: used or expired links and decision links, registry lookups.
 */
export async function housekeeping(input: HousekeepingInput): Promise<HousekeepingReport> {
  const [sessions, entLogins] = await Promise.all([cleaning.purgeSessions(), cleaning.purgeEntLogins()]);
  const [loginThrottles, rateCounters, linkRequests] = await Promise.all([
    cleaning.purgeLoginThrottles(),
    cleaning.purgeRateCounters(),
    cleaning.purgeLinkRequests(),
  ]);
  const [tokens, decisionLinks, registryLookups] = await Promise.all([
    cleaning.purgeTokens(input),
    cleaning.purgeDecisionLinks(input),
    cleaning.purgeRegistryLookups(input),
  ]);
  return { sessions, loginThrottles, rateCounters, linkRequests, tokens, decisionLinks, entLogins, registryLookups };
}
