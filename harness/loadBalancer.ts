/**
 * A tiny round-robin HTTP load balancer in front of API replicas, for `npm run start:cluster` and
 * the cluster fault scenarios: what nginx or HAProxy do in production (README, « A real Temporal
 * cluster »), reduced to the two behaviours the platform relies on:
 *   - a replica that refuses connections is skipped (the request never reached it, so any method
 *     may go to the next one) and left out for a moment (passive health check);
 *   - a replica that dies while it holds a request cannot be retried for a POST (it may have
 *     acted): the client gets 502 and retries itself, as the person's browser would. A GET is
 *     retried on the next replica.
 * Request bodies are buffered (they are small: forms, JSON, a CV of a few MB).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadBalancer {
  url: string;
  port: number;
  stats(): LoadBalancerStats;
  close(): Promise<void>;
}

export interface LoadBalancerStats {
  /** Requests forwarded to each upstream (answered by it). */
  perUpstream: Record<string, number>;
  /** Attempts that found a replica refusing connections, then went to the next one. */
  failovers: number;
  /** Requests answered 502 (the replica died holding them, or every replica was down). */
  badGateway: number;
}

const DOWN_FOR_MS = 2_000;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function startLoadBalancer(options: { upstreams: string[]; port?: number; host?: string }): Promise<LoadBalancer> {
  const upstreams = options.upstreams.map((url) => new URL(url));
  const downUntil = new Map<string, number>();
  const stats: LoadBalancerStats = { perUpstream: Object.fromEntries(upstreams.map((u) => [u.host, 0])), failovers: 0, badGateway: 0 };
  let next = 0;

  /** Upstreams in round-robin order, the healthy ones first. */
  const order = () => {
    const start = next++ % upstreams.length;
    const rotated = [...upstreams.slice(start), ...upstreams.slice(0, start)];
    const now = Date.now();
    return [...rotated.filter((u) => (downUntil.get(u.host) ?? 0) <= now), ...rotated.filter((u) => (downUntil.get(u.host) ?? 0) > now)];
  };

  const server = http.createServer(async (request, response) => {
    const body = await readBody(request);
    const candidates = order();
    for (const [index, upstream] of candidates.entries()) {
      const outcome = await forward(request, body, upstream, response);
      if (outcome === 'answered') {
        stats.perUpstream[upstream.host] = (stats.perUpstream[upstream.host] ?? 0) + 1;
        return;
      }
      downUntil.set(upstream.host, Date.now() + DOWN_FOR_MS);
      const retryable = outcome === 'refused' || IDEMPOTENT.has(request.method ?? 'GET');
      if (retryable && index < candidates.length - 1) {
        stats.failovers += 1;
        continue;
      }
      break;
    }
    stats.badGateway += 1;
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
    response.end('Bad Gateway: no API replica answered');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => structuredClone(stats),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `answered` (response streamed to the client), `refused` (never connected), `failed` (lost after sending). */
function forward(
  request: http.IncomingMessage,
  body: Buffer,
  upstream: URL,
  response: http.ServerResponse,
): Promise<'answered' | 'refused' | 'failed'> {
  return new Promise((resolve) => {
    const headers = { ...request.headers, host: request.headers.host ?? upstream.host, 'content-length': String(body.length) };
    const forwardedFor = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
    const outgoing = http.request({
      host: upstream.hostname,
      port: upstream.port,
      method: request.method,
      path: request.url,
      headers: { ...headers, 'x-forwarded-for': forwardedFor },
      agent: false, // a fresh connection each time: never a kept-alive socket to a replica that died
    });
    let connected = false;
    outgoing.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    outgoing.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      answer.on('end', () => resolve('answered'));
      // The replica died in the middle of its answer: the client sees a truncated response.
      answer.on('error', () => {
        response.destroy();
        resolve('answered');
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (response.headersSent) {
        response.destroy();
        resolve('answered');
        return;
      }
      resolve(!connected && error.code === 'ECONNREFUSED' ? 'refused' : 'failed');
    });
    outgoing.end(body);
  });
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve(Buffer.concat(chunks)));
  });
}
