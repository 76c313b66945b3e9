/**
 * The Temporal side of a trace (`@temporalio/interceptors-opentelemetry`): the client interceptor
 * puts the caller's trace context in the headers of a start, signal or Update; the workflow
 * interceptors (bundled with the workflow code) continue it inside the workflow and pass it on to
 * each activity; the activity interceptor opens the activity's span, so its queries and SMTP
 * sends become children of it.
 */
import { createRequire } from 'node:module';
import type { ClientInterceptors } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  type OpenTelemetrySinks,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { activeTracing, traceLogFields } from './tracing.js';

/**
 * The workflow interceptor module. It is ALWAYS bundled, tracing on or off, so that turning
 * tracing on or off never changes the workflow code a history replays against; with tracing off
 * its spans go to a sink that drops them.
 */
export const workflowInterceptorModule = createRequire(import.meta.url).resolve(
  '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
);

/**
 * The SDK logs « Activity completed » and « Activity failed » after the activity's span has ended
 * (and forwarded lines are written 100 ms later): this keeps the span's ids, seen while the
 * activity ran, and adds them to every line of that activity logged afterwards.
 */
const activityLogIds: ActivityInterceptorsFactory = () => {
  let ids: Record<string, string> = {};
  return {
    inbound: {
      execute: (input, next) => {
        ids = traceLogFields();
        return next(input);
      },
    },
    outbound: { getLogAttributes: (input, next) => next({ ...ids, ...input }) },
  };
};

/** The activity interceptors: with the no-op tracer (tracing off) they cost a few allocations. */
export const activityTracingInterceptors: ActivityInterceptorsFactory[] = [
  (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }),
  activityLogIds,
];

/** The sink the bundled workflow interceptors export their spans through (every worker needs it). */
export function workflowSpanSinks(): InjectedSinks<OpenTelemetrySinks> {
  const tracing = activeTracing();
  if (tracing?.spanProcessor) return { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) };
  return { exporter: { export: { fn: () => undefined } } };
}

/** For the API's client: trace context into the headers of starts, signals and Updates (tracing on only). */
export function clientTracingInterceptors(): ClientInterceptors | undefined {
  return activeTracing() ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
}
