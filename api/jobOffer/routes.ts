import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps.js';
import { sayRef } from '../language.js';
import { errorResponse, idParams } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSession } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { createOfferBrowsingUseCases } from './browsing.js';
import { careerPageRoutes } from './careerRoutes.js';
import {
  applicationCreated,
  myOfferDetail,
  myOffersList,
  offerApplications,
  offerBody,
  offerSearchPage,
  offerSearchQuery,
  publishedOfferView,
  withdrawalBody,
} from './schemas.js';
import { CvTooLarge, readApplicationForm } from './upload.js';
import { createJobOfferUseCases } from './useCases.js';

const tags = { author: ['Offres d’emploi : dépôt et « Mes offres »'], members: ['Offres d’emploi : consultation et candidature'] };
const denied = { 401: errorResponse, 403: errorResponse };

/** Seed 002, « Carrière »: posting and moderating offers, browsing them, applying with a CV. */
export function offerRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const authors = createJobOfferUseCases(deps);
  const members = createOfferBrowsingUseCases(deps);
  const { authenticate } = createSessionUseCases(deps);
  const signedIn = requireSession(authenticate);
  const { cvMaxBytes } = deps.config.offers;
  const limits = routeLimits(deps.config.security);

  return async (app) => {
    // Scoped to these routes (no fastify-plugin): only the application form accepts multipart.
    await app.register(multipart, { limits: { fileSize: cvMaxBytes, files: 1, fields: 4, fieldSize: 16 * 1024, parts: 6 } });

    app.post('/offers', {
      preHandler: signedIn,
      config: limits.mailToTypedAddress,
      schema: {
        tags: tags.author,
        summary: 'Déposer une offre ou un stage (soumise à validation d’un webmaster)',
        body: offerBody,
        response: { 201: myOfferDetail, 400: errorResponse, ...denied },
      },
      handler: async (request, reply) => reply.status(201).send(await authors.create(request.session!, request.body)),
    });
    app.get('/me/offers', {
      preHandler: signedIn,
      schema: {
        tags: tags.author,
        summary: 'Mes offres d’emploi : statut et nombre de candidatures',
        response: { 200: myOffersList, ...denied },
      },
      handler: async (request) => {
        await authors.authorOf(request.session!);
        return { items: await authors.listMine(request.session!) };
      },
    });
    app.get('/me/offers/:id', {
      preHandler: signedIn,
      schema: {
        tags: tags.author,
        summary: 'Une de mes offres et son historique',
        params: idParams,
        response: { 200: myOfferDetail, 401: errorResponse, 404: errorResponse },
      },
      handler: async (request) => authors.detail(request.session!, request.params.id),
    });
    app.put('/me/offers/:id', {
      preHandler: signedIn,
      config: limits.mailToTypedAddress,
      schema: {
        tags: tags.author,
        summary: 'Modifier une offre « à modifier » ou « publiée » : elle repasse en validation (l’ancienne version n’est plus visible)',
        params: idParams,
        body: offerBody,
        response: { 200: myOfferDetail, 400: errorResponse, 401: errorResponse, 404: errorResponse, 409: errorResponse },
      },
      handler: async (request) => authors.revise(request.session!, request.params.id, request.body),
    });
    app.post('/me/offers/:id/withdrawal', {
      preHandler: signedIn,
      schema: {
        tags: tags.author,
        summary: 'Retirer une offre avant validation, ou la clore avant son échéance',
        params: idParams,
        body: withdrawalBody,
        response: { 200: myOfferDetail, 401: errorResponse, 404: errorResponse, 409: errorResponse },
      },
      handler: async (request) => authors.withdraw(request.session!, request.params.id, request.body?.reason),
    });
    app.get('/me/offers/:id/applications', {
      preHandler: signedIn,
      schema: {
        tags: tags.author,
        summary: 'Les candidatures reçues pour une de mes offres',
        params: idParams,
        response: { 200: offerApplications, 401: errorResponse, 404: errorResponse },
      },
      handler: async (request) => ({ items: await authors.applications(request.session!, request.params.id) }),
    });

    app.get('/offers', {
      preHandler: signedIn,
      schema: {
        tags: tags.members,
        summary: 'Rechercher dans les offres publiées (membres : diplômés et étudiants)',
        querystring: offerSearchQuery,
        response: { 200: offerSearchPage, 400: errorResponse, ...denied },
      },
      handler: async (request) => members.search(request.session!, request.query),
    });
    app.get('/offers/:id', {
      preHandler: signedIn,
      schema: {
        tags: tags.members,
        summary: 'Une offre publiée',
        params: idParams,
        response: { 200: publishedOfferView, ...denied, 404: errorResponse },
      },
      handler: async (request) => members.get(request.session!, request.params.id),
    });
    app.post('/offers/:id/applications', {
      preHandler: signedIn,
      schema: {
        tags: tags.members,
        summary: 'Répondre à une offre : multipart/form-data, champ « message » et fichier « cv » (PDF)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: applicationCreated, 400: errorResponse, ...denied, 404: errorResponse, 409: errorResponse, 413: errorResponse },
      },
      handler: async (request, reply) => {
        await members.member(request.session!);
        try {
          const form = await readApplicationForm(request, cvMaxBytes, deps.config.offers.cvCheck);
          return reply.status(201).send(await members.apply(request.session!, request.params.id, form));
        } catch (error) {
          if (!(error instanceof CvTooLarge)) throw error;
          const message = sayRef(error.text);
          return reply.status(413).send({ error: 'PayloadTooLarge', message, fields: { cv: message } });
        }
      },
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(offerRoutes(deps), { prefix: '/api' });
    await app.register(careerPageRoutes(deps));
  };
}
