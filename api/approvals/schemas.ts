import { z } from 'zod';
import { parseDuration } from '../../lib/duration.js';
import { outcomes, scopedRoles, staffRoles } from '../../workflows/kit/approval/contract.js';
import { emailField, requiredText } from '../schemas.js';

/** Request and response schemas of the staff, inbox and approval APIs (French field messages). */

export const roleGrant = z.object({
  role: z.enum(staffRoles, { error: `Rôle inconnu : ${staffRoles.join(', ')}` }),
  scope: z.string().trim().min(1).max(64).optional(),
});

/** A grant held by a staff member: scoped roles need their scope, the others take none. */
export const staffGrant = roleGrant.refine((g) => scopedRoles.includes(g.role) === (g.scope !== undefined), {
  path: ['scope'],
  message: 'Ce rôle demande un périmètre (code composante, code VET ou action de formation) ; les autres n’en ont pas',
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
  password: z.string({ error: 'Le mot de passe est obligatoire' }).min(1, 'Le mot de passe est obligatoire').max(1024),
});

export const createStaffBody = z.object({
  email: emailField(),
  displayName: requiredText('Le nom affiché', 200),
  password: z.string().min(10, 'Le mot de passe doit contenir au moins 10 caractères').max(128).optional(),
  roles: z.array(staffGrant).max(100).default([]),
});

export const updateStaffBody = z.object({
  displayName: requiredText('Le nom affiché', 200).optional(),
  active: z.boolean().optional(),
  password: z.string().min(10, 'Le mot de passe doit contenir au moins 10 caractères').max(128).optional(),
  roles: z.array(staffGrant).max(100).optional(),
});

export const absenceBody = z.object({
  startsAt: z.coerce.date({ error: 'Date de début invalide' }),
  endsAt: z.coerce.date({ error: 'Date de fin invalide' }),
  delegateId: z.uuid('Personne déléguée invalide'),
  handOverPending: z.boolean().default(false),
});

export const decisionFields = z.object({
  outcome: z.enum(outcomes, { error: `Décision inconnue : ${outcomes.join(', ')}` }),
  reason: z.string().trim().max(2000, 'Le motif ne peut pas dépasser 2000 caractères').optional(),
  comment: z.string().trim().max(2000, 'Le commentaire ne peut pas dépasser 2000 caractères').optional(),
});

export const bulkDecisionBody = z.object({
  items: z
    .array(decisionFields.extend({ taskId: z.uuid('Identifiant de tâche invalide') }))
    .min(1, 'Aucune décision')
    .max(200, 'Au plus 200 décisions à la fois'),
});

const isoDuration = z.string().refine((v) => (parseDuration(v) ?? 0) > 0, 'Durée ISO 8601 attendue, par exemple P3D, PT12H ou PT30S');

const selector = z.union([roleGrant, z.object({ email: emailField('L’adresse de la personne qui décide') })]);

export const demoRequestBody = z.object({
  title: requiredText('L’objet de la demande', 200),
  details: z.record(z.string().max(100), z.string().max(1000)).default({}),
  steps: z
    .array(
      z.object({
        step: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Nom d’étape : minuscules, chiffres et tirets'),
        approvers: z.array(selector).min(1, 'Au moins une personne ou un rôle doit pouvoir décider'),
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
    .refine((steps) => new Set(steps.map((s) => s.step)).size === steps.length, 'Chaque étape doit avoir un nom différent'),
});
