import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDemoApprovalUseCases } from '../demoApprovalRequest/useCases.js';
import type { ApiDeps } from '../deps.js';
import { errorResponse } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSession, requireSessionOf } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { createStaffUseCases } from '../staff/useCases.js';
import { fieldText } from '../zodMessages.js';
import { auditCsv, createAuditUseCases } from './audit.js';
import { createInboxUseCases, decodeInboxCursor, inboxPageSize } from './inbox.js';
import { decisionLinkRoutes } from './linkRoutes.js';
import { bulkDecisionBody, decisionFields, demoRequestBody } from './schemas.js';
import { staffPageRoutes } from './staffPageRoutes.js';

const inboxItem = z.object({
  taskId: z.uuid(),
  // The request (its audit: GET /api/approvals/:workflowId/audit) and the step this task decides.
  workflowId: z.string(),
  step: z.string(),
  kind: z.string(),
  title: z.string(),
  requester: z.string(),
  details: z.record(z.string(), z.string()),
  outcomes: z.array(z.string()),
  onBehalfOf: z.string().nullable(),
  openedAt: z.date(),
  deadlineAt: z.date(),
});

const pageSizeMessage = fieldText('approval.pageSize', { max: inboxPageSize.max });
const badCursorMessage = fieldText('approval.badCursor');

/** Keyset pagination: `cursor` is the previous page's `nextCursor`, as is. */
const inboxQuery = z.object({
  limit: z.coerce
    .number(pageSizeMessage)
    .int(pageSizeMessage)
    .min(1, pageSizeMessage)
    .max(inboxPageSize.max, pageSizeMessage)
    .default(inboxPageSize.default),
  cursor: z
    .string()
    .max(200, badCursorMessage)
    .refine((value) => decodeInboxCursor(value) !== undefined, badCursorMessage)
    .optional(),
  // Filters: one kind of request, one step, deadlines before an instant.
  kind: z.string().trim().min(1).max(100).optional(),
  step: z.string().trim().min(1).max(100).optional(),
  deadlineBefore: z.coerce.date().optional(),
});

const inboxPage = z.object({
  // All my pending decisions, and their number per kind of request (not only this page's).
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  // This page, soonest deadline first.
  items: z.array(inboxItem),
  // Pass it as `cursor` for the next page; null on the last one.
  nextCursor: z.string().nullable(),
});

