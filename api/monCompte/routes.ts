import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type EntAccount, findEntAccountById } from '../../db/entAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { createEntLoginUseCases } from '../ent/login.js';
import { errorResponse } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSession } from '../sessions/auth.js';
import { directoryAccess } from './directoryAccess.js';
import { createImageRightsUseCases } from './imageRights.js';
import { createInformationUseCases } from './information.js';
import { monComptePageRoutes } from './pageRoutes.js';
import { directoryRequests } from './requests.js';
import {
  activationCompleteBody,
  activationStartBody,
  changePasswordBody,
  consentBody,
  newDirectoryPasswordBody,
  personalDetailsBody,
  personalEmailBody,
  recoveryStartBody,
} from './schemas.js';
import { createSecurityUseCases } from './security.js';

export function createMonCompteUseCases(deps: ApiDeps) {
  const access = directoryAccess(deps);
  const requests = directoryRequests(deps);
  return {
    information: createInformationUseCases(deps, access, requests),
    security: createSecurityUseCases(deps, access, requests),
    imageRights: createImageRightsUseCases(deps),
  };
}
export type MonCompteUseCases = ReturnType<typeof createMonCompteUseCases>;

const informationResponse = z.object({
  identity: z.object({ lastName: z.string(), firstName: z.string(), studentNumber: z.string().nullable(), login: z.string() }),
  phone: z.string().nullable(),
  postalAddress: z.string().nullable(),
  personalEmail: z.object({
    status: z.enum(['known', 'none', 'unavailable', 'notConfigured']),
    address: z.string().nullable(),
    pending: z.string().nullable(),
  }),
});
const imageRightsResponse = z.object({
  version: z.string(),
  uses: z.array(z.object({ id: z.string(), granted: z.boolean(), decidedAt: z.date().nullable(), textVersion: z.string().nullable() })),
  history: z.array(z.object({ use: z.string(), granted: z.boolean(), textVersion: z.string(), decidedAt: z.date() })),
});
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 410: errorResponse, 429: errorResponse, 503: errorResponse };

