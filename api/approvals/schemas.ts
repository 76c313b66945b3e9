import { z } from 'zod';
import { parseDuration } from '../../lib/duration.js';
import { outcomes, scopedRoles, staffRoles } from '../../workflows/kit/approval/contract.js';
import { emailField, identityInPassword, passwordField, passwordReusesIdentity, requiredText } from '../schemas.js';
import { fieldText } from '../zodMessages.js';

/** Request and response schemas of the staff, inbox and approval APIs (field messages from the catalogue). */

export const roleGrant = z.object({
  role: z.enum(staffRoles, fieldText('approval.unknownRole', { roles: staffRoles.join(', ') })),
  scope: z.string().trim().min(1).max(64).optional(),
});

/** A grant held by a staff member: scoped roles need their scope, the others take none. */
export const staffGrant = roleGrant.refine((g) => scopedRoles.includes(g.role) === (g.scope !== undefined), {
  path: ['scope'],
  ...fieldText('approval.scopeRule'),
});

export const staffView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  roles: z.array(z.object({ role: z.string(), scope: z.string() })),
});

export const staffLoginBody = z.object({
  email: emailField(),
  password: z.string(fieldText('field.passwordRequired')).min(1, fieldText('field.passwordRequired')).max(1024),
});

/** Staff passwords follow the same rule as everyone's (lib/passwords.ts). */
export const createStaffBody = z
  .object({
    email: emailField(),
    displayName: requiredText('staff.displayNameLabel', 200),
    password: passwordField.optional(),
    roles: z.array(staffGrant).max(100).default([]),
  })
  .refine((body) => !passwordReusesIdentity(body.password, [body.displayName], body.email), identityInPassword);

export const updateStaffBody = z.object({
  displayName: requiredText('staff.displayNameLabel', 200).optional(),
  active: z.boolean().optional(),
  password: passwordField.optional(),
  roles: z.array(staffGrant).max(100).optional(),
});

export const absenceBody = z.object({
  startsAt: z.coerce.date(fieldText('staff.startDate')),
  endsAt: z.coerce.date(fieldText('staff.endDate')),
  delegateId: z.uuid(fieldText('staff.delegateId')),
  handOverPending: z.boolean().default(false),
});

export const decisionFields = z.object({
  outcome: z.enum(outcomes, fieldText('approval.unknownOutcome', { outcomes: outcomes.join(', ') })),
  reason: z.string().trim().max(2000, fieldText('approval.reasonTooLong')).optional(),
  comment: z.string().trim().max(2000, fieldText('approval.commentTooLong')).optional(),
});

export const bulkDecisionBody = z.object({
  items: z
    .array(decisionFields.extend({ taskId: z.uuid(fieldText('approval.taskId')) }))
    .min(1, fieldText('approval.noDecisions'))
    .max(200, fieldText('approval.tooManyDecisions')),
});

const isoDuration = z.string().refine((v) => (parseDuration(v) ?? 0) > 0, fieldText('approval.isoDuration'));

const selector = z.union([roleGrant, z.object({ email: emailField('approval.approverEmailLabel') })]);

export const demoRequestBody = z.object({
  title: requiredText('approval.subjectLabel', 200),
  details: z.record(z.string().max(100), z.string().max(1000)).default({}),
  steps: z
    .array(
      z.object({
        step: z.string().regex(/^[a-z0-9-]{1,40}$/, fieldText('approval.stepName')),
        approvers: z.array(selector).min(1, fieldText('approval.approverRequired')),
        outcomes: z.array(z.enum(outcomes)).min(1).default(['approve', 'refuse']),
        plan: z.object({
          deadline: isoDuration,
          remindAfter: isoDuration.optional(),
          remindEvery: isoDuration.optional(),
          escalations: z
            .array(z.object({ after: isoDuration, approvers: z.array(selector).min(1) }))
            .max(5)
            .optional(),
          onDeadline: z.union([z.enum(outcomes), z.literal('expire')]).default('expire'),
        }),
      }),
    )
    .min(1)
    .max(5)
    .refine((steps) => new Set(steps.map((s) => s.step)).size === steps.length, fieldText('approval.distinctSteps')),
});
