import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { changeEmailBody, errorResponse, loginBody, messageResponse } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSession, requireSessionOf, SESSION_COOKIE, setSessionCookie } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { createCandidateAccountUseCases } from './useCases.js';

const profile = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  status: z.string(),
  validatedAt: z.date().nullable(),
});

/** Login (numéro de dossier or e-mail), logout, and the logged-in candidate's own account. */
export function sessionRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const sessions = createSessionUseCases(deps);
  const candidates = createCandidateAccountUseCases(deps);
  // Staff sessions exist too (inbox, administration): these routes are the candidate's own.
  const authenticated = requireSessionOf('candidate', sessions.authenticate);
  // Logging out is every profile's: candidates, staff, graduates, recruiters, students and staff of the ENT.
  const anySession = requireSession(sessions.authenticate);
  const limits = routeLimits(deps.config.security);

  return async (app) => {
    app.post('/sessions', {
      config: limits.passwordCheck,
      schema: {
        tags: ['Connexion'],
        summary: 'Se connecter avec son numéro de dossier ou son adresse mail',
        body: loginBody,
        response: {
          201: z.object({ token: z.string(), expiresAt: z.date(), fileNumber: z.string() }),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request, reply) => {
        const session = await sessions.login(request.body, request.ip);
        setSessionCookie(reply, deps.config.http.publicBaseUrl, session);
        return reply.status(201).send(session);
      },
    });

    app.delete('/sessions/current', {
      preHandler: anySession,
      schema: { tags: ['Connexion'], summary: 'Se déconnecter (tout type de compte)', response: { 204: z.null(), 401: errorResponse } },
      handler: async (request, reply) => {
        await sessions.logout(request.session!.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    });

    app.get('/me', {
      preHandler: authenticated,
      schema: { tags: ['Mon compte'], summary: 'Mon compte', response: { 200: profile, 401: errorResponse } },
      handler: async (request) => candidates.profile(request.session!.principal_id),
    });

    app.get('/me/history', {
      preHandler: authenticated,
      schema: {
        tags: ['Mon compte'],
        summary: 'Historique des démarches de mon compte',
        response: {
          200: z.object({ events: z.array(z.object({ kind: z.string(), status: z.string(), at: z.date() })) }),
          401: errorResponse,
        },
      },
      handler: async (request) => candidates.history(request.session!.principal_id),
    });

    app.put('/me/email', {
      preHandler: authenticated,
      config: limits.mailToTypedAddress,
      schema: {
        tags: ['Mon compte'],
        summary: 'Changer d’adresse mail (déconnecte jusqu’à la validation de la nouvelle adresse)',
        body: changeEmailBody,
        response: {
          202: messageResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request, reply) => {
        const result = await candidates.changeEmail(request.session!.principal_id, request.body, request.ip);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(202).send(result);
      },
    });
  };
}
