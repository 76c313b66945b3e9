import { purgeExpiredEntLogins, purgeSpentDecisionLinks, purgeSpentTokens } from '../db/housekeeping.js';
import { purgeStaleLinkRequests } from '../db/linkRequests.js';
import { purgeIdleThrottles } from '../db/loginThrottle.js';
import { purgeEndedRates } from '../db/rateCounters.js';
import { purgeOldRegistryLookups } from '../db/registry/lookupAudit.js';
import { purgeDeadSessions } from '../db/sessions.js';
import type { ActivityDeps } from './kit/context.js';

/** A link request is looked up within seconds; one an hour old had its lifecycle fail to start. */
const LINK_REQUEST_LIFETIME_MS = 3_600_000;

/** Each purge is one DELETE, idempotent: a retry deletes what is left, or nothing. */
export function createActivities({ db, config }: ActivityDeps) {
  const { login, lifetimes, security } = config;
  return {
    purgeSessions: () => purgeDeadSessions(db, { defaultMs: lifetimes.sessionIdleMs, staffMs: lifetimes.staffSessionIdleMs }),
    purgeEntLogins: () => purgeExpiredEntLogins(db),
    // Past the window and the longest delay, a throttle row counts nothing any more.
    purgeLoginThrottles: () => purgeIdleThrottles(db, login.failureWindowMs + login.delayMaxMs),
    purgeRateCounters: () =>
      purgeEndedRates(db, Math.max(security.mailQuota.windowMs, security.rateLimit.windowMs, security.rateLimit.registryLookupWindowMs)),
    purgeLinkRequests: () => purgeStaleLinkRequests(db, LINK_REQUEST_LIFETIME_MS),
    purgeTokens: (input: { retentionMs: number }) => purgeSpentTokens(db, input.retentionMs),
    purgeDecisionLinks: (input: { retentionMs: number }) => purgeSpentDecisionLinks(db, input.retentionMs),
    purgeRegistryLookups: (input: { retentionMs: number }) => purgeOldRegistryLookups(db, input.retentionMs),
  };
}

export type HousekeepingActivities = ReturnType<typeof createActivities>;
