import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { checkPostgres, checkTemporal } from './checks.js';

const check = z.enum(['up', 'down']);
const readiness = z.object({ status: z.enum(['ready', 'unavailable']), checks: z.object({ postgresql: check, temporal: check }) });

/**
 * Probes for an orchestrator or a load balancer (README « Operations »):
 *   - `GET /health/live`: the process answers (restart it when this fails);
 *   - `GET /health/ready`: PostgreSQL and Temporal both answer within 2 s (send it traffic only
 *     then); otherwise 503 naming the one that is down, with `Retry-After`.
 * `GET /health` (api/app.ts) is kept as it was: PostgreSQL only.
 */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health/live',
      { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } }, logLevel: 'warn' },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/health/ready',
      { schema: { hide: true, response: { 200: readiness, 503: readiness } }, logLevel: 'warn' },
      async (_request, reply) => {
        const [postgresql, temporal] = await Promise.all([checkPostgres(deps), checkTemporal(deps)]);
        const ready = postgresql === 'up' && temporal === 'up';
        reply.header('cache-control', 'no-store');
        if (!ready) reply.status(503).header('retry-after', '5');
        return { status: ready ? ('ready' as const) : ('unavailable' as const), checks: { postgresql, temporal } };
      },
    );
  };
}
