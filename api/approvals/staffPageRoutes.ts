import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditOf } from '../../db/approvalAudit.js';
import { inboxSteps } from '../../db/approvals.js';
import type { Session } from '../../db/sessions.js';
import { listStaff } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { createPageKit, type PageContext, redirectTo, safeReturnPath } from '../pages/kit.js';
import { routeLimits } from '../security/rateLimits.js';
import { setSessionCookie } from '../sessions/auth.js';
import { createStaffOfSession, staffSessionKinds } from '../staff/staffOfSession.js';
import { createStaffUseCases, type StaffPrincipal } from '../staff/useCases.js';
import { auditCsv, createAuditUseCases } from './audit.js';
import { createInboxUseCases, decodeInboxCursor } from './inbox.js';
import { absenceBody, decisionFields, staffLoginBody } from './schemas.js';
import {
  absencesPage,
  auditPage,
  bulkResultPage,
  type InboxFilterValues,
  inboxPage,
  staffLoginPage,
  staffPaths,
  taskPage,
} from './staffPages.js';
import { describeTask } from './taskViews.js';

const day = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The staff shell's pages (issue 17) on the page kit, over the inbox, audit and staff use cases of
 * the JSON API: « Connexion des personnels », « Mes décisions en attente » (counts per kind,
 * filters, keyset pages, bulk decisions), one task with the whole request (its kind's
 * `taskView.ts`), the audit trail and its CSV, absences with a delegate. Local staff and members of
 * staff logged in through the ENT (linked by e-mail) see the same pages.
 */
