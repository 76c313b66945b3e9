import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { graduateCredentialsBody } from '../graduateRegistration/schemas.js';
import { requestLanguage } from '../language.js';
import { termsBody, termsView } from '../portal/schemas.js';
import { emailOnlyBody, errorResponse, idParams, messageResponse } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSessionOf, setSessionCookie } from '../sessions/auth.js';
import { createProfileLoginUseCases } from '../sessions/profileLogin.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { recruiterPageRoutes } from './pageRoutes.js';
import { createRecruiterBody, offerPostingBody, recruiterProfile } from './schemas.js';
import { createRecruiterRegistrationUseCases } from './useCases.js';

const tags = ['Entreprises / partenaires'];

/** Seed 000, « Profils recruteurs »: registration with the terms, login, and the offer-posting right. */
export function recruiterRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const registration = createRecruiterRegistrationUseCases(deps);
  const logins = createProfileLoginUseCases(deps);
  const { authenticate } = createSessionUseCases(deps);
  const recruiterOnly = requireSessionOf('recruiter', authenticate);
  const staffOnly = requireSessionOf('staff', authenticate);
  const limits = routeLimits(deps.config.security);

  return async (app) => {
    app.get('/recruiters/terms', {
      schema: {
        tags,
        summary: 'Les conditions générales d’utilisation en vigueur : version et texte complet (dans la langue demandée)',
        response: { 200: termsView, 503: errorResponse },
      },
      handler: async () => registration.terms(requestLanguage()),
    });

    app.post('/recruiters/terms', {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Publier une nouvelle version des conditions générales d’utilisation (administrateur)',
        body: termsBody,
        response: { 201: termsView, 400: errorResponse, 401: errorResponse, 403: errorResponse, 409: errorResponse },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await registration.publishTerms(request.session!.principal_id, request.body)),
    });

    app.post('/recruiters', {
      config: limits.mailToTypedAddress,
      schema: {
        tags,
        summary: 'Inscription (entreprise, contact, « J’accepte les conditions générales d’utilisation »)',
        body: createRecruiterBody,
        response: {
          201: z.object({ accountId: z.uuid(), termsVersion: z.string(), message: z.string() }),
          400: errorResponse,
          409: errorResponse,
        },
      },
      handler: async (request, reply) => reply.status(201).send(await registration.register(request.body)),
    });

    app.post('/recruiters/registration/resend-link', {
      config: limits.mailToTypedAddress,
      schema: {
        tags,
        summary: 'Renvoyer le lien de validation de l’adresse',
        body: emailOnlyBody,
        response: { 202: messageResponse, 400: errorResponse },
      },
      handler: async (request, reply) => reply.status(202).send(await registration.resendValidationLink(request.body.email)),
    });

    app.post('/recruiters/sessions', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Connexion (rubrique Entreprises/Partenaires, inscription validée)',
        body: graduateCredentialsBody,
        response: {
          201: z.object({ token: z.string(), expiresAt: z.date() }),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request, reply) => {
        const session = await logins.login('recruiter', request.body, request.ip);
        setSessionCookie(reply, deps.config.http.publicBaseUrl, session);
        return reply.status(201).send(session);
      },
    });

    app.get('/recruiters/me', {
      preHandler: recruiterOnly,
      schema: {
        tags,
        summary: 'Mon compte recruteur (dont le droit de déposer des offres)',
        response: { 200: recruiterProfile, 401: errorResponse, 403: errorResponse },
      },
      handler: async (request) => registration.view(request.session!.principal_id),
    });

    app.put('/recruiters/:id/offer-posting', {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Accorder ou retirer le droit de déposer des offres (administrateur)',
        params: idParams,
        body: offerPostingBody,
        response: {
          200: recruiterProfile,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
      handler: async (request) => registration.setOfferPosting(request.session!.principal_id, request.params.id, request.body.allowed),
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(recruiterRoutes(deps), { prefix: '/api' });
    await app.register(recruiterPageRoutes(deps));
  };
}
