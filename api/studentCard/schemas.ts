import { z } from 'zod';
import { oppositionMotives } from '../../db/studentCards.js';
import { refusalReasons } from '../../lib/images/refusalReasons.js';
import { productionSteps } from '../../workflows/studentCard/contract.js';
import { fieldText } from '../zodMessages.js';

export const oppositionBody = z.object({ motive: z.enum(oppositionMotives, fieldText('studentCard.motiveRequired')) });
export const stepBody = z.object({ to: z.enum(productionSteps) });
export const cardParams = z.object({ cardId: z.uuid(fieldText('field.id')) });
export const photoParams = z.object({ photoId: z.uuid(fieldText('field.id')) });

export const photoDecision = z
  .object({
    photoId: z.uuid(fieldText('field.id')),
    outcome: z.enum(['approve', 'refuse']),
    reason: z.enum(refusalReasons).optional(),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((d) => d.outcome === 'approve' || d.reason !== undefined, { ...fieldText('studentCard.reasonRequired'), path: ['reason'] });
export const decisionsBody = z.object({ items: z.array(photoDecision).min(1).max(200) });

export const cardState = z.object({
  phase: z.string(),
  reviewRounds: z.number(),
  disabledAt: z.number().optional(),
  motive: z.string().optional(),
  replacementCardId: z.string().optional(),
});

export const myCard = z.object({
  card: z
    .object({
      id: z.uuid(),
      status: z.string(),
      rejections: z.number(),
      disabledMotive: z.string().nullable(),
      disabledAt: z.date().nullable(),
      validUntil: z.date().nullable(),
      replacesCardId: z.string().nullable(),
    })
    .nullable(),
  photos: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      uploadedAt: z.date(),
      refusalReason: z.string().nullable(),
      refusalComment: z.string().nullable(),
    }),
  ),
  history: z.array(z.object({ cardId: z.uuid(), status: z.string(), at: z.date() })),
});
