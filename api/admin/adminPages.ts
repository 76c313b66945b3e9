import type { AdminAuditLine } from '../../db/adminAudit.js';
import type { FaqEntry } from '../../db/faqEntries.js';
import type { StaffWithRoles } from '../../db/staffAccounts.js';
import { dateTime } from '../../lib/i18n/index.js';
import { detailsList, linkButton, pagination, postButton, table } from '../pages/components.js';
import { type FormState, form, input, select, textarea } from '../pages/forms.js';
import { html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

export const adminPaths = {
  home: '/administration',
  staff: '/administration/personnels',
  staffOne: (id: string) => `/administration/personnels/${id}`,
  deactivate: (id: string) => `/administration/personnels/${id}/desactivation`,
  reactivate: (id: string) => `/administration/personnels/${id}/reactivation`,
  decisions: '/administration/decisions',
  reassign: (taskId: string) => `/administration/decisions/${taskId}/reaffectation`,
  recruiters: '/administration/recruteurs',
  offerRight: (id: string) => `/administration/recruteurs/${id}/droit-offres`,
  faq: '/administration/faq',
  faqOne: (id: string) => `/administration/faq/${id}`,
  faqDelete: (id: string) => `/administration/faq/${id}/suppression`,
  log: '/administration/journal',
  logCsv: '/administration/journal.csv',
};

export const rolesText = (roles: { role: string; scope: string }[]) =>
  roles.map((r) => (r.scope ? `${r.role} ${r.scope}` : r.role)).join('\n');

export function adminHomePage(ctx: PageContext): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.title'),
    body: html`<p>${t('admin.intro')}</p>
<ul>
<li><a href="${adminPaths.staff}">${t('admin.staffTitle')}</a></li>
<li><a href="${adminPaths.decisions}">${t('admin.decisionsTitle')}</a></li>
<li><a href="${adminPaths.recruiters}">${t('admin.recruitersTitle')}</a></li>
<li><a href="${adminPaths.faq}">${t('admin.faqTitle')}</a></li>
<li><a href="${adminPaths.log}">${t('admin.logTitle')}</a></li>
</ul>`,
  };
}

export function staffListPage(ctx: PageContext, state: FormState, message: string | undefined, staff: StaffWithRoles[]): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.staffTitle'),
    body: html`${table({
      caption: t('admin.staffCaption'),
      head: [t('admin.colName'), t('admin.colEmail'), t('admin.colRoles'), t('admin.colActive'), t('admin.colActions')],
      rowHeaders: true,
      rows: staff.map((s) => [
        s.display_name,
        s.email,
        s.roles.map((r) => (r.scope ? `${r.role} (${r.scope})` : r.role)).join(', '),
        s.active ? t('admin.yes') : t('admin.no'),
        html`<a href="${adminPaths.staffOne(s.id)}" aria-label="${t('admin.edit')} : ${s.display_name}">${t('admin.edit')}</a>`,
      ]),
    })}
<h2>${t('admin.createStaff')}</h2>
${form({
  state,
  message,
  action: adminPaths.staff,
  csrf: ctx.csrf,
  submit: t('admin.createStaff'),
  fields: html`${input(state, { name: 'email', label: t('admin.colEmail'), type: 'email', required: true, autocomplete: 'off', spellcheck: false })}
${input(state, { name: 'displayName', label: t('admin.displayName'), required: true, autocomplete: 'off' })}
${input(state, { name: 'password', label: t('admin.password'), type: 'password', autocomplete: 'new-password' })}
${textarea(state, { name: 'roles', label: t('admin.roles'), hint: t('admin.rolesHint'), rows: 4, maxlength: 5000 })}`,
})}`,
  };
}

export function staffEditPage(ctx: PageContext, state: FormState, message: string | undefined, person: StaffWithRoles): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.editStaffTitle', { name: person.display_name }),
    body: html`${detailsList([
      [t('admin.colEmail'), person.email],
      [t('admin.colActive'), person.active ? t('admin.yes') : t('admin.no')],
    ])}
${form({
  state,
  message,
  action: adminPaths.staffOne(person.id),
  csrf: ctx.csrf,
  submit: t('admin.save'),
  fields: html`${input(state, { name: 'displayName', label: t('admin.displayName'), required: true, autocomplete: 'off' })}
${textarea(state, { name: 'roles', label: t('admin.roles'), hint: t('admin.rolesHint'), rows: 4, maxlength: 5000 })}`,
})}
<p>${
      person.active
        ? postButton({ action: adminPaths.deactivate(person.id), csrf: ctx.csrf, label: t('admin.deactivate'), variant: 'danger' })
        : postButton({ action: adminPaths.reactivate(person.id), csrf: ctx.csrf, label: t('admin.reactivate'), variant: 'secondary' })
    }</p>
<p><a href="${adminPaths.staff}">${t('admin.staffTitle')}</a></p>`,
  };
}

export function openTasksPage(
  ctx: PageContext,
  tasks: { id: string; title: string; approver_name: string; deadline_at: Date; step: string }[],
): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.decisionsTitle'),
    body: table({
      caption: t('admin.decisionsCaption'),
      head: [t('admin.colRequest'), t('pageStaff.colStep'), t('admin.colApprover'), t('admin.colDeadline'), t('admin.colActions')],
      rowHeaders: true,
      rows: tasks.map((task) => [
        task.title,
        task.step,
        task.approver_name,
        dateTime(task.deadline_at.getTime(), ctx.lang),
        html`<a href="${adminPaths.reassign(task.id)}" aria-label="${t('admin.reassign')} : ${task.title} (${task.approver_name})">${t('admin.reassign')}</a>`,
      ]),
      empty: t('pageStaff.inboxTotal', { n: 0 }),
    }),
  };
}

