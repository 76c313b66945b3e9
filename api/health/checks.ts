import type { ApiDeps } from '../deps.js';

/** A dependency that does not answer within this long counts as down: a probe must answer fast. */
export const CHECK_TIMEOUT_MS = 2_000;

export type CheckResult = 'up' | 'down';

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** PostgreSQL answers a trivial query. */
export async function checkPostgres(deps: ApiDeps): Promise<CheckResult> {
  try {
    await withTimeout(deps.db.raw('select 1'), CHECK_TIMEOUT_MS);
    return 'up';
  } catch {
    return 'down';
  }
}

/** The Temporal frontend answers `GetSystemInfo` (cheap, no namespace lookup). */
export async function checkTemporal(deps: ApiDeps): Promise<CheckResult> {
  const { connection, workflowService } = deps.temporal;
  try {
    await withTimeout(
      connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => workflowService.getSystemInfo({})),
      CHECK_TIMEOUT_MS + 500,
    );
    return 'up';
  } catch {
    return 'down';
  }
}
