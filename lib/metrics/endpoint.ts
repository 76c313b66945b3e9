/**
 * Where the API's metrics are served, and who may read them. Prometheus text format, prom-client:
 * the API's requests, its process (`approvals_api_…`: CPU, memory, event loop lag) and the
 * domain's gauges (lib/metrics/domain.ts).
 *
 *   - `METRICS_ADDRESS=host:port`: a listener of its own on an internal address (not the public
 *     port), e.g. `10.0.0.5:9463` or `127.0.0.1:9463` beside a local Prometheus agent;
 *   - else `METRICS_TOKEN`: `GET /metrics` on the API's port, with `Authorization: Bearer <token>`;
 *   - neither: no metrics (`/metrics` is a 404).
 * With both, the separate listener asks for the token too.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { ApiDeps } from '../../api/deps.js';
import { safeEqual } from '../secrets.js';
import { createDomainMetrics } from './domain.js';
import { installHttpMetrics } from './http.js';

export function installMetrics(app: FastifyInstance, deps: ApiDeps): void {
  const { token, address } = deps.config.metrics;
  if (!token && !address) return;

  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'approvals_api_' });
  installHttpMetrics(app, registry);
  const domain = createDomainMetrics(registry, {
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.config.temporal.taskQueue,
    namespace: deps.config.temporal.namespace,
  });
  const scrape = async () => {
    await domain.refresh();
    return registry.metrics();
  };
  const authorised = (header: string | undefined) => !token || safeEqual(header ?? '', `Bearer ${token}`);

  if (address) {
    const server = metricsListener(scrape, registry.contentType, (request) => authorised(request.headers.authorization));
    const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
    app.addHook('onReady', (done) => {
      server.once('error', done);
      server.listen(port, host, () => {
        app.log.info({ address }, `API metrics on http://${address}/metrics`);
        done();
      });
    });
    app.addHook('onClose', (_app, done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
    return;
  }

  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    if (!authorised(request.headers.authorization)) {
      return reply.status(401).header('www-authenticate', 'Bearer realm="metrics"').send({ error: 'Unauthorized' });
    }
    return reply.type(registry.contentType).send(await scrape());
  });
}

function metricsListener(scrape: () => Promise<string>, contentType: string, authorised: (request: IncomingMessage) => boolean): Server {
  return createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    if (!authorised(request)) {
      response.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
      return;
    }
    scrape().then(
      (body) => response.writeHead(200, { 'content-type': contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
}
