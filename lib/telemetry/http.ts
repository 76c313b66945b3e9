/**
 * The server span of each HTTP request, without patching Node's `http` module (which an ES module
 * loads before any instrumentation could): a Fastify `onRequest` hook opens the span, continues
 * the caller's trace (`traceparent`) and runs the rest of the request inside it, and `onResponse`
 * closes it. The span is named after the route pattern (`POST /liens/:token`), never the URL:
 * tokens travel in paths.
 */
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextFromHeaders } from './tracing.js';

const spans = new WeakMap<FastifyRequest, Span>();

/** The route pattern of a request, or `unmatched` (a 404: its raw path must not become a name). */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

export function installHttpTracing(app: FastifyInstance): void {
  const tracer = trace.getTracer('university-approvals');
  app.addHook('onRequest', (request, reply, done) => {
    const route = routeOf(request);
    const parent = contextFromHeaders(request.headers);
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    if (!span.isRecording()) return done();
    spans.set(request, span);
    const active = trace.setSpan(parent, span);
    // The body arrives in events of the request stream, emitted outside this async context:
    // binding the streams keeps their listeners (the body parser) inside the span.
    context.bind(active, request.raw);
    context.bind(active, reply.raw);
    context.with(active, done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      spans.delete(request);
    }
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    spans.get(request)?.end();
    spans.delete(request);
    done();
  });
}
