/**
 * Spans around the platform's own calls to the outside: PostgreSQL queries (through knex's query
 * events) and SMTP sends. They are only made inside a trace, so background work (pool checks,
 * a scrape of the domain metrics) adds no root spans.
 */
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Knex } from 'knex';

const tracer = () => trace.getTracer('university-approvals');

/** Runs `work` in a child span of the current one (no span without a trace to join). */
export async function inSpan<T>(name: string, attributes: Record<string, string | number>, work: () => Promise<T>): Promise<T> {
  if (!trace.getSpan(context.active())) return work();
  return tracer().startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

interface KnexQuery {
  __knexQueryUid?: string;
  sql?: string;
  method?: string;
}

/**
 * One client span per SQL statement: `pg <operation>`, with the statement text (placeholders,
 * never the bound values, which may be personal data). Knex emits `query` in the caller's async
 * context, so the span joins the request's or the activity's trace.
 */
export function traceQueries(db: Knex, databaseName: string): void {
  const open = new Map<string, Span>();
  db.on('query', (query: KnexQuery) => {
    if (!query.__knexQueryUid || !trace.getSpan(context.active())) return;
    const operation = (query.method ?? query.sql?.trim().split(/\s+/, 1)[0] ?? 'query').toLowerCase();
    const span = tracer().startSpan(`pg ${operation}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system': 'postgresql', 'db.name': databaseName, 'db.operation': operation, 'db.statement': query.sql ?? '' },
    });
    open.set(query.__knexQueryUid, span);
  });
  const end = (query: KnexQuery, error?: Error) => {
    const span = query.__knexQueryUid ? open.get(query.__knexQueryUid) : undefined;
    if (!span) return;
    open.delete(query.__knexQueryUid!);
    if (error) {
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    span.end();
  };
  db.on('query-response', (_response: unknown, query: KnexQuery) => end(query));
  db.on('query-error', (error: Error, query: KnexQuery) => end(query, error));
}
