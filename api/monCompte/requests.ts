import { randomUUID } from 'node:crypto';
import type { DirectoryRequest, DirectoryRequestKind } from '../../db/directoryRequests.js';
import { insertDirectoryRequest, useDirectoryRequest } from '../../db/directoryRequests.js';
import { consumeRate } from '../../db/rateCounters.js';
import type { accountActivation } from '../../workflows/directoryAccount/accountActivation.js';
import { directoryRequestWorkflowId, secretUsedSignal } from '../../workflows/directoryAccount/contract.js';
import type { passwordChangeConfirmation } from '../../workflows/directoryAccount/passwordChangeConfirmation.js';
import type { ApiDeps } from '../deps.js';
import { startLifecycle } from '../lifecycles.js';

type Started = {
  kind: DirectoryRequestKind;
  login: string;
  accountId?: string | null;
  mailTo: string;
  firstName: string;
  windowMs: number;
};

/**
 * The directory lifecycles' plumbing: the row and the workflow together (the row inserted and the
 * workflow started in one transaction: a failed start leaves no row, a rolled-back row makes the
 * workflow end « abandoned »), a secret's single use around the directory change, the per-target throttles (per-IP limits are the routes').
 */
export function directoryRequests(deps: ApiDeps) {
  const { db, temporal, config } = deps;

  return {
    async start(request: Started & { id?: string; usedAt?: Date }): Promise<string> {
      const id = request.id ?? randomUUID();
      await db.transaction(async (tx) => {
        await insertDirectoryRequest(tx, {
          id,
          kind: request.kind,
          login: request.login,
          account_id: request.accountId ?? null,
          mail_to: request.mailTo,
          first_name: request.firstName,
          expires_at: new Date(Date.now() + request.windowMs),
          ...(request.usedAt ? { used_at: request.usedAt } : {}),
        });
        await startLifecycle<typeof accountActivation | typeof passwordChangeConfirmation>(temporal, config.temporal.taskQueue, {
          workflowType: request.kind,
          workflowId: directoryRequestWorkflowId(request.kind, id),
          input: { requestId: id, windowMs: request.windowMs },
          kind: request.kind,
          subjectId: id,
          summary: `${request.kind} ${id}`,
        });
      });
      return id;
    },

    /**
     * Uses the secret of request `id` once, then runs `change` (the directory write) inside the same
     * transaction: if the directory refuses or is down, the use is rolled back and the secret still
     * works; once committed, the workflow is told. Answers undefined when the secret does not work.
     */
    async use<T>(
      input: { id: string; kind: DirectoryRequestKind; secretHash: Buffer },
      change: (request: DirectoryRequest) => Promise<T>,
    ): Promise<T | undefined> {
      const outcome = await db.transaction(async (tx) => {
        const request = await useDirectoryRequest(tx, input);
        return request ? { result: await change(request) } : undefined;
      });
      if (!outcome) return undefined;
      await temporal.workflow
        .getHandle(directoryRequestWorkflowId(input.kind, input.id))
        .signal(secretUsedSignal)
        // The row says used: a workflow that already ended (or is slow to hear) reads it at its deadline.
        .catch(() => undefined);
      return outcome.result;
    },

    /** Per target (a login, an activation handle): answers false past the limit; the caller stays silent or refuses. */
    async within(scope: string, key: string, limit: number, windowMs: number): Promise<boolean> {
      return (await consumeRate(db, { scope, key, limit, windowMs })).allowed;
    },
  };
}

export type DirectoryRequests = ReturnType<typeof directoryRequests>;
