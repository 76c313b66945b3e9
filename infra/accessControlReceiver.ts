import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventIdHeader, signatureHeader, verify } from '../lib/webhooks/signature.js';

/**
 * A local stand-in for the institution's access-control system (the turnstiles, the library
 * gates): it receives the platform's card notifications over real HTTP, as the real one would.
 * It checks the signature (HMAC-SHA256, 5 minutes of tolerance), acknowledges an event id once
 * and answers a repeat with 200 too (an acknowledgement lost on the way is resent by the platform),
 * and keeps what it received for `GET /events` (the tests and the curious read it).
 * `failNext(n)` makes it answer 503 n times (to see the platform retry).
 */
export interface ReceivedEvent {
  id: string;
  receivedAt: number;
  body: Record<string, unknown>;
  deliveries: number;
}

export interface AccessControlReceiver {
  url: string;
  events(): ReceivedEvent[];
  rejected(): { reason: string; at: number }[];
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startAccessControlReceiver(options: { secret: string; port?: number; host?: string; log?: (line: string) => void }) {
  const received = new Map<string, ReceivedEvent>();
  const rejected: { reason: string; at: number }[] = [];
  let failures = 0;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    request.on('end', () => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'GET' && request.url === '/events') return answer(200, [...received.values()]);
      if (request.method !== 'POST' || request.url !== '/events') return answer(404, { error: 'not found' });
      if (size > 64 * 1024) return answer(413, { error: 'too large' });
      if (failures > 0) {
        failures -= 1;
        return answer(503, { error: 'unavailable (simulated)' });
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const check = verify(request.headers[signatureHeader] as string | undefined, raw, [options.secret], Math.floor(Date.now() / 1000));
      if (check !== 'ok') {
        rejected.push({ reason: check, at: Date.now() });
        return answer(401, { error: `signature ${check}` });
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(400, { error: 'not JSON' });
      }
      const id = String(request.headers[eventIdHeader] ?? body.id ?? '');
      if (!id || id !== body.id) return answer(400, { error: 'event id missing or different from the body' });
      const known = received.get(id);
      if (known) {
        known.deliveries += 1;
        return answer(200, { received: id, duplicate: true });
      }
      received.set(id, { id, receivedAt: Date.now(), body, deliveries: 1 });
      options.log?.(`${body.type} card ${(body.card as { id?: string } | undefined)?.id ?? '?'} (event ${id})`);
      return answer(200, { received: id });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: AccessControlReceiver = {
    url: `http://127.0.0.1:${port}/events`,
    events: () => [...received.values()],
    rejected: () => [...rejected],
    failNext: (count) => {
      failures = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return receiver;
}
