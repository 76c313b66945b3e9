import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { createCandidateBody, emailOnlyBody, errorResponse, messageResponse } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { portalRoutes } from './portalRoutes.js';
import { sessionRoutes } from './sessionRoutes.js';
import { createCandidateAccountUseCases } from './useCases.js';

/** eCandidat's « Créer un compte », « Renvoyer le lien » and « J'ai oublié mes identifiants ». */
export function candidateRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const candidates = createCandidateAccountUseCases(deps);
  const limits = routeLimits(deps.config.security);
  return async (app) => {
    app.post('/candidates', {
      config: limits.mailToTypedAddress,
      schema: {
        tags: ['Comptes candidats'],
        summary: 'Créer un compte candidat (un courriel de validation est envoyé)',
        body: createCandidateBody,
        response: { 201: messageResponse.extend({ accountId: z.uuid() }), 400: errorResponse, 409: errorResponse, 429: errorResponse },
      },
      handler: async (request, reply) => reply.status(201).send(await candidates.createAccount(request.body)),
    });

    app.post('/candidates/validation-link', {
      config: limits.mailToTypedAddress,
      schema: {
        tags: ['Comptes candidats'],
        summary: 'Renvoyer le lien de validation (la réponse est la même que l’adresse soit connue ou non)',
        body: emailOnlyBody,
        response: { 202: messageResponse, 400: errorResponse, 429: errorResponse },
      },
      handler: async (request, reply) => reply.status(202).send(await candidates.resendValidationLink(request.body.email)),
    });

    app.post('/candidates/forgotten-credentials', {
      config: limits.mailToTypedAddress,
      schema: {
        tags: ['Comptes candidats'],
        summary: 'J’ai oublié mes identifiants : recevoir son identifiant et un lien pour choisir un nouveau mot de passe',
        body: emailOnlyBody,
        response: { 202: messageResponse, 400: errorResponse, 429: errorResponse },
      },
      handler: async (request, reply) => reply.status(202).send(await candidates.forgottenCredentials(request.body.email)),
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(candidateRoutes(deps), { prefix: '/api' });
    await app.register(sessionRoutes(deps), { prefix: '/api' });
    await app.register(portalRoutes(deps));
  };
}