export function staffPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const staff = createStaffUseCases(deps);
  const inbox = createInboxUseCases(deps);
  const audit = createAuditUseCases(deps);
  const staffOfSession = createStaffOfSession(deps);
  const { db } = deps;
  const forStaff = { for: staffSessionKinds };
  const me = (ctx: PageContext): Promise<StaffPrincipal> => staffOfSession(ctx.user!);
  /** The audit use case reads who asks from a session: the staff account behind the page's session. */
  const asStaffSession = (principal: StaffPrincipal): Session =>
    ({ id: '', principal_kind: 'staff', principal_id: principal.id, expires_at: new Date() }) as Session;
  const titled = async (ctx: PageContext, ref: { workflowId: string; step: string; kind: string }, fallback: string) =>
    (await describeTask(db, ref, ctx.t, ctx.lang))?.title ?? fallback;

  return async (app) => {
    kit.form(app, {
      path: staffPaths.login,
      schema: staffLoginBody,
      limit: routeLimits(deps.config.security).passwordCheck,
      render: (ctx, state, message) =>
        staffLoginPage(ctx, state, message, ctx.path.startsWith(`${staffPaths.login}?`) ? ctx.path : staffPaths.login),
      submit: async (ctx, input) => {
        const session = await staff.login(input, ctx.request.ip);
        setSessionCookie(ctx.reply, deps.config.http.publicBaseUrl, session);
        await kit.rememberLanguage(ctx, 'staff', session.staff.id);
        const back = safeReturnPath(new URL(ctx.path, 'http://x').searchParams.get('retour'));
        return redirectTo(back ?? staffPaths.inbox);
      },
    });

    kit.page(
      app,
      staffPaths.inbox,
      async (ctx) => {
        const principal = await me(ctx);
        const query = ctx.request.query as Record<string, unknown>;
        const pick = (name: string) => (typeof query[name] === 'string' && query[name] ? (query[name] as string).slice(0, 100) : undefined);
        const filter: InboxFilterValues = { kind: pick('kind'), step: pick('step'), echeance: pick('echeance') };
        if (filter.echeance && !day.test(filter.echeance)) filter.echeance = undefined;
        const cursor = pick('apres') && decodeInboxCursor(pick('apres')!) ? pick('apres') : undefined;
        // « Échéance au plus tard le 12/03 »: everything due before the end of that day (Paris is at most UTC+2).
        const deadlineBefore = filter.echeance ? new Date(`${filter.echeance}T23:59:59.999+01:00`) : undefined;
        const page = await inbox.pending(principal, { limit: 20, cursor }, { kind: filter.kind, step: filter.step, deadlineBefore });
        const items = await Promise.all(page.items.map(async (item) => ({ ...item, title: await titled(ctx, item, item.title) })));
        return inboxPage(ctx, { ...page, items, filter, steps: await inboxSteps(db, principal.id), paged: !!cursor });
      },
      forStaff,
    );

    kit.action(
      app,
      staffPaths.bulk,
      async (ctx, form) => {
        const principal = await me(ctx);
        const raw = (ctx.request.body as { taskId?: unknown }).taskId;
        const taskIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
          .filter((v): v is string => typeof v === 'string')
          .slice(0, 200);
        const outcome = decisionFields.shape.outcome.safeParse(form.outcome);
        if (!taskIds.length || !outcome.success)
          return redirectTo(staffPaths.inbox, msg(!taskIds.length ? 'pageStaff.bulkNothing' : 'pageStaff.bulkOutcomeMissing'), 'error');
        const decided = await inbox.bulk(
          principal,
          taskIds.map((taskId) => ({
            taskId,
            outcome: outcome.data,
            reason: form.reason?.trim() || undefined,
            comment: form.comment?.trim() || undefined,
          })),
        );
        const results = await Promise.all(
          decided.results.map(async (r) => {
            const found = await inbox.ownTask(principal, r.taskId).catch(() => undefined);
            const title = found
              ? await titled(
                  ctx,
                  { workflowId: found.task.workflow_id, step: found.task.step, kind: found.request.kind },
                  found.request.title,
                )
              : r.taskId;
            return { ...r, title };
          }),
        );
        return bulkResultPage(ctx, results);
      },
      forStaff,
    );

    const showTask = async (
      ctx: PageContext,
      state: { values: Record<string, string>; errors: Record<string, string> },
      message?: string,
    ) => {
      const principal = await me(ctx);
      const { taskId } = ctx.request.params as { taskId: string };
      if (!z.uuid().safeParse(taskId).success) throw new AppError(ErrorKind.NotFound, msg('approval.taskNotFound'));
      const { task, request } = await inbox.ownTask(principal, taskId);
      const view = await describeTask(db, { workflowId: task.workflow_id, step: task.step, kind: request.kind }, ctx.t, ctx.lang);
      return taskPage(ctx, {
        task,
        request,
        view,
        audit: await auditOf(db, task.workflow_id),
        state: { lang: ctx.lang, ...state },
        message,
      });
    };

    kit.form(app, {
      path: '/personnels/decisions/:taskId',
      for: staffSessionKinds,
      schema: decisionFields,
      render: (ctx, state, message) => showTask(ctx, state, message),
      submit: async (ctx, input) => {
        const { taskId } = ctx.request.params as { taskId: string };
        await inbox.decide(await me(ctx), taskId, input);
        return redirectTo(staffPaths.inbox, msg('pageStaff.decided'));
      },
    });

    kit.page(
      app,
      '/personnels/demandes/:workflowId/audit',
      async (ctx) => {
        const { workflowId } = ctx.request.params as { workflowId: string };
        const trail = await audit.trail(asStaffSession(await me(ctx)), workflowId.slice(0, 200));
        const steps = await db('approval_requests').where({ workflow_id: workflowId }).first('kind', 'step');
        const title = steps ? await titled(ctx, { workflowId, step: steps.step, kind: steps.kind }, trail.title) : trail.title;
        return auditPage(ctx, { workflowId, title, entries: trail.entries });
      },
      forStaff,
    );

    app.get('/personnels/demandes/:workflowId/audit.csv', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await kit.context(request, reply);
      if (!ctx.user || !(staffSessionKinds as readonly string[]).includes(ctx.user.kind))
        return kit.send(ctx, redirectTo(staffPaths.login));
      try {
        const { workflowId } = request.params as { workflowId: string };
        const trail = await audit.trail(asStaffSession(await me(ctx)), workflowId.slice(0, 200));
        return reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="audit-${workflowId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`)
          .send(auditCsv(trail.entries));
      } catch (error) {
        return kit.send(ctx, kit.errorResult(ctx, error));
      }
    });

    kit.form(app, {
      path: staffPaths.absences,
      for: staffSessionKinds,
      schema: absenceBody,
      prepare: (input) => ({ ...input, handOverPending: input.handOverPending === 'on' }),
      render: async (ctx, state, message) => {
        const principal = await me(ctx);
        const colleagues = (await listStaff(db)).filter((s) => s.active && s.id !== principal.id);
        return absencesPage(ctx, state, message, { absences: await staff.absences(principal.id), colleagues });
      },
      submit: async (ctx, input) => {
        const principal = await me(ctx);
        await staff.declareAbsence(principal.id, input);
        return redirectTo(staffPaths.absences, msg('pageStaff.absenceSaved'));
      },
    });
  };
}
