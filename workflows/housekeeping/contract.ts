/** What the housekeeping run is given (from the configuration, by the Schedule) and what it removed. */
export interface HousekeepingInput {
  /** Used or expired links, ended decision links and registry lookups are kept this long (HOUSEKEEPING_RETENTION). */
  retentionMs: number;
}

export interface HousekeepingReport {
  sessions: number;
  loginThrottles: number;
  rateCounters: number;
  linkRequests: number;
  tokens: number;
  decisionLinks: number;
  entLogins: number;
  registryLookups: number;
}

/** One Schedule per task queue (tests run several platforms on one Temporal server). */
export const housekeepingScheduleId = (taskQueue: string) => `housekeeping-${taskQueue}`;
