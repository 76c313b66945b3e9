import { z } from 'zod';
import type { PlainKey } from '../../lib/i18n/index.js';
import { requiredText } from '../schemas.js';
import { fieldText, labelled } from '../zodMessages.js';

/** Staff-maintained content of the portal: programmes, FAQ entries, recruiters' terms. */

const isoDate = (label: PlainKey) =>
  z
    .string(labelled('field.required', label))
    .regex(/^\d{4}-\d{2}-\d{2}$/, labelled('field.dateFormat', label))
    .refine(
      (v) => {
        const d = new Date(`${v}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
      },
      labelled('field.dateInvalid', label),
    );

const optionalText = (label: PlainKey, max: number) =>
  requiredText(label, max)
    .optional()
    .or(z.literal('').transform(() => undefined));

export const programmeBody = z
  .object({
    title: requiredText('portal.titleLabel', 200),
    composante: requiredText('field.composante', 200),
    level: optionalText('portal.levelLabel', 100),
    campaignOpensOn: isoDate('portal.opensOnLabel'),
    campaignClosesOn: isoDate('portal.closesOnLabel').optional(),
    description: optionalText('portal.descriptionLabel', 2000),
  })
  .refine((p) => !p.campaignClosesOn || p.campaignClosesOn >= p.campaignOpensOn, {
    path: ['campaignClosesOn'],
    ...fieldText('portal.closesAfterOpens'),
  });

export const programmeView = z.object({
  id: z.uuid(),
  title: z.string(),
  composante: z.string(),
  level: z.string(),
  campaignOpensOn: z.string(),
  campaignClosesOn: z.string().nullable(),
  description: z.string(),
});

/** `?after=` / `?before=`: an opaque cursor from a previous page (keyset pagination). */
export const programmeListQuery = z.object({
  after: z.string().max(200).optional(),
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const programmePage = z.object({
  items: z.array(programmeView),
  next: z.string().nullable(),
  previous: z.string().nullable(),
});

export const faqBody = z.object({
  position: z.coerce.number().int().min(0).max(10_000).default(0),
  questionFr: requiredText('portal.questionLabel', 500),
  answerFr: requiredText('portal.answerLabel', 5000),
  questionEn: requiredText('portal.questionLabel', 500).optional(),
  answerEn: requiredText('portal.answerLabel', 5000).optional(),
});

export const faqView = z.object({ id: z.uuid(), position: z.number().int(), question: z.string(), answer: z.string() });

export const termsBody = z.object({
  version: requiredText('portal.versionLabel', 50),
  bodyFr: requiredText('portal.bodyLabel', 50_000),
  bodyEn: requiredText('portal.bodyLabel', 50_000).optional(),
});

export const termsView = z.object({
  version: z.string(),
  label: z.string(),
  text: z.string(),
  publishedAt: z.date(),
});
