import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateFor, http } from '../../../harness/candidates.js';
import { type PlatformEnv, platformEnv, startApi, startWorker } from '../../../harness/platform.js';
import type { NodeChild } from '../../../harness/processes.js';
import { type Stack, startStack } from '../../../harness/stack.js';
import { candidateSession, runIdOf } from './support.js';

/** An OTLP/HTTP receiver (JSON, as the exporter sends it): the spans each process exported. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  name: string;
}
let receiver: Server;
const received: ReceivedSpan[] = [];

let stack: Stack;
let platform: PlatformEnv;
let api: NodeChild;
let worker: NodeChild | undefined;
const lines: string[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      try {
        for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((a: { key: string }) => a.key === 'service.name')?.value?.stringValue;
          for (const scope of resourceSpans.scopeSpans ?? [])
            for (const span of scope.spans ?? []) received.push({ service, traceId: span.traceId, name: span.name });
        }
      } catch {
        /* not JSON: counted as nothing */
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const otlp = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  stack = await startStack({ name: 'approvals-ops-health' });
  await stack.stopTemporal();
  platform = await platformEnv(stack, {
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    LOG_LEVEL: 'debug',
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
  });
  api = await startApi(platform, (line) => lines.push(line));
});
afterAll(async () => {
  await Promise.all([api?.stop(5_000), worker?.stop(5_000)]);
  await stack?.stop();
  receiver?.close();
});

describe('health: the API starts without Temporal and says what is down', () => {
  it('when Temporal is down at start, then the API is live, not ready (naming Temporal), and answers 503 with Retry-After', async () => {
    expect((await http(platform.baseUrl, 'GET', '/health/live')).status).toBe(200);
    const ready = await fetch(`${platform.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(await ready.json()).toEqual({ status: 'unavailable', checks: { postgresql: 'up', temporal: 'down' } });
    // The former probe (PostgreSQL only) still answers as before.
    expect((await http(platform.baseUrl, 'GET', '/health')).status).toBe(200);

    const started = Date.now();
    const created = await fetch(`${platform.baseUrl}/api/candidates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(candidateFor(runIdOf(), 0)),
    });
    console.log(`creation while Temporal is down: ${created.status} after ${Date.now() - started} ms`);
    expect(created.status).toBe(503);
    expect(created.headers.get('retry-after')).toBeTruthy();
    expect(lines.some((line) => /does not answer yet/.test(line))).toBe(true);
  });

  it('when Temporal comes up, then the API becomes ready without a restart and lifecycles run, traced across both processes', async () => {
    await stack.startTemporal();
    worker = await startWorker(platform, (line) => lines.push(line));
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await http(platform.baseUrl, 'GET', '/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    expect(await candidateSession(platform.baseUrl, stack.inbox, runIdOf(), 1)).toBeTruthy();

    // Each API request log line carries its trace id, and so do the worker's activity lines.
    const apiTraced = lines.filter((line) => line.startsWith('[api]') && /"trace_id":"[0-9a-f]{32}"/.test(line));
    const workerTraced = lines.filter((line) => line.startsWith('[worker]') && /"trace_id":"[0-9a-f]{32}"/.test(line));
    expect(apiTraced.length).toBeGreaterThan(0);
    expect(workerTraced.length).toBeGreaterThan(0);

    // The creation's trace left both processes: the API's spans and the worker's share its id
    // (the first creation, refused while Temporal was down, has no worker part).
    const creationTrace = () =>
      received
        .filter((s) => s.service === 'university-approvals-api' && s.name === 'POST /api/candidates')
        .map((s) => s.traceId)
        .find((id) => received.some((s) => s.service === 'university-approvals-worker' && s.traceId === id));
    const waitUntil = Date.now() + 30_000;
    while (Date.now() < waitUntil && !creationTrace()) await new Promise((resolve) => setTimeout(resolve, 500));
    const traceId = creationTrace();
    expect(traceId).toBeTruthy();
    const spans = received.filter((s) => s.traceId === traceId);
    console.log(`creation trace ${traceId}: ${spans.map((s) => `${s.service.replace('university-approvals-', '')}:${s.name}`).join(', ')}`);
    expect(spans.some((s) => s.service === 'university-approvals-worker' && s.name.startsWith('RunActivity:'))).toBe(true);
    const logged = lines.find((line) => line.includes(`"trace_id":"${traceId}"`));
    expect(logged).toBeTruthy();
  });
});
