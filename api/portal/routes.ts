import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { requestLanguage } from '../language.js';
import { createPageKit } from '../pages/kit.js';
import { errorResponse, idParams } from '../schemas.js';
import { requireSessionOf } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { accessibilityPage, homePage } from './homePages.js';
import { assistancePage, guidePage, programmesPage } from './portalPages.js';
import { faqBody, faqView, programmeBody, programmeListQuery, programmePage } from './schemas.js';
import { createPortalUseCases } from './useCases.js';

const tags = ['Portail : offre de formation, assistance'];
const staffErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * The portal's pages anyone may open (home, « Offre de formation », « Assistance »), and the JSON
 * API over the same use cases: public reading, an administrateur's maintenance.
 */
export function portalRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const portal = createPortalUseCases(deps);
  const staffOnly = requireSessionOf('staff', createSessionUseCases(deps).authenticate);
  const settings = deps.config.portal;

  return async (app) => {
    kit.page(app, '/', (ctx) => homePage(ctx, settings.institutionName));
    kit.page(app, '/accessibilite', (ctx) => accessibilityPage(ctx, settings.assistanceEmail));
    kit.page(app, '/offre-de-formation', async (ctx) => {
      // A mangled address shows the first page rather than an error.
      const query = programmeListQuery.safeParse(ctx.request.query);
      const page = await portal.programmes(query.success ? query.data : { limit: 20 });
      return programmesPage(ctx, page, new Date().toISOString().slice(0, 10));
    });
    kit.page(app, '/assistance', async (ctx) => assistancePage(ctx, settings, await portal.faq(ctx.lang)));
    kit.page(app, '/assistance/guide', (ctx) => guidePage(ctx));

    app.get('/api/programmes', {
      schema: {
        tags,
        summary: 'Offre de formation : les formations ouvertes à la candidature (par date d’ouverture de la campagne)',
        querystring: programmeListQuery,
        response: { 200: programmePage, 400: errorResponse },
      },
      handler: async (request) => portal.programmes(request.query),
    });
    app.post('/api/programmes', {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Ajouter une formation (administrateur)',
        body: programmeBody,
        response: { 201: z.object({ id: z.uuid() }), ...staffErrors },
      },
      handler: async (request, reply) => reply.status(201).send(await portal.addProgramme(request.session!.principal_id, request.body)),
    });
    app.put('/api/programmes/:id', {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Modifier une formation (administrateur)',
        params: idParams,
        body: programmeBody,
        response: { 204: z.null(), ...staffErrors },
      },
      handler: async (request, reply) => {
        await portal.changeProgramme(request.session!.principal_id, request.params.id, request.body);
        return reply.status(204).send(null);
      },
    });
    app.delete('/api/programmes/:id', {
      preHandler: staffOnly,
      schema: { tags, summary: 'Retirer une formation (administrateur)', params: idParams, response: { 204: z.null(), ...staffErrors } },
      handler: async (request, reply) => {
        await portal.removeProgramme(request.session!.principal_id, request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/faq', {
      schema: {
        tags,
        summary: 'Assistance : la foire aux questions (dans la langue demandée)',
        response: { 200: z.object({ items: z.array(faqView) }) },
      },
      handler: async () => ({ items: await portal.faq(requestLanguage()) }),
    });
    app.post('/api/faq', {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Ajouter une question à la FAQ (administrateur)',
        body: faqBody,
        response: { 201: z.object({ id: z.uuid() }), ...staffErrors },
      },
      handler: async (request, reply) => reply.status(201).send(await portal.addFaqEntry(request.session!.principal_id, request.body)),
    });
    app.put('/api/faq/:id', {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Modifier une question de la FAQ (administrateur)',
        params: idParams,
        body: faqBody,
        response: { 204: z.null(), ...staffErrors },
      },
      handler: async (request, reply) => {
        await portal.changeFaqEntry(request.session!.principal_id, request.params.id, request.body);
        return reply.status(204).send(null);
      },
    });
    app.delete('/api/faq/:id', {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Retirer une question de la FAQ (administrateur)',
        params: idParams,
        response: { 204: z.null(), ...staffErrors },
      },
      handler: async (request, reply) => {
        await portal.removeFaqEntry(request.session!.principal_id, request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(portalRoutes(deps));
  };
}
