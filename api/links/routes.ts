import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor, isSameOrigin, isValidCsrf } from '../../lib/csrf.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { acceptedSecrets } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { formValues } from '../pages/forms.js';
import { createPageKit } from '../pages/kit.js';
import { grantRegistrationPass } from '../pages/registrationPass.js';
import { errorResponse, tokenParams } from '../schemas.js';
import { linkDonePage, linkErrorPage, linkFormPage } from './pages.js';
import { createLinkUseCases, linkStateMessages } from './useCases.js';

/**
 * The links people receive by mail. GET shows a page and changes nothing (mail scanners open
 * links); the action is a POST from that page, with a CSRF token derived from the link's token and
 * an Origin check. What comes next depends on the link: graduates and recruiters continue on their
 * registration's page, which this browser may then open (see `afterUse`). The same actions exist
 * as JSON for front-ends that render their own pages.
 */
export function linkRoutes(deps: ApiDeps, afterUse: Partial<Record<string, LinkFollowUp>> = {}): FastifyPluginAsyncZod {
  const links = createLinkUseCases(deps);
  const kit = createPageKit(deps);
  const secret = deps.config.secret;

  return async (app) => {
    kit.page(app, '/liens/:token', async (ctx) => {
      ctx.reply.header('cache-control', 'no-store');
      const { token } = ctx.request.params as { token: string };
      if (!tokenParams.safeParse({ token }).success) return linkErrorPage(ctx, 404, ctx.t('link.unknown'));
      try {
        const link = await links.describe(token);
        if (link.state !== 'valid') return linkErrorPage(ctx, 410, ctx.t(linkStateMessages[link.state]));
        return linkFormPage(ctx, { purpose: link.purpose, action: `/liens/${token}`, csrf: csrfTokenFor(secret, token) });
      } catch (error) {
        const { status, body } = toHttpError(error, ctx.lang);
        return linkErrorPage(ctx, status, body.message);
      }
    });

    app.post('/liens/:token', {
      schema: { hide: true, params: tokenParams, body: z.record(z.string(), z.unknown()).optional() },
      handler: async (request, reply) => {
        const ctx = await kit.context(request, reply);
        const { token } = request.params;
        const form = (request.body ?? {}) as Record<string, unknown>;
        if (
          !isSameOrigin(deps.config.http.publicBaseUrl, request.headers.origin) ||
          !isValidCsrf(acceptedSecrets(deps.config), token, form.csrf)
        ) {
          return kit.send(ctx, linkErrorPage(ctx, 403, ctx.t('link.wrongOrigin')));
        }
        try {
          const done = await links.use(token, form);
          await afterUse[done.purpose]?.(reply, done.subjectId);
          return kit.send(ctx, linkDonePage(ctx, done.purpose, done.result));
        } catch (error) {
          const { status, body } = toHttpError(error, ctx.lang);
          if (error instanceof AppError && error.kind === ErrorKind.Validation) {
            const state = { lang: ctx.lang, values: formValues(form), errors: body.fields ?? {} };
            const page = linkFormPage(ctx, {
              purpose: 'password_reset',
              action: `/liens/${token}`,
              csrf: csrfTokenFor(secret, token),
              state,
              message: body.message,
            });
            return kit.send(ctx, { ...page, status: 400, hasErrors: true });
          }
          if (status >= 500 && status !== 503) request.log.error({ err: error }, 'link use failed');
          return kit.send(ctx, linkErrorPage(ctx, status, body.message));
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
      handler: async (request) => {
        const { purpose, result } = await links.use(request.params.token, request.body ?? {});
        return { purpose, result };
      },
    });
  };
}

/** What a page does for the browser that used a link of some purpose (e.g. remember its registration). */
export type LinkFollowUp = (reply: FastifyReply, subjectId: string) => Promise<void> | void;

/** Graduates and recruiters continue their registration in pages: the browser that validated gets the pass. */
function linkFollowUps(deps: ApiDeps): Partial<Record<string, LinkFollowUp>> {
  return {
    graduate_email_validation: (reply, accountId) => grantRegistrationPass(reply, deps.config, 'graduate', accountId),
    recruiter_email_validation: (reply, accountId) => grantRegistrationPass(reply, deps.config, 'recruiter', accountId),
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(linkRoutes(deps, linkFollowUps(deps)));
  };
}
