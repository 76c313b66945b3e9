import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { errorResponse } from '../schemas.js';
import { requireSession, SESSION_COOKIE } from '../sessions/auth.js';
import { fieldText } from '../zodMessages.js';
import { createEntCharterUseCases } from './charter.js';
import { createEntLoginUseCases } from './login.js';
import { entPageRoutes } from './pageRoutes.js';

const charterStatus = z.object({ version: z.string(), required: z.boolean(), acceptedAt: z.date().nullable() });
const entMe = z.object({
  id: z.uuid(),
  profile: z.enum(['student', 'staff']),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  studentNumber: z.string().nullable(),
  lastLoginAt: z.date(),
  charter: charterStatus,
});

/**
 * JSON side of the ENT session (token from the callback's cookie or as a bearer): who am I, the
 * staff charter, logout. Login itself is a browser redirect: see `GET /ent/connexion`.
 */
export function entApiRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const logins = createEntLoginUseCases(deps);
  const charter = createEntCharterUseCases(deps);
  const authenticated = requireSession(logins.authenticate);

  return async (app) => {
    app.get('/ent/me', {
      preHandler: authenticated,
      schema: {
        tags: ['ENT'],
        summary: 'Mon compte ENT (étudiant ou personnel) et l’état de la charte',
        security: [{ session: [] }],
        response: { 200: entMe, 401: errorResponse },
      },
      handler: async (request) => {
        const account = await logins.accountOf(request.session!);
        return {
          id: account.id,
          profile: account.profile,
          firstName: account.first_name,
          lastName: account.last_name,
          email: account.email,
          studentNumber: account.student_number,
          lastLoginAt: account.last_login_at,
          charter: await charter.status(account),
        };
      },
    });

    app.get('/ent/charter', {
      preHandler: authenticated,
      schema: {
        tags: ['ENT'],
        summary: 'Version de la charte en vigueur et mon acceptation',
        security: [{ session: [] }],
        response: { 200: charterStatus, 401: errorResponse },
      },
      handler: async (request) => charter.status(await logins.accountOf(request.session!)),
    });

    app.post('/ent/charter/acceptance', {
      preHandler: authenticated,
      schema: {
        tags: ['ENT'],
        summary:
          'Accepter la charte (personnels) : « J’ai lu et j’accepte les conditions d’utilisation de la plateforme », puis confirmation',
        security: [{ session: [] }],
        body: z.object({
          version: z.string().min(1, fieldText('ent.charterVersionRequired')),
          accepted: z.literal(true, fieldText('ent.charterTick')),
          confirmed: z.literal(true, fieldText('ent.charterConfirmField')),
        }),
        response: {
          201: z.object({ version: z.string(), acceptedAt: z.date() }),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          410: errorResponse,
        },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await charter.accept(await logins.accountOf(request.session!), request.body.version)),
    });

    // A staff-only resource behind the charter: the pattern every staff ENT route follows.
    app.get('/ent/staff/workspace', {
      preHandler: authenticated,
      schema: {
        tags: ['ENT'],
        summary: 'Espace personnel (charte acceptée requise)',
        security: [{ session: [] }],
        response: { 200: z.object({ displayName: z.string(), charterVersion: z.string() }), 401: errorResponse, 403: errorResponse },
      },
      handler: async (request) => {
        const account = await logins.accountOf(request.session!);
        if (account.profile !== 'staff') throw new AppError(ErrorKind.Forbidden, msg('ent.workspaceStaffOnly'));
        await charter.ensureAccepted(account);
        return { displayName: `${account.first_name} ${account.last_name}`.trim(), charterVersion: charter.version };
      },
    });

    app.delete('/ent/session', {
      preHandler: authenticated,
      schema: {
        tags: ['ENT'],
        summary: 'Se déconnecter ; `providerLogoutUrl` termine aussi la session ENT (à ouvrir dans le navigateur)',
        security: [{ session: [] }],
        response: { 200: z.object({ providerLogoutUrl: z.string().nullable() }), 401: errorResponse },
      },
      handler: async (request, reply) => {
        const { providerLogoutUrl } = await logins.logout(request.session!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { providerLogoutUrl: providerLogoutUrl ?? null };
      },
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(entApiRoutes(deps), { prefix: '/api' });
    await app.register(entPageRoutes(deps));
  };
}
