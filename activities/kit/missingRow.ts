import { ApplicationFailure, Context } from '@temporalio/activity';
import { ErrorKind } from '../../lib/errors.js';

/**
 * The failure for a row an activity needs but cannot find. The API starts a lifecycle inside the
 * transaction that inserts its row (a failed start stores nothing), so a first activity can run
 * before that commit is visible: retried a while (about a minute with the default backoff), then
 * called missing for good.
 */
export function missingRow(what: string): ApplicationFailure {
  if (Context.current().info.attempt < 8) return ApplicationFailure.retryable(`${what} is not stored (yet)`);
  return ApplicationFailure.nonRetryable(`${what} does not exist`, ErrorKind.NotFound);
}
