import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { errorResponse, idParams } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSession, requireSessionOf } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { createApplicantResolver } from './applicants.js';
import { createTrainingCatalogUseCases } from './catalog.js';
import { createPreRegistrationDraftUseCases } from './drafts.js';
import {
  actionBody,
  actionView,
  actionWithSessions,
  catalogPage,
  catalogQuery,
  draftView,
  myPreRegistrations,
  sessionBody,
  sessionPatchBody,
  sessionView,
  stepParams,
} from './schemas.js';
import { trainingPageRoutes } from './trainingPageRoutes.js';
import { createPreRegistrationLifecycleUseCases } from './useCases.js';

const tags = { catalog: ['Formation continue : catalogue'], drafts: ['Formation continue : pré-inscription'] };

/** Seed 004: the catalog (public), its management (staff), the five-step pre-registration (eCandidat and ENT accounts). */
export function trainingRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const catalog = createTrainingCatalogUseCases(deps);
  const drafts = createPreRegistrationDraftUseCases(deps);
  const lifecycle = createPreRegistrationLifecycleUseCases(deps);
  const { authenticate } = createSessionUseCases(deps);
  const staffOnly = requireSessionOf('staff', authenticate);
  // Anyone logged in; the use cases accept eCandidat and ENT accounts (applicants.ts) and refuse the others.
  const applicantsOnly = requireSession(authenticate);
  const applicantOf = createApplicantResolver(deps);

  return async (app) => {
    app.get('/training/actions', {
      schema: {
        tags: tags.catalog,
        summary: 'Rechercher dans le catalogue (thématique, mots-clés, pagination)',
        querystring: catalogQuery,
        response: { 200: catalogPage, 400: errorResponse },
      },
      handler: async (request) => ({
        page: request.query.page,
        pageSize: request.query.pageSize,
        ...(await catalog.search(request.query)),
      }),
    });
    app.get('/training/themes', {
      schema: {
        tags: tags.catalog,
        summary: 'Les thématiques du catalogue',
        response: { 200: z.object({ themes: z.array(z.object({ theme: z.string(), actions: z.number().int() })) }) },
      },
      handler: async () => ({ themes: await catalog.themes() }),
    });
    app.get('/training/actions/:id', {
      schema: {
        tags: tags.catalog,
        summary: 'Une action et ses sessions (places restantes, inscriptions ouvertes)',
        params: idParams,
        response: { 200: actionWithSessions, 404: errorResponse },
      },
      handler: async (request) => catalog.action(request.params.id),
    });
    app.get('/training/sessions/:id', {
      schema: { tags: tags.catalog, summary: 'Une session', params: idParams, response: { 200: sessionView, 404: errorResponse } },
      handler: async (request) => catalog.session(request.params.id),
    });

    app.post('/training/actions', {
      preHandler: staffOnly,
      schema: {
        tags: tags.catalog,
        summary: 'Créer une action (administrateur)',
        body: actionBody,
        response: { 201: actionView, 400: errorResponse, 401: errorResponse, 403: errorResponse, 409: errorResponse },
      },
      handler: async (request, reply) => reply.status(201).send(await catalog.createAction(request.session!.principal_id, request.body)),
    });
    app.patch('/training/actions/:id', {
      preHandler: staffOnly,
      schema: {
        tags: tags.catalog,
        summary: 'Modifier une action',
        params: idParams,
        body: actionBody.partial().omit({ code: true }),
        response: { 200: actionWithSessions, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
      handler: async (request) => catalog.updateAction(request.session!.principal_id, request.params.id, request.body),
    });
    app.post('/training/actions/:id/sessions', {
      preHandler: staffOnly,
      schema: {
        tags: tags.catalog,
        summary: 'Ajouter une session à une action',
        params: idParams,
        body: sessionBody,
        response: { 201: sessionView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await catalog.createSession(request.session!.principal_id, request.params.id, request.body)),
    });

    app.post('/training/sessions/:id/pre-registrations', {
      preHandler: applicantsOnly,
      schema: {
        tags: tags.drafts,
        summary: 'Commencer une pré-inscription (brouillon, étape 1)',
        params: idParams,
        response: { 201: draftView, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
      handler: async (request, reply) => reply.status(201).send(await drafts.start(await applicantOf(request.session!), request.params.id)),
    });
    app.get('/pre-registrations/:id', {
      preHandler: applicantsOnly,
      schema: {
        tags: tags.drafts,
        summary: 'Une pré-inscription : ses étapes et le récapitulatif (étape 5)',
        params: idParams,
        response: { 403: errorResponse, 200: draftView, 401: errorResponse, 404: errorResponse },
      },
      handler: async (request) => drafts.get(await applicantOf(request.session!), request.params.id),
    });
    app.put('/pre-registrations/:id/steps/:step', {
      preHandler: applicantsOnly,
      schema: {
        tags: tags.drafts,
        summary: 'Enregistrer une étape (1 identité, 2 renseignements professionnels, 3 contexte et attentes, 4 supérieur hiérarchique)',
        params: stepParams,
        body: z.record(z.string(), z.unknown()),
        response: { 403: errorResponse, 200: draftView, 400: errorResponse, 401: errorResponse, 404: errorResponse, 409: errorResponse },
      },
      handler: async (request) =>
        drafts.saveStep(await applicantOf(request.session!), request.params.id, request.params.step as 1 | 2 | 3 | 4, request.body),
    });
    app.get('/pre-registrations/:id/history', {
      preHandler: applicantsOnly,
      schema: {
        tags: tags.drafts,
        summary: 'L’historique d’une pré-inscription (dates, qui a décidé)',
        params: idParams,
        response: {
          403: errorResponse,
          200: z.object({ events: z.array(z.object({ status: z.string(), at: z.date(), details: z.record(z.string(), z.unknown()) })) }),
          401: errorResponse,
          404: errorResponse,
        },
      },
      handler: async (request) => drafts.history(await applicantOf(request.session!), request.params.id),
    });

    app.get('/me/pre-registrations', {
      preHandler: applicantsOnly,
      schema: {
        tags: tags.drafts,
        summary: 'Mes candidatures',
        response: { 403: errorResponse, 200: myPreRegistrations, 401: errorResponse },
      },
      handler: async (request) => ({ items: await drafts.listMine(await applicantOf(request.session!)) }),
    });

    // Session management that touches lifecycles (reschedule, cancel) lives with the lifecycle.
    app.patch('/training/sessions/:id', {
      preHandler: staffOnly,
      schema: {
        tags: tags.catalog,
        summary: 'Modifier une session (dates, lieu, capacité, état)',
        params: idParams,
        body: sessionPatchBody,
        response: { 200: sessionView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
      handler: async (request) => {
        const staffId = request.session!.principal_id;
        await lifecycle.changeSession(staffId, request.params.id, request.body, () =>
          catalog.updateSession(staffId, request.params.id, request.body),
        );
        return catalog.session(request.params.id);
      },
    });

    app.get('/training/sessions/:id/pre-registrations', {
      preHandler: staffOnly,
      schema: {
        tags: tags.catalog,
        summary: 'Les pré-inscriptions d’une session, par statut (chargé de projet)',
        params: idParams,
        querystring: z.object({
          status: z
            .enum([
              'awaiting_supervisor',
              'awaiting_project_manager',
              'waitlisted',
              'seat_offered',
              'accepted',
              'refused',
              'withdrawn',
              'cancelled',
              'completed',
              'draft',
            ])
            .optional(),
        }),
        response: {
          200: z.object({
            session: sessionView,
            items: z.array(
              z.object({
                id: z.uuid(),
                status: z.string(),
                submittedAt: z.date().nullable(),
                waitlistedAt: z.date().nullable(),
                lastName: z.string(),
                firstName: z.string(),
                email: z.string(),
              }),
            ),
          }),
          403: errorResponse,
          404: errorResponse,
        },
      },
      handler: async (request) => lifecycle.listForSession(request.session!.principal_id, request.params.id, request.query.status),
    });

    app.post('/pre-registrations/:id/submission', {
      preHandler: applicantsOnly,
      config: routeLimits(deps.config.security).mailToTypedAddress,
      schema: {
        tags: tags.drafts,
        summary: 'Envoyer la pré-inscription (depuis le récapitulatif, étape 5)',
        params: idParams,
        response: {
          200: draftView,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request) => lifecycle.submit(await applicantOf(request.session!), request.params.id),
    });

    app.post('/pre-registrations/:id/withdrawal', {
      preHandler: applicantsOnly,
      schema: {
        tags: tags.drafts,
        summary: 'Retirer sa pré-inscription, à toute étape',
        params: idParams,
        body: z.object({ reason: z.string().trim().max(500).optional() }).optional(),
        response: { 403: errorResponse, 200: draftView, 401: errorResponse, 404: errorResponse, 409: errorResponse },
      },
      handler: async (request) => lifecycle.withdraw(await applicantOf(request.session!), request.params.id, request.body?.reason),
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(trainingRoutes(deps), { prefix: '/api' });
    await app.register(trainingPageRoutes(deps));
  };
}
