import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { emailOnlyBody, errorResponse, messageResponse } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSessionOf, setSessionCookie } from '../sessions/auth.js';
import { createProfileLoginUseCases } from '../sessions/profileLogin.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { graduatePageRoutes } from './pageRoutes.js';
import {
  completeFormRequestBody,
  createGraduateBody,
  diplomaChoiceBody,
  diplomaView,
  graduateCredentialsBody,
  graduateProfile,
  graduateRegistrationAnswer,
} from './schemas.js';
import { createGraduateRegistrationUseCases } from './useCases.js';

const tags = ['Diplômés'];
const loginAnswer = z.object({ token: z.string(), expiresAt: z.date() });

/** Seed 000, « Profils diplômés »: registration, diploma choice, login, my account. */
export function graduateRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const registration = createGraduateRegistrationUseCases(deps);
  const logins = createProfileLoginUseCases(deps);
  const limits = routeLimits(deps.config.security);
  const graduateOnly = requireSessionOf('graduate', createSessionUseCases(deps).authenticate);

  return async (app) => {
    app.post('/graduates', {
      config: limits.registryLookup,
      schema: {
        tags,
        summary:
          'S’inscrire comme diplômé (Nom, Prénom, Date de naissance, e-mail, mot de passe) : la réponse est la même que la personne soit dans la base ou non ; la suite arrive par courriel',
        body: createGraduateBody,
        response: { 201: graduateRegistrationAnswer, 400: errorResponse, 409: errorResponse, 429: errorResponse },
      },
      handler: async (request, reply) => reply.status(201).send(await registration.register(request.body, request.ip)),
    });

    app.post('/graduates/registration/resend-link', {
      config: limits.mailToTypedAddress,
      schema: {
        tags,
        summary: 'Renvoyer le lien de validation de l’adresse',
        body: emailOnlyBody,
        response: { 202: messageResponse, 400: errorResponse, 429: errorResponse },
      },
      handler: async (request, reply) => reply.status(202).send(await registration.resendValidationLink(request.body.email)),
    });

    app.post('/graduates/registration/diplomas', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Mes diplômes dans la base (après validation de l’adresse ; adresse et mot de passe de l’inscription)',
        body: graduateCredentialsBody,
        response: {
          200: z.object({ diplomas: z.array(diplomaView) }),
          400: errorResponse,
          401: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request) => registration.diplomas(request.body, request.ip),
    });

    app.post('/graduates/registration/diploma-choice', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Choisir mon diplôme (diplomaId) ou indiquer « diplôme non trouvé » (notFound, composanteCode)',
        body: diplomaChoiceBody,
        response: {
          202: z.object({ phase: z.string(), message: z.string() }),
          400: errorResponse,
          401: errorResponse,
          404: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request, reply) => reply.status(202).send(await registration.chooseDiploma(request.body, request.ip)),
    });

    app.post('/graduates/registration/complete-form', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Absent de la base : envoyer le formulaire complet (téléphone, adresse postale, diplôme dont on se souvient)',
        body: completeFormRequestBody,
        response: {
          202: z.object({ phase: z.string(), message: z.string() }),
          400: errorResponse,
          401: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request, reply) => reply.status(202).send(await registration.completeForm(request.body, request.ip)),
    });

    app.post('/graduates/sessions', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Connexion des diplômés (compte validé)',
        body: graduateCredentialsBody,
        response: { 201: loginAnswer, 400: errorResponse, 401: errorResponse, 403: errorResponse, 429: errorResponse },
      },
      handler: async (request, reply) => {
        const session = await logins.login('graduate', request.body, request.ip);
        setSessionCookie(reply, deps.config.http.publicBaseUrl, session);
        return reply.status(201).send(session);
      },
    });

    app.get('/graduates/me', {
      preHandler: graduateOnly,
      schema: {
        tags,
        summary: 'Mon compte diplômé et mes groupes (composante, VET)',
        response: { 200: graduateProfile, 401: errorResponse, 403: errorResponse },
      },
      handler: async (request) => registration.profile(request.session!.principal_id),
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(graduateRoutes(deps), { prefix: '/api' });
    await app.register(graduatePageRoutes(deps));
  };
}