/** The JSON side of « Mon compte » (ENT accounts), « Première connexion ? », « Mot de passe oublié ? » and the photo API. */
function monCompteApiRoutes(deps: ApiDeps, useCases: MonCompteUseCases): FastifyPluginAsyncZod {
  const logins = createEntLoginUseCases(deps);
  const authenticated = requireSession(logins.authenticate);
  const limits = routeLimits(deps.config.security);
  const { information, security, imageRights } = useCases;
  const me = async (session: NonNullable<import('fastify').FastifyRequest['session']>): Promise<EntAccount> => {
    const account = await findEntAccountById(deps.db, session.principal_id);
    if (!account) throw new AppError(ErrorKind.Unauthenticated, msg('ent.sessionInvalid'));
    return account;
  };
  const tags = ['Mon compte'];
  const secured = { tags, security: [{ session: [] }] };

  return async (app) => {
    app.get('/mon-compte/informations', {
      preHandler: authenticated,
      schema: { ...secured, summary: 'Mes informations personnelles', response: { 200: informationResponse, ...errors } },
      handler: async (request) => information.view(await me(request.session!)),
    });
    app.put('/mon-compte/informations', {
      preHandler: authenticated,
      schema: {
        ...secured,
        summary: 'Modifier mon téléphone et mon adresse postale',
        body: personalDetailsBody,
        response: { 200: z.object({ phone: z.string().nullable(), postalAddress: z.string().nullable() }), ...errors },
      },
      handler: async (request) => information.saveDetails(await me(request.session!), request.body),
    });
    app.post('/mon-compte/adresse-personnelle', {
      preHandler: authenticated,
      config: limits.mailToTypedAddress,
      schema: {
        ...secured,
        summary: 'Nouvelle adresse personnelle : un lien de validation lui est envoyé (personalEmailChange)',
        body: personalEmailBody,
        response: { 202: z.object({}), ...errors },
      },
      handler: async (request, reply) => {
        await information.requestPersonalEmail(await me(request.session!), request.body.email);
        return reply.status(202).send({});
      },
    });
    app.post('/mon-compte/adresse-personnelle/validation', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Valider la nouvelle adresse personnelle (jeton du lien)',
        body: z.object({ token: z.string().max(200) }),
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await information.confirmPersonalEmail(request.body.token);
        return reply.status(204).send(null);
      },
    });
    app.post('/mon-compte/mot-de-passe', {
      preHandler: authenticated,
      config: limits.passwordCheck,
      schema: {
        ...secured,
        summary: 'Modifier mon mot de passe ENT (annuaire LDAP) avec le mot de passe actuel',
        body: changePasswordBody,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await security.changePassword(await me(request.session!), request.session!, request.body);
        return reply.status(204).send(null);
      },
    });
    app.post('/ent/premiere-connexion', {
      config: limits.mailToTypedAddress,
      schema: {
        tags,
        summary: 'Première connexion : un code est envoyé à l’adresse personnelle (même réponse que le compte existe ou non)',
        body: activationStartBody,
        response: { 202: z.object({ handle: z.uuid() }), ...errors },
      },
      handler: async (request, reply) => reply.status(202).send(await security.startActivation(request.body)),
    });
    app.post('/ent/premiere-connexion/code', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Première connexion : le code reçu et le mot de passe choisi',
        body: activationCompleteBody,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await security.completeActivation(request.body);
        return reply.status(204).send(null);
      },
    });
    app.post('/ent/mot-de-passe-oublie', {
      config: limits.mailToTypedAddress,
      schema: {
        tags,
        summary: 'Mot de passe oublié : un lien est envoyé à l’adresse personnelle (même réponse que le compte existe ou non)',
        body: recoveryStartBody,
        response: { 202: z.object({}), ...errors },
      },
      handler: async (request, reply) => {
        await security.startRecovery(request.body);
        return reply.status(202).send({});
      },
    });
    app.post('/ent/mot-de-passe-oublie/nouveau', {
      config: limits.passwordCheck,
      schema: {
        tags,
        summary: 'Mot de passe oublié : le nouveau mot de passe (jeton du lien)',
        body: z.object({ token: z.string().max(200) }).and(newDirectoryPasswordBody),
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await security.completeRecovery(request.body.token, request.body);
        return reply.status(204).send(null);
      },
    });
    app.get('/mon-compte/droit-image', {
      preHandler: authenticated,
      schema: {
        ...secured,
        summary: 'Mes accords pour l’utilisation de ma photo, et leur historique',
        response: { 200: imageRightsResponse, ...errors },
      },
      handler: async (request) => {
        const state = await imageRights.state(await me(request.session!));
        return { ...state, uses: state.uses.map(({ id, granted, decidedAt, textVersion }) => ({ id, granted, decidedAt, textVersion })) };
      },
    });
    app.post('/mon-compte/droit-image', {
      preHandler: authenticated,
      schema: {
        ...secured,
        summary: 'Donner ou retirer mon accord pour un usage de ma photo',
        body: consentBody,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await imageRights.decide(await me(request.session!), request.body);
        return reply.status(204).send(null);
      },
    });
    app.get('/image-rights/photos/:studentNumber', {
      schema: {
        tags,
        summary: 'Pour les services de l’établissement (jeton par service) : la photo, si l’étudiant y a consenti pour ce service',
        params: z.object({ studentNumber: z.string().min(1).max(32) }),
        // A bearer token too: the service's own (IMAGE_RIGHTS_SERVICES), not a person's session.
        security: [{ session: [] }],
        response: { 401: errorResponse, 404: errorResponse },
      },
      handler: async (request, reply) => {
        const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const photo = await imageRights.photoForService(bearer, request.params.studentNumber);
        return reply
          .type(photo.contentType)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(photo.bytes as never);
      },
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  const useCases = createMonCompteUseCases(deps);
  return async (app) => {
    await app.register(monCompteApiRoutes(deps, useCases), { prefix: '/api' });
    await app.register(monComptePageRoutes(deps, useCases));
  };
}
