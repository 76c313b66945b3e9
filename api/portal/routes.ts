import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps.js';
import { createPageKit } from '../pages/kit.js';
import { accessibilityPage, homePage } from './homePages.js';

/** The portal's public pages: home, accessibility (seed 000, seed 001). */
export function portalRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const { portal } = deps.config;
  return async (app) => {
    kit.page(app, '/', (ctx) => homePage(ctx, portal.institutionName));
    kit.page(app, '/accessibilite', (ctx) => accessibilityPage(ctx, portal.assistanceEmail));
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(portalRoutes(deps));
  };
}
