import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps.js';
import { studentCardApiRoutes } from './apiRoutes.js';
import { studentCardPageRoutes } from './pageRoutes.js';

/** Seed 003 (1/2): the student card — its JSON API under /api, its pages. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(studentCardApiRoutes(deps), { prefix: '/api' });
    await app.register(studentCardPageRoutes(deps));
  };
}
