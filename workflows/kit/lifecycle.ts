import type { UpdateDefinition } from '@temporalio/common';
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { LifecycleActivities as Activities } from '../../activities/kit/lifecycle.js';
import { ErrorKind } from '../../lib/errors.js';
import { localProjectionActivityOptions } from './activityOptions.js';
import type { DecisionRequest, DecisionResult } from './approval/contract.js';
import { type DecisionControl, requestDecision } from './approval/requestDecision.js';
import { LifecycleStatus } from './searchAttributes.js';

const inWorker = proxyLocalActivities<Activities>(localProjectionActivityOptions);

/** Why a lifecycle stops before its end: the person withdrew, or what it was about was cancelled. */
export interface Stop {
  cause: 'withdrawal' | 'cancellation';
  /** A withdrawal's reason, by its id in `free_texts` (issue 13). */
  reasonId?: string;
  /** A cancellation's reason, written by the platform (never typed by a person). */
  reason?: string;
}

/**
 * A reason a mail or a phase shows: typed by a person, by its id in `free_texts` (issue 13); or
 * written by the platform itself (« Aucune place ne s’est libérée… »), in clear.
 */
export interface ReasonRef {
  reasonId?: string;
  reason?: string;
}

/** What the person sends when they withdraw. */
export interface Withdrawal {
  /** The API stores the typed reason in `free_texts`; the Update carries its id. */
  reasonId?: string;
}

export interface LifecycleOptions<Phase extends string> {
  /** The lifecycle kind: search attribute, `lifecycle_events.kind`, and the key of its status projection. */
  kind: string;
  /** The internal id of what the lifecycle is about (never a name or an address). */
  subjectId: string;
  /** The phase before the first `enter` (what the API wrote when it started the lifecycle). */
  initial: Phase;
  /**
   * True when the lifecycle's domain table carries its status (`pre_registrations.status`,
   * `job_offers.status`): each `enter` then writes it through the projection the kind registers on
   * the activity side (`phaseProjections` in `activities/<lifecycle>.ts`), in the same transaction
   * as the event row. The activity refuses to run without that projection, so a missing one shows.
   */
  projectsStatus?: boolean;
  /**
   * The version of the subject the phases are about (an offer's revision): the projection skips a
   * write whose version is older than the row's, so a late or retried write never undoes what the
   * API changed since (an edited offer is never published again by the previous version's phase).
   */
  version?: () => number;
}

/**
 * The lifecycle kit: one way for every workflow to enter a phase, to end, to stop on withdrawal or
 * cancellation (see workflows/kit/README.md). The workflow body keeps only the seed's steps.
 */
