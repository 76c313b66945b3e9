import { z } from 'zod';
import type { PlainKey } from '../../lib/i18n/index.js';
import { emailField, requiredText } from '../schemas.js';
import { fieldText, labelled } from '../zodMessages.js';

/** The five steps of « Comment s’inscrire à une action ? » (seed 004); step 5 is the summary. */
const isoDate = (label: PlainKey) =>
  z
    .string(labelled('field.required', label))
    .regex(/^\d{4}-\d{2}-\d{2}$/, labelled('field.dateFormat', label))
    .refine((v) => !Number.isNaN(Date.parse(v)), labelled('field.dateInvalid', label));

export const identityStep = z.object({
  civility: z.enum(['Madame', 'Monsieur', 'Autre'], fieldText('trainingPreRegistration.civility')),
  lastName: requiredText('field.lastName'),
  firstName: requiredText('field.firstName'),
  birthDate: isoDate('field.birthDate').refine(
    (v) => v < new Date().toISOString().slice(0, 10),
    fieldText('trainingPreRegistration.birthDatePast'),
  ),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{6,20}$/, fieldText('trainingPreRegistration.phoneInvalid'))
    .optional(),
});

export const professionalStep = z.object({
  employer: requiredText('trainingPreRegistration.employerLabel', 200),
  department: requiredText('trainingPreRegistration.departmentLabel', 200),
  jobTitle: requiredText('field.jobTitle', 200),
  category: z.enum(['A', 'B', 'C', 'contractuel', 'autre'], fieldText('trainingPreRegistration.category')),
});

export const contextStep = z.object({
  motivation: requiredText('trainingPreRegistration.contextLabel', 4000).refine(
    (v) => v.length >= 20,
    fieldText('trainingPreRegistration.contextTooShort'),
  ),
  expectations: requiredText('trainingPreRegistration.expectationsLabel', 4000),
});

export const supervisorStep = z.object({
  lastName: requiredText('trainingPreRegistration.supervisorLastNameLabel'),
  firstName: requiredText('trainingPreRegistration.supervisorFirstNameLabel'),
  email: emailField('trainingPreRegistration.supervisorEmailLabel'),
});

export const stepSchemas = { 1: identityStep, 2: professionalStep, 3: contextStep, 4: supervisorStep } as const;

export const stepParams = z.object({
  id: z.uuid(fieldText('field.id')),
  step: z.coerce
    .number(fieldText('trainingPreRegistration.stepNumber'))
    .int()
    .min(1, fieldText('trainingPreRegistration.stepRange'))
    .max(4, fieldText('trainingPreRegistration.stepRange')),
});

export const catalogQuery = z.object({
  theme: z.string().trim().max(100).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const actionBody = z.object({
  code: requiredText('trainingPreRegistration.codeLabel', 40),
  title: requiredText('trainingPreRegistration.titleLabel', 200),
  theme: requiredText('trainingPreRegistration.themeLabel', 100),
  description: requiredText('field.description', 10_000),
  objectives: z.string().max(10_000).default(''),
  audience: z.string().max(2000).default(''),
  projectManagerId: z.uuid(fieldText('trainingPreRegistration.projectManagerId')).nullable().default(null),
});

/** HH:MM, Paris time: the daily hours of a session (given to accepted applicants and in their calendar file). */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, fieldText('trainingPreRegistration.timeFormat'));
const sessionDetails = {
  dayStartsAt: timeOfDay.optional(),
  dayEndsAt: timeOfDay.optional(),
  practicalInfo: z.string().trim().max(2000, fieldText('trainingPreRegistration.practicalInfoTooLong')).optional(),
};
const hoursInOrder = (s: { dayStartsAt?: string | undefined; dayEndsAt?: string | undefined }) =>
  !s.dayStartsAt || !s.dayEndsAt || s.dayEndsAt > s.dayStartsAt;

export const sessionBody = z
  .object({
    startsOn: isoDate('field.startDate'),
    endsOn: isoDate('field.endDate'),
    place: requiredText('field.place', 200),
    ...sessionDetails,
    capacity: z
      .number(fieldText('trainingPreRegistration.capacityNumber'))
      .int()
      .min(0, fieldText('trainingPreRegistration.capacityNegative'))
      .max(10_000),
  })
  .refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], ...fieldText('trainingPreRegistration.endBeforeStartField') })
  .refine(hoursInOrder, { path: ['dayEndsAt'], ...fieldText('trainingPreRegistration.hoursInOrder') });

export const sessionPatchBody = z
  .object({
    startsOn: isoDate('field.startDate').optional(),
    endsOn: isoDate('field.endDate').optional(),
    place: requiredText('field.place', 200).optional(),
    capacity: z.number().int().min(0).max(10_000).optional(),
    state: z.enum(['open', 'closed', 'cancelled']).optional(),
    ...sessionDetails,
  })
  .refine((s) => Object.keys(s).length > 0, fieldText('trainingPreRegistration.nothingToChange'))
  .refine(hoursInOrder, { path: ['dayEndsAt'], ...fieldText('trainingPreRegistration.hoursInOrder') });

// Responses: documented in OpenAPI and enforced by the serializer.
export const sessionView = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  dayStartsAt: z.string(),
  dayEndsAt: z.string(),
  practicalInfo: z.string(),
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
      // `under_review` until the decision is communicated (about a month before the action).
      status: z.string(),
      statusLabel: z.string(),
      submittedAt: z.date().nullable(),
      updatedAt: z.date(),
      sessionId: z.uuid(),
      startsOn: z.string(),
      place: z.string(),
      actionId: z.uuid(),
      actionTitle: z.string(),
    }),
  ),
});
