import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openTasks } from '../../db/approvals.js';
import { listFaq } from '../../db/faqEntries.js';
import { listStaff } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { type StaffRole, scopedRoles, staffRoles } from '../../workflows/kit/approval/contract.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { createPageKit, type PageContext, redirectTo } from '../pages/kit.js';
import { faqBody } from '../portal/schemas.js';
import { emailField, identityInPassword, passwordField, passwordReusesIdentity, requiredText } from '../schemas.js';
import { createStaffOfSession, staffSessionKinds } from '../staff/staffOfSession.js';
import { fieldText } from '../zodMessages.js';
import {
  adminHomePage,
  adminPaths,
  faqEditPage,
  faqListPage,
  logPage,
  openTasksPage,
  reassignPage,
  recruitersPage,
  rolesText,
  staffEditPage,
  staffListPage,
} from './adminPages.js';
import { type AdminActor, createAdminUseCases } from './useCases.js';

/** « responsable_vet 1LINF » lines → grants; a line that names no role, or a scoped role without its scope, is refused. */
const rolesField = z
  .string()
  .max(5000)
  .default('')
  .transform((value, ctx) => {
    const grants: { role: StaffRole; scope?: string }[] = [];
    for (const line of value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const [role, scope, ...rest] = line.split(/\s+/);
      const known = staffRoles.includes(role as StaffRole);
      if (!known || rest.length || scopedRoles.includes(role as StaffRole) !== (scope !== undefined)) {
        ctx.addIssue({ code: 'custom', message: say('admin.badRole', { line }) });
        continue;
      }
      grants.push({ role: role as StaffRole, ...(scope ? { scope } : {}) });
    }
    return grants;
  });

const staffCreateForm = z
  .object({
    email: emailField(),
    displayName: requiredText('staff.displayNameLabel', 200),
    password: passwordField.optional(),
    roles: rolesField,
  })
  .refine((body) => !passwordReusesIdentity(body.password, [body.displayName], body.email), identityInPassword);
const staffEditForm = z.object({ displayName: requiredText('staff.displayNameLabel', 200), roles: rolesField });
const reassignForm = z.object({
  toStaffId: z.uuid(fieldText('admin.unknownStaff')),
  reason: z.string(fieldText('admin.reasonRequired')).trim().min(1, fieldText('admin.reasonRequired')).max(2000),
});
const idPattern = z.uuid();

/**
 * The administration pages (issue 17): staff accounts (roles and scopes, deactivation that ends
 * sessions at once), reassignment of an open decision, the « Assistance » FAQ, and the log of
 * administrative actions with its CSV export. Administrateurs only (a local or ENT staff session
 * whose staff account holds the role); every change goes through a use case that logs it.
 */