const auditEntry = z.object({
  at: z.date(),
  step: z.string(),
  event: z.string(),
  actor_name: z.string().nullable(),
  on_behalf_of_name: z.string().nullable(),
  channel: z.string().nullable(),
  outcome: z.string().nullable(),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** The inbox of pending decisions (staff), the audit of a request, and the demonstration lifecycle. */
export function approvalRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const sessions = createSessionUseCases(deps);
  const staff = createStaffUseCases(deps);
  const inbox = createInboxUseCases(deps);
  const audit = createAuditUseCases(deps);
  const demo = createDemoApprovalUseCases(deps);
  const asStaff = requireSessionOf('staff', sessions.authenticate);
  const authenticated = requireSession(sessions.authenticate);
  const me = staff.requirePrincipal;
  const tags = ['Décisions'];

  return async (app) => {
    app.get('/approvals/inbox', {
      preHandler: asStaff,
      schema: {
        tags,
        summary: 'Mes décisions en attente, échéance la plus proche d’abord (par pages), avec leur nombre par type de demande',
        querystring: inboxQuery,
        response: { 200: inboxPage, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
      handler: async (request) => {
        const { kind, step, deadlineBefore, ...page } = request.query;
        return inbox.pending(await me(request.session!.principal_id), page, { kind, step, deadlineBefore });
      },
    });

    app.get('/approvals/inbox/:taskId', {
      preHandler: asStaff,
      schema: {
        tags,
        summary: 'Une décision de ma liste',
        params: z.object({ taskId: z.uuid() }),
        response: {
          // The inbox item, plus where the task and its request stand.
          200: inboxItem.omit({ openedAt: true }).extend({
            taskStatus: z.string(),
            status: z.string(),
            outcome: z.string().nullable(),
            decidedBy: z.string().nullable(),
            decidedAt: z.date().nullable(),
          }),
          404: errorResponse,
        },
      },
      handler: async (request) => inbox.one(await me(request.session!.principal_id), request.params.taskId),
    });

    app.post('/approvals/inbox/:taskId/decision', {
      preHandler: asStaff,
      schema: {
        tags,
        summary: 'Décider (motif obligatoire en cas de refus, commentaire facultatif)',
        params: z.object({ taskId: z.uuid() }),
        body: decisionFields,
        response: {
          200: z.object({ taskId: z.uuid(), outcome: z.string(), decidedAt: z.date() }),
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          410: errorResponse,
        },
      },
      handler: async (request) => inbox.decide(await me(request.session!.principal_id), request.params.taskId, request.body),
    });

    app.post('/approvals/inbox/decisions', {
      preHandler: asStaff,
      schema: {
        tags,
        summary: 'Décider de plusieurs demandes à la fois (un résultat par demande)',
        body: bulkDecisionBody,
        response: {
          200: z.object({
            decided: z.number(),
            results: z.array(
              z.object({
                taskId: z.string(),
                status: z.number(),
                outcome: z.string().optional(),
                error: z.string().optional(),
                message: z.string().optional(),
              }),
            ),
          }),
          400: errorResponse,
        },
      },
      handler: async (request) => inbox.bulk(await me(request.session!.principal_id), request.body.items),
    });

    app.get('/approvals/:workflowId/audit', {
      preHandler: authenticated,
      schema: {
        tags,
        summary: 'Piste d’audit d’une demande (JSON, ou CSV avec ?format=csv)',
        params: z.object({ workflowId: z.string().min(1).max(200) }),
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: {
          200: z.union([z.object({ workflowId: z.string(), title: z.string(), entries: z.array(auditEntry) }), z.string()]),
          404: errorResponse,
        },
      },
      handler: async (request, reply) => {
        const trail = await audit.trail(request.session!, request.params.workflowId);
        if (request.query.format === 'json') return trail;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-${request.params.workflowId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`)
          .send(auditCsv(trail.entries));
      },
    });

    // The demonstration lifecycle mails any address it is given: for `npm start` and the tests, for
    // staff only, and absent in production (NODE_ENV=production: these routes do not exist).
    if (!deps.config.security.demoRequests) return;

    app.post('/approvals/demo-requests', {
      preHandler: asStaff,
      config: routeLimits(deps.config.security).mailToTypedAddress,
      schema: {
        tags,
        summary: 'Démonstration (hors production, personnels) : soumettre une demande à une suite d’étapes de décision',
        body: demoRequestBody,
        response: {
          201: z.object({ requestId: z.uuid(), workflowId: z.string() }),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request, reply) => reply.status(201).send(await demo.submit(request.session!, request.body)),
    });

    app.get('/approvals/demo-requests/:requestId', {
      preHandler: authenticated,
      schema: {
        tags,
        summary: 'Démonstration : état de ma demande (étape en cours et historique)',
        params: z.object({ requestId: z.uuid() }),
        response: {
          200: z.object({
            requestId: z.uuid(),
            workflowId: z.string(),
            // The lifecycle's live view (`approval.state` query); null once it has ended.
            current: z.unknown(),
            steps: z.array(
              z.object({
                step: z.string(),
                status: z.string(),
                outcome: z.string().nullable(),
                decidedBy: z.string().nullable(),
                decidedAt: z.date().nullable(),
                reason: z.string().nullable(),
                comment: z.string().nullable(),
              }),
            ),
          }),
          404: errorResponse,
        },
      },
      handler: async (request) => demo.state(request.session!, request.params.requestId),
    });

    app.post('/approvals/demo-requests/:requestId/withdrawal', {
      preHandler: authenticated,
      schema: {
        tags,
        summary: 'Démonstration : retirer ma demande (les personnes sollicitées sont prévenues)',
        params: z.object({ requestId: z.uuid() }),
        body: z.object({ reason: z.string().trim().max(2000).optional() }).optional(),
        response: { 200: z.object({ requestId: z.uuid(), outcome: z.string(), at: z.date() }), 404: errorResponse, 409: errorResponse },
      },
      handler: async (request) => demo.withdraw(request.session!, request.params.requestId, request.body?.reason),
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(approvalRoutes(deps), { prefix: '/api' });
    await app.register(decisionLinkRoutes(deps));
    await app.register(staffPageRoutes(deps));
  };
}
