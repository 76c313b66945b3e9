import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor, isSameOrigin, isValidCsrf } from '../../lib/csrf.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { acceptedSecrets } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { formValues } from '../pages/forms.js';
import { createPageKit } from '../pages/kit.js';
import { errorResponse, tokenParams } from '../schemas.js';
import { decisionClosedPage, decisionErrorPage, decisionFormPage } from './decisionPage.js';
import { createDecisionLinkUseCases, type DecisionLinkView } from './links.js';
import { decisionFields } from './schemas.js';

const linkView = (v: DecisionLinkView) => ({
  state: v.state,
  title: v.request.title,
  requester: v.request.requester_name,
  details: v.request.details,
  outcomes: v.request.outcomes,
  approver: v.approverName,
  onBehalfOf: v.onBehalfOf,
  deadlineAt: v.request.deadline_at,
  status: v.request.status,
  outcome: v.request.outcome,
  decidedBy: v.request.decided_by_name,
  decidedAt: v.request.closed_at,
});

/**
 * Decision links from the approvers' mails. GET shows the request and changes nothing (mail
 * scanners open links); the decision is a POST from that page with a CSRF token and an Origin
 * check. Once the step is closed the link shows who decided what and when.
 */
export function decisionLinkRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const links = createDecisionLinkUseCases(deps);
  const kit = createPageKit(deps);
  const secret = deps.config.secret;
  const csrf = (token: string) => csrfTokenFor(secret, `decision:${token}`);

  return async (app) => {
    kit.page(app, '/decisions/:token', async (ctx) => {
      const { token } = ctx.request.params as { token: string };
      if (!tokenParams.safeParse({ token }).success) return decisionErrorPage(ctx, 404, ctx.t('approval.decisionLinkUnknown'));
      try {
        const view = await links.view(token);
        if (view.state === 'closed') return decisionClosedPage(ctx, view);
        if (view.state === 'expired') return decisionErrorPage(ctx, 410, ctx.t('approval.decisionLinkExpired'));
        return decisionFormPage(ctx, view, { action: `/decisions/${token}`, csrf: csrf(token) });
      } catch (error) {
        const { status, body } = toHttpError(error, ctx.lang);
        return decisionErrorPage(ctx, status, body.message);
      }
    });

    app.post('/decisions/:token', {
      schema: { hide: true, params: tokenParams, body: z.record(z.string(), z.unknown()).optional() },
      handler: async (request, reply) => {
        const ctx = await kit.context(request, reply);
        const { token } = request.params;
        const form = (request.body ?? {}) as Record<string, unknown>;
        if (
          !isSameOrigin(deps.config.http.publicBaseUrl, request.headers.origin) ||
          !isValidCsrf(acceptedSecrets(deps.config), `decision:${token}`, form.csrf)
        ) {
          return kit.send(ctx, decisionErrorPage(ctx, 403, ctx.t('approval.decisionPageOrigin')));
        }
        try {
          const { view } = await links.decide(token, form);
          return kit.send(ctx, decisionClosedPage(ctx, view, true));
        } catch (error) {
          const { status, body } = toHttpError(error, ctx.lang);
          if (error instanceof AppError && error.kind === ErrorKind.Validation) {
            const view = await links.view(token);
            const state = { lang: ctx.lang, values: formValues(form), errors: body.fields ?? {} };
            const page = decisionFormPage(ctx, view, { action: `/decisions/${token}`, csrf: csrf(token), state, message: body.message });
            return kit.send(ctx, { ...page, status: 400, hasErrors: true });
          }
          if (status === 409) return kit.send(ctx, decisionClosedPage(ctx, await links.view(token), false, 409));
          if (status >= 500 && status !== 503) request.log.error({ err: error }, 'decision failed');
          return kit.send(ctx, decisionErrorPage(ctx, status, body.message));
        }
      },
    });

    const view = z.object({
      state: z.enum(['open', 'closed', 'expired']),
      title: z.string(),
      requester: z.string(),
      details: z.record(z.string(), z.string()),
      outcomes: z.array(z.string()),
      approver: z.string(),
      onBehalfOf: z.string().nullable(),
      deadlineAt: z.date(),
      status: z.string(),
      outcome: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.date().nullable(),
    });

    app.get('/api/decisions/:token', {
      schema: {
        tags: ['Décisions'],
        summary: 'Décrire un lien de décision (sans effet)',
        params: tokenParams,
        response: { 200: view, 404: errorResponse },
      },
      handler: async (request) => linkView(await links.view(request.params.token)),
    });

    app.post('/api/decisions/:token', {
      schema: {
        tags: ['Décisions'],
        summary: 'Décider avec un lien de décision (le lien est lié à une personne et à une étape)',
        params: tokenParams,
        body: decisionFields,
        response: { 200: view, 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 410: errorResponse },
      },
      handler: async (request) => linkView((await links.decide(request.params.token, request.body)).view),
    });
  };
}
