import { z } from 'zod';
import { emailField, requiredText } from '../schemas.js';

/** The five steps of « Comment s’inscrire à une action ? » (seed 004); step 5 is the summary. */
const isoDate = (label: string) =>
  z
    .string({ error: `${label} est obligatoire` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} doit être au format AAAA-MM-JJ`)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${label} n’est pas une date valide`);

export const identityStep = z.object({
  civility: z.enum(['Madame', 'Monsieur', 'Autre'], { error: 'Choisissez une civilité : Madame, Monsieur ou Autre' }),
  lastName: requiredText('Le nom'),
  firstName: requiredText('Le prénom'),
  birthDate: isoDate('La date de naissance').refine(
    (v) => v < new Date().toISOString().slice(0, 10),
    'La date de naissance doit être passée',
  ),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{6,20}$/, 'Le numéro de téléphone n’est pas valide')
    .optional(),
});

export const professionalStep = z.object({
  employer: requiredText('L’établissement ou l’employeur', 200),
  department: requiredText('Le service', 200),
  jobTitle: requiredText('La fonction', 200),
  category: z.enum(['A', 'B', 'C', 'contractuel', 'autre'], { error: 'Choisissez une catégorie : A, B, C, contractuel ou autre' }),
});

export const contextStep = z.object({
  motivation: requiredText('Le contexte professionnel', 4000).refine(
    (v) => v.length >= 20,
    'Décrivez votre contexte professionnel en au moins 20 caractères',
  ),
  expectations: requiredText('Vos attentes', 4000),
});

export const supervisorStep = z.object({
  lastName: requiredText('Le nom du supérieur hiérarchique'),
  firstName: requiredText('Le prénom du supérieur hiérarchique'),
  email: emailField('L’adresse mail du supérieur hiérarchique'),
});

export const stepSchemas = { 1: identityStep, 2: professionalStep, 3: contextStep, 4: supervisorStep } as const;

export const stepParams = z.object({
  id: z.uuid('Identifiant invalide'),
  step: z.coerce
    .number({ error: 'L’étape doit être un nombre de 1 à 4' })
    .int()
    .min(1, 'L’étape doit être entre 1 et 4')
    .max(4, 'L’étape doit être entre 1 et 4'),
});

export const catalogQuery = z.object({
  theme: z.string().trim().max(100).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const actionBody = z.object({
  code: requiredText('Le code', 40),
  title: requiredText('Le titre', 200),
  theme: requiredText('La thématique', 100),
  description: requiredText('La description', 10_000),
  objectives: z.string().max(10_000).default(''),
  audience: z.string().max(2000).default(''),
  projectManagerId: z.uuid('Identifiant de chargé de projet invalide').nullable().default(null),
});

export const sessionBody = z
  .object({
    startsOn: isoDate('La date de début'),
    endsOn: isoDate('La date de fin'),
    place: requiredText('Le lieu', 200),
    capacity: z.number({ error: 'La capacité doit être un nombre' }).int().min(0, 'La capacité ne peut pas être négative').max(10_000),
  })
  .refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'La date de fin doit suivre la date de début' });

export const sessionPatchBody = z
  .object({
    startsOn: isoDate('La date de début').optional(),
    endsOn: isoDate('La date de fin').optional(),
    place: requiredText('Le lieu', 200).optional(),
    capacity: z.number().int().min(0).max(10_000).optional(),
    state: z.enum(['open', 'closed', 'cancelled']).optional(),
  })
  .refine((s) => Object.keys(s).length > 0, 'Rien à modifier');

// Responses: documented in OpenAPI and enforced by the serializer.
export const sessionView = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  state: z.enum(['open', 'closed', 'cancelled']),
  seatsTaken: z.number().int(),
  seatsLeft: z.number().int(),
  registrationOpen: z.boolean(),
});

export const actionView = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  theme: z.string(),
  description: z.string(),
  objectives: z.string(),
  audience: z.string(),
  projectManagerId: z.uuid().nullable(),
});

export const actionWithSessions = actionView.extend({ sessions: z.array(sessionView) });

export const catalogPage = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(actionWithSessions),
});

export const draftView = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  status: z.string(),
  steps: z.array(
    z.object({ step: z.number().int(), title: z.string(), complete: z.boolean(), values: z.record(z.string(), z.unknown()).nullable() }),
  ),
  summary: z.object({ step: z.literal(5), title: z.string(), readyToSend: z.boolean(), missingSteps: z.array(z.number().int()) }),
  submittedAt: z.date().nullable(),
  prefill: z.object({ lastName: z.string().optional(), firstName: z.string().optional() }).optional(),
});

export const myPreRegistrations = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      submittedAt: z.date().nullable(),
      updatedAt: z.date(),
      sessionId: z.uuid(),
      startsOn: z.string(),
      place: z.string(),
      actionTitle: z.string(),
    }),
  ),
});
