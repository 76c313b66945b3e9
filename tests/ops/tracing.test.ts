import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { getFreePort } from '../../infra/processControl.js';
import { clientDataConverter } from '../../lib/codec/dataConverter.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { clientTracingInterceptors } from '../../lib/telemetry/temporal.js';
import { startTracing } from '../../lib/telemetry/tracing.js';
import { linkIn } from '../support/mailbox.js';
import { newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

// Before the world: the worker takes its workflow span sink from the tracing of this process.
const exporter = new InMemorySpanExporter();
startTracing({ serviceName: 'approvals-test', spanProcessors: [new SimpleSpanProcessor(exporter)] });

let world: World;
let tracedBaseUrl: string;
let closeTracedApp: () => Promise<void>;

beforeAll(async () => {
  world = await startWorld();
  // The API as server.ts builds it with tracing on: its client carries the trace into Temporal.
  const temporal = new Client({
    connection: world.temporal.connection,
    namespace: world.config.temporal.namespace,
    interceptors: clientTracingInterceptors(),
    dataConverter: clientDataConverter(world.config.temporal.payloadKeys),
  });
  const app = await buildApp(
    { db: world.db, temporal, config: world.config, hasher: createPasswordHasher(world.config.argon2) },
    { logger: false },
  );
  const port = await getFreePort();
  await app.listen({ host: '127.0.0.1', port });
  tracedBaseUrl = `http://127.0.0.1:${port}`;
  closeTracedApp = () => app.close();
});
afterAll(async () => {
  await closeTracedApp?.();
  await world?.stop();
});

/** The spans of the trace whose HTTP server span is `name`, once `complete` says all have arrived. */
async function traceOf(name: string, complete: (spans: ReadableSpan[]) => boolean): Promise<ReadableSpan[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const server = exporter.getFinishedSpans().find((s) => s.name === name && s.kind === SpanKind.SERVER);
    const spans = server ? exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === server.spanContext().traceId) : [];
    if (server && complete(spans)) return spans;
    if (Date.now() > deadline) throw new Error(`trace of ${name} incomplete: ${spans.map((s) => s.name).join(', ') || 'no server span'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The chain of span names from `span` up to the trace's root. */
function ancestry(spans: ReadableSpan[], span: ReadableSpan): string[] {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const names: string[] = [];
  for (let current: ReadableSpan | undefined = span; current; current = current.parentSpanId ? byId.get(current.parentSpanId) : undefined)
    names.push(current.name);
  return names;
}

describe('traces: one trace from the HTTP request down to PostgreSQL and SMTP', () => {
  it('when a candidate creates an account and validates the mailed link, then each request is one trace through Temporal, the activity, PostgreSQL and SMTP', async () => {
    const candidate = newCandidate();
    const created = await fetch(`${tracedBaseUrl}/api/candidates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(candidate),
    });
    expect(created.status).toBe(201);

    // Validation: HTTP → Update → its handler's activity → PostgreSQL.
    const mail = await world.mailbox.waitFor(candidate.email, { subject: /Validez votre compte/ });
    const link = linkIn(mail).replace(world.baseUrl, tracedBaseUrl);
    const page = await (await fetch(link)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const used = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.baseUrl },
      body: new URLSearchParams({ csrf }).toString(),
    });
    expect(used.status).toBe(200);
    const isActivityQuery = (spans: ReadableSpan[], s: ReadableSpan) =>
      s.name.startsWith('pg ') &&
      ancestry(spans, s).some((n) => n.startsWith('RunActivity:')) &&
      ancestry(spans, s).at(-1) === 'POST /liens/:token';
    const validation = await traceOf('POST /liens/:token', (spans) => spans.some((s) => isActivityQuery(spans, s)));
    const query = validation.find((s) => isActivityQuery(validation, s))!;
    const path = ancestry(validation, query).reverse();
    console.log(`trace ${query.spanContext().traceId}: ${path.join(' → ')}`);
    expect(path[0]).toBe('POST /liens/:token');
    expect(path.some((n) => n === 'StartWorkflowUpdate:useLink')).toBe(true);
    expect(path.some((n) => n === 'HandleUpdate:useLink')).toBe(true);
    expect(path.some((n) => n.startsWith('RunActivity:'))).toBe(true);
    expect(query.attributes['db.statement']).not.toMatch(/@example\.org/);
    // No token in any span name or attribute: routes are patterns.
    expect(JSON.stringify(validation.map((s) => [s.name, s.attributes]))).not.toContain(link.split('/liens/')[1]);

    // Creation: HTTP → workflow start → the workflow → the mailing activity → its SQL and the SMTP send.
    // A workflow's span ends (and is exported) when the workflow does: after the validation.
    const reachesRoot = (spans: ReadableSpan[], s: ReadableSpan, root: string) => ancestry(spans, s).at(-1) === root;
    const creation = await traceOf('POST /api/candidates', (spans) =>
      spans.some((s) => s.name === 'smtp send' && reachesRoot(spans, s, 'POST /api/candidates')),
    );
    const smtp = creation.find((s) => s.name === 'smtp send')!;
    const smtpPath = ancestry(creation, smtp);
    expect(smtpPath.at(-1)).toBe('POST /api/candidates');
    expect(smtpPath.some((n) => n.startsWith('StartWorkflow:candidateAccount'))).toBe(true);
    expect(smtpPath.some((n) => n.startsWith('RunWorkflow:candidateAccount'))).toBe(true);
    expect(smtpPath.some((n) => n.startsWith('RunActivity:'))).toBe(true);
    expect(creation.some((s) => s.name.startsWith('pg ') && s.attributes['db.system'] === 'postgresql')).toBe(true);
  });
});
