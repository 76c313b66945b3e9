/**
 * OpenTelemetry tracing for the API and the worker: one trace from the HTTP request through the
 * workflow start or Update, the workflow tasks and the activities, down to PostgreSQL and SMTP.
 *
 * Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set (or a test passes its own span processor): the
 * global tracer then stays OpenTelemetry's no-op one, and every span helper here costs nothing.
 * The SDK is the 1.x line because `@temporalio/interceptors-opentelemetry` 1.24 is built on it
 * (README « Traces » says why not 2.x).
 */
import { type Context, context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  enabled: boolean;
  /** Where the worker's workflow spans (made inside the workflow sandbox) are handed over. */
  spanProcessor?: SpanProcessor;
  resource: Resource;
  /** Flushes what is buffered, then stops exporting. */
  shutdown(): Promise<void>;
}

let current: Tracing | undefined;

/** The tracing set up in this process (`startTracing`), or undefined: spans go nowhere. */
export function activeTracing(): Tracing | undefined {
  return current?.enabled ? current : undefined;
}

/**
 * Registers the global tracer provider once per process. `otlpEndpoint` (the collector's base
 * URL, e.g. http://collector:4318) adds a batching OTLP/HTTP exporter; tests pass their own
 * `spanProcessors` (an in-memory exporter).
 */
export function startTracing(options: { serviceName: string; otlpEndpoint?: string; spanProcessors?: SpanProcessor[] }): Tracing {
  if (current) return current;
  const resource = new Resource({ 'service.name': options.serviceName });
  const processors = [...(options.spanProcessors ?? [])];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  if (processors.length === 0) {
    current = { enabled: false, resource, shutdown: async () => undefined };
    return current;
  }
  const provider = new NodeTracerProvider({ resource, spanProcessors: processors });
  // AsyncLocalStorage context manager and the W3C trace-context propagator (traceparent).
  provider.register();
  current = { enabled: true, spanProcessor: fanOut(processors), resource, shutdown: () => provider.shutdown() };
  return current;
}

/** One processor that hands every span to each of `processors` (the workflow sink takes one). */
function fanOut(processors: SpanProcessor[]): SpanProcessor {
  return {
    onStart: (span: Span, parent: Context) => {
      for (const p of processors) p.onStart(span, parent);
    },
    onEnd: (span: ReadableSpan) => {
      for (const p of processors) p.onEnd(span);
    },
    forceFlush: async () => {
      await Promise.all(processors.map((p) => p.forceFlush()));
    },
    shutdown: async () => {
      await Promise.all(processors.map((p) => p.shutdown()));
    },
  };
}

/** The current trace and span ids, for log lines (`mixin` of pino): empty outside a trace. */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/** The trace context of incoming HTTP headers (`traceparent`), for a server span's parent. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers);
}
