import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { absenceBody, createStaffBody, staffLoginBody, staffView, updateStaffBody } from '../approvals/schemas.js';
import type { ApiDeps } from '../deps.js';
import { errorResponse } from '../schemas.js';
import { routeLimits } from '../security/rateLimits.js';
import { requireSessionOf, setSessionCookie } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { createStaffUseCases } from './useCases.js';

const absenceView = z.object({ id: z.uuid(), delegateId: z.uuid(), startsAt: z.date(), endsAt: z.date() });
const toAbsence = (a: { id: string; delegate_id: string; starts_at: Date; ends_at: Date }) => ({
  id: a.id,
  delegateId: a.delegate_id,
  startsAt: a.starts_at,
  endsAt: a.ends_at,
});
const toStaff = (s: { id: string; email: string; display_name: string; active: boolean; roles: { role: string; scope: string }[] }) => ({
  id: s.id,
  email: s.email,
  displayName: s.display_name,
  active: s.active,
  roles: s.roles,
});

/** Staff: login, own profile and absences (delegation), and the administrateur's management API. */
export function staffRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const staff = createStaffUseCases(deps);
  const sessions = createSessionUseCases(deps);
  const asStaff = requireSessionOf('staff', sessions.authenticate);
  const me = staff.requirePrincipal;
  const tags = ['Personnels'];

  return async (app) => {
    app.post('/staff/sessions', {
      config: routeLimits(deps.config.security).passwordCheck,
      schema: {
        tags,
        summary: 'Connexion des personnels (adresse mail et mot de passe)',
        body: staffLoginBody,
        response: {
          201: z.object({
            token: z.string(),
            expiresAt: z.date(),
            staff: z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(z.object({ role: z.string(), scope: z.string() })) }),
          }),
          400: errorResponse,
          401: errorResponse,
          429: errorResponse,
        },
      },
      handler: async (request, reply) => {
        const session = await staff.login(request.body, request.ip);
        setSessionCookie(reply, deps.config.http.publicBaseUrl, session);
        return reply.status(201).send({
          token: session.token,
          expiresAt: session.expiresAt,
          staff: { id: session.staff.id, displayName: session.staff.displayName, roles: session.staff.roles },
        });
      },
    });

    app.get('/staff/me', {
      preHandler: asStaff,
      schema: { tags, summary: 'Mon compte personnel et mes rôles', response: { 200: staffView, 401: errorResponse, 403: errorResponse } },
      handler: async (request) => {
        const p = await me(request.session!.principal_id);
        return { id: p.id, email: p.email, displayName: p.displayName, active: true, roles: p.roles };
      },
    });

    app.get('/staff/me/absences', {
      preHandler: asStaff,
      schema: {
        tags,
        summary: 'Mes absences et leurs délégations',
        response: { 200: z.object({ absences: z.array(absenceView) }), 401: errorResponse },
      },
      handler: async (request) => ({ absences: (await staff.absences(request.session!.principal_id)).map(toAbsence) }),
    });

    app.post('/staff/me/absences', {
      preHandler: asStaff,
      schema: {
        tags,
        summary: 'Déclarer une absence avec une personne déléguée (et lui transmettre les décisions en attente)',
        body: absenceBody,
        response: {
          201: z.object({
            absence: absenceView,
            handedOver: z.array(z.object({ taskId: z.uuid(), status: z.number(), message: z.string().optional() })),
          }),
          400: errorResponse,
          401: errorResponse,
        },
      },
      handler: async (request, reply) => {
        const { absence, handedOver } = await staff.declareAbsence(request.session!.principal_id, request.body);
        return reply.status(201).send({ absence: toAbsence(absence), handedOver });
      },
    });

    app.delete('/staff/me/absences/:absenceId', {
      preHandler: asStaff,
      schema: {
        tags,
        summary: 'Supprimer une absence',
        params: z.object({ absenceId: z.uuid() }),
        response: { 204: z.null(), 404: errorResponse },
      },
      handler: async (request, reply) => {
        await staff.removeAbsence(request.session!.principal_id, request.params.absenceId);
        return reply.status(204).send(null);
      },
    });

    // The administrateur's management API.
    const asAdmin = async (request: { session?: { principal_id: string } }) => {
      await staff.requireAdmin(request.session!.principal_id);
    };

    app.get('/staff', {
      preHandler: [asStaff, asAdmin],
      schema: {
        tags,
        summary: 'Lister les personnels et leurs rôles (administrateur)',
        response: { 200: z.object({ staff: z.array(staffView) }), 401: errorResponse, 403: errorResponse },
      },
      handler: async () => ({ staff: (await staff.list()).map(toStaff) }),
    });

    app.post('/staff', {
      preHandler: [asStaff, asAdmin],
      schema: {
        tags,
        summary: 'Créer un compte personnel avec ses rôles et périmètres (administrateur)',
        body: createStaffBody,
        response: { 201: z.object({ id: z.uuid() }), 400: errorResponse, 403: errorResponse, 409: errorResponse },
      },
      handler: async (request, reply) => reply.status(201).send(await staff.create(request.body)),
    });

    app.patch('/staff/:staffId', {
      preHandler: [asStaff, asAdmin],
      schema: {
        tags,
        summary: 'Modifier un compte personnel, ses rôles ou le désactiver (administrateur)',
        params: z.object({ staffId: z.uuid() }),
        body: updateStaffBody,
        response: {
          // A deactivation also lists the decisions taken off this person and given to the other approvers.
          200: staffView.extend({
            handedOver: z.array(z.object({ taskId: z.uuid(), status: z.number(), message: z.string().optional() })),
          }),
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
      handler: async (request) => {
        const updated = await staff.update(request.params.staffId, request.body);
        return { ...toStaff(updated), handedOver: updated.handedOver };
      },
    });
  };
}

/** Registered by api/app.ts, which finds every `api/<folder>/routes.ts`. */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(staffRoutes(deps), { prefix: '/api' });
  };
}
