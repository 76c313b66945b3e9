import { Context } from '@temporalio/activity';
import type { Db } from '../../db/connection.js';
import type { Config } from '../../lib/config.js';
import type { Mailer } from '../../mail/mailer.js';
import type { PhaseProjections } from './lifecycle.js';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  config: Config;
  /** Gathered by `createAllActivities` from every `activities/<lifecycle>.ts` (see kit/lifecycle.ts). */
  phaseProjections?: PhaseProjections;
}

/**
 * The idempotency key of one step of one workflow run: `<workflow id>:<step>`. Retries of the
 * same activity share it, so rows and mails keyed by it are written once.
 */
export function stepKey(step: string): string {
  return `${currentWorkflowId()}:${step}`;
}

export function currentWorkflowId(): string {
  const workflowId = Context.current().info.workflowExecution?.workflowId;
  if (!workflowId) throw new Error('this activity must run on behalf of a workflow');
  return workflowId;
}
