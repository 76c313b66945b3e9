import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

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

/**
 * Projection writes and reads that take a few milliseconds run as local activities: in the worker
 * that holds the workflow, recorded as a marker, without the server round trip of a scheduled
 * activity (two history events and a workflow task each). A decision then reaches the next
 * approver's mail in one workflow task plus the mailing activity. Same unlimited retries; past
 * `localRetryThreshold` the SDK waits between attempts with a durable timer, so an outage still
 * delays and never fails. Mails stay in regular activities.
 */
export const localProjectionActivityOptions: LocalActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
  localRetryThreshold: '10 seconds',
};
