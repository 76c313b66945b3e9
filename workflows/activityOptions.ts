import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Activities retry without limit, with backoff capped at 30 s: a PostgreSQL or SMTP outage
 * delays a lifecycle, it never fails it. Errors that retrying cannot fix are raised as
 * non-retryable ApplicationFailures by the activities themselves.
 */
export const defaultActivityOptions: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};

export const projectionActivityOptions: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};

/**
 * For « is the row the API stored visible yet? »: retried for about half a minute, then the
 * lifecycle concludes that the API's transaction never committed.
 */
export const rowVisibilityActivityOptions: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '8 seconds', maximumAttempts: 7 },
};