export function lifecycle<Phase extends string>(options: LifecycleOptions<Phase>) {
  let phase = options.initial;
  let step = 0;
  let finished = false;
  let stop: Stop | undefined;

  /** Operators (search attribute, current details) and users (`lifecycle_events`) see the step. */
  const record = async (status: string, details: Record<string, unknown>, project: boolean) => {
    upsertSearchAttributes([{ key: LifecycleStatus, value: status }]);
    setCurrentDetails(`**${options.kind}** · ${status}`);
    step += 1;
    const version = options.version?.();
    await inWorker.enterLifecyclePhase({
      workflowId: workflowInfo().workflowId,
      kind: options.kind,
      subjectId: options.subjectId,
      step: `${String(step).padStart(3, '0')}-${status}`,
      status,
      details,
      at: Date.now(),
      project: project && options.projectsStatus === true,
      ...(version !== undefined ? { version } : {}),
    });
  };

  /** The kit's waits call this after waking: a stop request leaves the steps for `run`'s `onStop`. */
  const leaveIfStopped = () => {
    if (stop) throw new Stopped();
  };
  const requestStop = (request: Stop) => {
    if (!stop || request.cause === 'cancellation') stop = request;
  };
  const decisionControl: DecisionControl = { withdrawal: () => stop && (stop.reasonId ? { reasonId: stop.reasonId } : {}) };

  return {
    get phase(): Phase {
      return phase;
    },
    get finished(): boolean {
      return finished;
    },
    get stop(): Stop | undefined {
      return stop;
    },

    /**
     * Enters a phase: the domain status (when `projectsStatus`), the lifecycle event and the
     * search attribute, in one local activity. The phase is current before the write, so a handler
     * answering while it runs already sees it.
     */
    async enter(next: Phase, details: Record<string, unknown> = {}): Promise<void> {
      phase = next;
      await record(next, details, true);
    },

    /** A step the history shows that changes no domain status (e.g. « décision communiquée »). */
    async note(status: string, details: Record<string, unknown> = {}): Promise<void> {
      await record(status, details, false);
    },

    /** Ends the lifecycle: handlers waiting for the end answer, and the run completes after them. */
    async end<R>(result: R): Promise<R> {
      finished = true;
      await condition(allHandlersFinished);
      return result;
    },

    /** Asks the lifecycle to stop at its next wait (a signal's cancellation). A cancellation wins over a withdrawal. */
    requestStop,

    /**
     * The person's withdrawal, as an Update: refused once the lifecycle is over or already
     * stopping (`closed()` says why, in French); otherwise answered with `answer()` at the end.
     */
    acceptWithdrawal<A>(update: UpdateDefinition<A, [Withdrawal]>, answer: () => A, closed: () => string): void {
      setHandler<A, [Withdrawal], UpdateDefinition<A, [Withdrawal]>>(
        update,
        async (request) => {
          requestStop({ cause: 'withdrawal', ...(request.reasonId ? { reasonId: request.reasonId } : {}) });
          await condition(() => finished);
          return answer();
        },
        {
          validator: () => {
            if (finished || stop) throw ApplicationFailure.create({ type: ErrorKind.AlreadyDone, message: closed() });
          },
        },
      );
    },

    /** `requestDecision`; a stop ends the open decision through its own path, then the lifecycle stops. */
    async decide(request: DecisionRequest): Promise<DecisionResult> {
      const decision = await requestDecision(request, decisionControl);
      leaveIfStopped();
      return decision;
    },

    /** Waits for `done()` or `timeoutMs`; true when `done()` came first. Leaves the steps on a stop request. */
    async waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
      const came = await condition(() => stop !== undefined || done(), Math.max(1, timeoutMs));
      leaveIfStopped();
      return came;
    },

    /** Runs the lifecycle's steps; a stop request seen by `decide` or `waitUntil` runs `onStop` instead. */
    async run(steps: () => Promise<Phase>, onStop: (stop: Stop) => Promise<Phase>): Promise<Phase> {
      try {
        return await steps();
      } catch (error) {
        if (error instanceof Stopped && stop) return onStop(stop);
        throw error;
      }
    },
  };
}

export type Lifecycle<Phase extends string> = ReturnType<typeof lifecycle<Phase>>;

/** Thrown by the kit's waits when a stop was requested; `run` turns it into the `onStop` path. */
class Stopped extends Error {
  constructor() {
    super('the lifecycle was asked to stop');
    this.name = 'Stopped';
  }
}

/** Who decided, as every lifecycle's history shows it. */
export function decidedBy(decision: DecisionResult): Record<string, string> {
  return {
    // Keys: the activity that records the phase writes the names (activities/kit/lifecycle.ts).
    decidedBy: decision.decidedBy.key,
    ...(decision.decidedBy.onBehalfOf ? { onBehalfOf: decision.decidedBy.onBehalfOf } : {}),
    outcome: decision.outcome,
    // Ids in `free_texts`: the activity that records the phase writes the texts.
    ...(decision.reasonId ? { reasonId: decision.reasonId } : {}),
    ...(decision.commentId ? { commentId: decision.commentId } : {}),
  };
}