export function reassignPage(
  ctx: PageContext,
  state: FormState,
  message: string | undefined,
  p: { taskId: string; title: string; current: string; colleagues: { id: string; display_name: string }[] },
): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.reassignTitle'),
    body: html`<p><strong>${p.title}</strong></p><p>${t('admin.reassignCurrent', { name: p.current })}</p>
${form({
  state,
  message,
  action: adminPaths.reassign(p.taskId),
  csrf: ctx.csrf,
  submit: t('admin.reassign'),
  fields: html`${select(state, { name: 'toStaffId', label: t('admin.reassignTo'), required: true, options: p.colleagues.map((c) => ({ value: c.id, label: c.display_name })) })}
${textarea(state, { name: 'reason', label: t('admin.reassignReason'), required: true, rows: 3, maxlength: 2000 })}`,
})}`,
  };
}

export function faqListPage(ctx: PageContext, state: FormState, message: string | undefined, entries: FaqEntry[]): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.faqTitle'),
    body: html`${table({
      caption: t('admin.faqCaption'),
      head: [t('admin.position'), t('admin.questionFr'), t('admin.colActions')],
      rows: entries.map((e) => [
        String(e.position),
        e.question_fr,
        html`<a href="${adminPaths.faqOne(e.id)}" aria-label="${t('admin.edit')} : ${e.question_fr}">${t('admin.edit')}</a>`,
      ]),
    })}
<h2>${t('admin.faqAdd')}</h2>
${faqForm(ctx, state, message, adminPaths.faq, t('admin.faqAdd'))}`,
  };
}

export function faqForm(ctx: PageContext, state: FormState, message: string | undefined, action: string, submit: string) {
  const { t } = ctx;
  return form({
    state,
    message,
    action,
    csrf: ctx.csrf,
    submit,
    fields: html`${input(state, { name: 'position', label: t('admin.position'), type: 'number', inputmode: 'numeric' })}
${input(state, { name: 'questionFr', label: t('admin.questionFr'), required: true, maxlength: 500 })}
${textarea(state, { name: 'answerFr', label: t('admin.answerFr'), required: true, rows: 4, maxlength: 5000 })}
${input(state, { name: 'questionEn', label: t('admin.questionEn'), maxlength: 500 })}
${textarea(state, { name: 'answerEn', label: t('admin.answerEn'), rows: 4, maxlength: 5000 })}`,
  });
}

export function faqEditPage(ctx: PageContext, state: FormState, message: string | undefined, id: string): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.faqEditTitle'),
    body: html`${faqForm(ctx, state, message, adminPaths.faqOne(id), t('admin.save'))}
<p>${postButton({ action: adminPaths.faqDelete(id), csrf: ctx.csrf, label: t('admin.faqDelete'), variant: 'danger' })}</p>
<p><a href="${adminPaths.faq}">${t('admin.faqTitle')}</a></p>`,
  };
}

export function logPage(ctx: PageContext, lines: AdminAuditLine[], older: string | undefined, paged: boolean): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.logTitle'),
    body: html`<p>${linkButton(adminPaths.logCsv, t('admin.logCsv'), 'secondary')}</p>
${table({
  caption: t('admin.logCaption'),
  head: [t('admin.colAt'), t('admin.colActor'), t('admin.colAction'), t('admin.colTarget'), t('admin.colDetails'), t('admin.colIp')],
  rows: lines.map((l) => [
    dateTime(new Date(l.at).getTime(), ctx.lang),
    l.actor_name,
    l.action,
    l.target,
    Object.entries(l.details)
      .map(([k, v]) => `${k} : ${String(v)}`)
      .join(' ; '),
    l.ip ?? '',
  ]),
  empty: t('admin.logEmpty'),
})}
${pagination(
  { nav: t('admin.pages'), previous: t('admin.newestPage'), next: t('admin.olderPage') },
  { ...(paged ? { previous: adminPaths.log } : {}), ...(older ? { next: `${adminPaths.log}?avant=${older}` } : {}) },
)}`,
  };
}

export function recruitersPage(
  ctx: PageContext,
  recruiters: {
    id: string;
    company_name: string;
    contact_first_name: string;
    contact_last_name: string;
    email: string;
    can_post_offers: boolean;
  }[],
): PageContent {
  const { t } = ctx;
  return {
    title: t('admin.recruitersTitle'),
    body: table({
      caption: t('admin.recruitersCaption'),
      head: [t('admin.colCompany'), t('admin.colContact'), t('admin.colOfferRight'), t('admin.colActions')],
      rowHeaders: true,
      rows: recruiters.map((r) => [
        r.company_name,
        `${r.contact_first_name} ${r.contact_last_name} (${r.email})`,
        r.can_post_offers ? t('admin.yes') : t('admin.noRight'),
        postButton({
          action: adminPaths.offerRight(r.id),
          csrf: ctx.csrf,
          label: r.can_post_offers
            ? t('admin.revokeRight', { company: r.company_name })
            : t('admin.grantRight', { company: r.company_name }),
          hidden: { allowed: r.can_post_offers ? 'false' : 'true' },
          variant: 'secondary',
        }),
      ]),
      empty: t('admin.recruitersNone'),
    }),
  };
}