export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const admin = createAdminUseCases(deps);
  const staffOfSession = createStaffOfSession(deps);
  const { db } = deps;
  const forStaff = { for: staffSessionKinds };

  async function actor(ctx: PageContext): Promise<AdminActor> {
    const principal = await staffOfSession(ctx.user!);
    admin.requireAdmin(principal);
    return { principal, ip: ctx.request.ip };
  }
  const param = (ctx: PageContext, name: string): string => {
    const value = (ctx.request.params as Record<string, string>)[name] ?? '';
    if (!idPattern.safeParse(value).success) throw new AppError(ErrorKind.NotFound, msg('staff.notFound'));
    return value;
  };
  async function person(id: string) {
    const found = (await listStaff(db)).find((s) => s.id === id);
    if (!found) throw new AppError(ErrorKind.NotFound, msg('staff.notFound'));
    return found;
  }

  return async (app) => {
    kit.page(
      app,
      adminPaths.home,
      async (ctx) => {
        await actor(ctx);
        return adminHomePage(ctx);
      },
      forStaff,
    );

    kit.form(app, {
      path: adminPaths.staff,
      for: staffSessionKinds,
      schema: staffCreateForm,
      prepare: (input) => ({ ...input, password: input.password || undefined }),
      render: async (ctx, state, message) => {
        await actor(ctx);
        return staffListPage(ctx, state, message, await listStaff(db));
      },
      submit: async (ctx, input) => {
        await admin.createStaff(await actor(ctx), input);
        return redirectTo(adminPaths.staff, msg('admin.staffCreated'));
      },
    });

    kit.form(app, {
      path: '/administration/personnels/:staffId',
      for: staffSessionKinds,
      schema: staffEditForm,
      initial: async (ctx) => {
        const found = await person(param(ctx, 'staffId'));
        return { displayName: found.display_name, roles: rolesText(found.roles) };
      },
      render: async (ctx, state, message) => {
        await actor(ctx);
        return staffEditPage(ctx, state, message, await person(param(ctx, 'staffId')));
      },
      submit: async (ctx, input) => {
        const id = param(ctx, 'staffId');
        await admin.updateStaff(await actor(ctx), id, input);
        return redirectTo(adminPaths.staffOne(id), msg('admin.staffSaved'));
      },
    });

    kit.action(
      app,
      '/administration/personnels/:staffId/desactivation',
      async (ctx) => {
        const id = param(ctx, 'staffId');
        await admin.updateStaff(await actor(ctx), id, { active: false });
        return redirectTo(adminPaths.staffOne(id), msg('admin.deactivated'));
      },
      forStaff,
    );

    kit.action(
      app,
      '/administration/personnels/:staffId/reactivation',
      async (ctx) => {
        const id = param(ctx, 'staffId');
        await admin.updateStaff(await actor(ctx), id, { active: true });
        return redirectTo(adminPaths.staffOne(id), msg('admin.reactivated'));
      },
      forStaff,
    );

    kit.page(
      app,
      adminPaths.decisions,
      async (ctx) => {
        await actor(ctx);
        return openTasksPage(ctx, await openTasks(db, 200));
      },
      forStaff,
    );

    kit.form(app, {
      path: '/administration/decisions/:taskId/reaffectation',
      for: staffSessionKinds,
      schema: reassignForm,
      render: async (ctx, state, message) => {
        await actor(ctx);
        const taskId = param(ctx, 'taskId');
        const task = (await openTasks(db, 10_000)).find((t) => t.id === taskId);
        if (!task) throw new AppError(ErrorKind.NotFound, msg('approval.taskNotFound'));
        const colleagues = (await listStaff(db)).filter((s) => s.active && s.id !== task.staff_id);
        return reassignPage(ctx, state, message, { taskId, title: task.title, current: task.approver_name, colleagues });
      },
      submit: async (ctx, input) => {
        await admin.reassign(await actor(ctx), param(ctx, 'taskId'), input);
        return redirectTo(adminPaths.decisions, msg('admin.reassigned'));
      },
    });

    kit.page(app, adminPaths.recruiters, async (ctx) => recruitersPage(ctx, await admin.recruiters(await actor(ctx))), forStaff);

    kit.action(
      app,
      '/administration/recruteurs/:recruiterId/droit-offres',
      async (ctx, form) => {
        await admin.setOfferPosting(await actor(ctx), param(ctx, 'recruiterId'), form.allowed === 'true');
        return redirectTo(adminPaths.recruiters, msg('admin.rightSaved'));
      },
      forStaff,
    );

    kit.form(app, {
      path: adminPaths.faq,
      for: staffSessionKinds,
      schema: faqBody,
      prepare: (input) => ({ ...input, questionEn: input.questionEn || undefined, answerEn: input.answerEn || undefined }),
      render: async (ctx, state, message) => {
        await actor(ctx);
        return faqListPage(ctx, state, message, await listFaq(db));
      },
      submit: async (ctx, input) => {
        await admin.addFaq(await actor(ctx), input);
        return redirectTo(adminPaths.faq, msg('admin.faqSaved'));
      },
    });

    kit.form(app, {
      path: '/administration/faq/:faqId',
      for: staffSessionKinds,
      schema: faqBody,
      prepare: (input) => ({ ...input, questionEn: input.questionEn || undefined, answerEn: input.answerEn || undefined }),
      initial: async (ctx) => {
        const id = param(ctx, 'faqId');
        const entry = (await listFaq(db)).find((e) => e.id === id);
        if (!entry) throw new AppError(ErrorKind.NotFound, msg('portal.faqNotFound'));
        return {
          position: String(entry.position),
          questionFr: entry.question_fr,
          answerFr: entry.answer_fr,
          questionEn: entry.question_en ?? '',
          answerEn: entry.answer_en ?? '',
        };
      },
      render: async (ctx, state, message) => {
        await actor(ctx);
        return faqEditPage(ctx, state, message, param(ctx, 'faqId'));
      },
      submit: async (ctx, input) => {
        await admin.changeFaq(await actor(ctx), param(ctx, 'faqId'), input);
        return redirectTo(adminPaths.faq, msg('admin.faqSaved'));
      },
    });

    kit.action(
      app,
      '/administration/faq/:faqId/suppression',
      async (ctx) => {
        await admin.removeFaq(await actor(ctx), param(ctx, 'faqId'));
        return redirectTo(adminPaths.faq, msg('admin.faqDeleted'));
      },
      forStaff,
    );

    kit.page(
      app,
      adminPaths.log,
      async (ctx) => {
        const before = (ctx.request.query as { avant?: unknown }).avant;
        const cursor = typeof before === 'string' && /^\d{1,18}$/.test(before) ? before : undefined;
        const page = await admin.logPage(await actor(ctx), cursor);
        return logPage(ctx, page.lines, page.older, !!cursor);
      },
      forStaff,
    );

    app.get(adminPaths.logCsv, { schema: { hide: true } }, async (request, reply) => {
      const ctx = await kit.context(request, reply);
      if (!ctx.user) return kit.send(ctx, redirectTo('/personnels/connexion'));
      try {
        const csv = await admin.logCsv(await actor(ctx));
        return reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', 'attachment; filename="journal-administration.csv"')
          .send(csv);
      } catch (error) {
        return kit.send(ctx, kit.errorResult(ctx, error));
      }
    });
  };
}
