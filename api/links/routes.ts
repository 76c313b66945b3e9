import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor, isSameOrigin, isValidCsrf } from '../../lib/csrf.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { acceptedSecrets } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { say } from '../language.js';
import { errorResponse, tokenParams } from '../schemas.js';
import { linkDonePage, linkErrorPage, linkFormPage } from './pages.js';
import { createLinkUseCases, linkStateMessages } from './useCases.js';

/**
 * The links people receive by mail. GET shows a page and changes nothing (mail scanners open
 * links); the action is a POST from that page, with a CSRF token and an Origin check. The same
 * actions exist as JSON for front-ends that render their own pages.
 */
export function linkRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const links = createLinkUseCases(deps);
  const secret = deps.config.secret;

  return async (app) => {
    app.get('/liens/:token', {
      schema: { hide: true, params: tokenParams },
      handler: async (request, reply) => {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        const { token } = request.params;
        try {
          const link = await links.describe(token);
          if (link.state !== 'valid') return reply.status(410).send(linkErrorPage(say(linkStateMessages[link.state])));
          return linkFormPage({ purpose: link.purpose, action: `/liens/${token}`, csrf: csrfTokenFor(secret, token) });
        } catch (error) {
          const { status, body } = toHttpError(error);
          return reply.status(status).send(linkErrorPage(body.message));
        }
      },
    });

    app.post('/liens/:token', {
      schema: { hide: true, params: tokenParams, body: z.record(z.string(), z.unknown()).optional() },
      handler: async (request, reply) => {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        const { token } = request.params;
        const form = (request.body ?? {}) as Record<string, unknown>;
        if (
          !isSameOrigin(deps.config.http.publicBaseUrl, request.headers.origin) ||
          !isValidCsrf(acceptedSecrets(deps.config), token, form.csrf)
        ) {
          return reply.status(403).send(linkErrorPage(say('link.wrongOrigin')));
        }
        try {
          const done = await links.use(token, form);
          return linkDonePage(done.purpose, done.result);
        } catch (error) {
          const { status, body } = toHttpError(error);
          if (error instanceof AppError && error.kind === ErrorKind.Validation) {
            const form = { purpose: 'password_reset' as const, action: `/liens/${token}`, csrf: csrfTokenFor(secret, token) };
            return reply.status(400).send(linkFormPage({ ...form, error: body.message, ...(body.fields ? { fields: body.fields } : {}) }));
          }
          if (status >= 500) request.log.error({ err: error }, 'link use failed');
          return reply.status(status).send(linkErrorPage(body.message));
        }
      },
    });

    app.get('/api/links/:token', {
      schema: {
        tags: ['Liens reçus par courriel'],
        summary: 'Décrire un lien (sans effet)',
        params: tokenParams,
        response: { 200: z.object({ purpose: z.string(), state: z.string(), expiresAt: z.date() }), 404: errorResponse },
      },
      handler: async (request) => links.describe(request.params.token),
    });

    app.post('/api/links/:token/use', {
      schema: {
        tags: ['Liens reçus par courriel'],
        summary: 'Utiliser un lien (valider un compte ou une adresse, choisir un nouveau mot de passe)',
        params: tokenParams,
        body: z.object({ password: z.string().max(1024).optional(), passwordConfirmation: z.string().max(1024).optional() }).optional(),
        response: {
          200: z.object({ purpose: z.string(), result: z.unknown() }),
          400: errorResponse,
          404: errorResponse,
          409: errorResponse,
          410: errorResponse,
        },
      },
      handler: async (request) => links.use(request.params.token, request.body ?? {}),
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(linkRoutes(deps));
  };
}
