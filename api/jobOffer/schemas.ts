import { z } from 'zod';
import { parseDuration } from '../../lib/duration.js';
import { offerKinds, offerStatuses } from '../../workflows/jobOffer/contract.js';
import { emailField, requiredText } from '../schemas.js';
import { fieldText } from '../zodMessages.js';

/** « Déposer une offre ou un stage » (seed 002): every field is required except the publication duration. */
export const offerBody = z.object({
  title: requiredText('jobOffer.titleLabel', 150),
  kind: z.enum(offerKinds, fieldText('jobOffer.chooseKind', { kinds: offerKinds.join(', ') })),
  company: requiredText('jobOffer.companyLabel', 200),
  location: requiredText('field.place', 200),
  description: requiredText('field.description', 10_000).refine((v) => v.length >= 30, fieldText('jobOffer.descriptionTooShort')),
  contract: requiredText('jobOffer.contractLabel', 100),
  startsOn: z
    .string(fieldText('jobOffer.startDateRequired'))
    .regex(/^\d{4}-\d{2}-\d{2}$/, fieldText('jobOffer.startDateFormat'))
    .refine((v) => !Number.isNaN(Date.parse(v)), fieldText('jobOffer.startDateInvalid')),
  contactEmail: emailField('jobOffer.contactEmailLabel'),
  /** ISO 8601 (P30D); the default and the maximum come from the configuration. */
  publicationDuration: z
    .string(fieldText('jobOffer.durationFormat'))
    .trim()
    .toUpperCase()
    .refine((v) => (parseDuration(v) ?? 0) > 0, fieldText('jobOffer.durationPositive'))
    .optional(),
});

const offerFields = {
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(offerKinds),
  kindLabel: z.string(),
  company: z.string(),
  location: z.string(),
  description: z.string(),
  contract: z.string(),
  startsOn: z.string(),
  publishedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
};

/** What members browsing the offers see. */
export const publishedOfferView = z.object({ ...offerFields, contactEmail: z.string() });

/** What the author sees in « Mes offres d’emploi ». */
export const myOfferView = z.object({
  ...offerFields,
  contactEmail: z.string(),
  status: z.enum(offerStatuses),
  statusLabel: z.string(),
  publicationDuration: z.string(),
  revision: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const offerHistory = z.array(
  z.object({ status: z.string(), statusLabel: z.string(), at: z.date(), details: z.record(z.string(), z.unknown()) }),
);

export const myOfferDetail = myOfferView.extend({ history: offerHistory });

export const myOffersList = z.object({ items: z.array(myOfferView.extend({ applications: z.number().int() })) });

export const offerSearchQuery = z.object({
  kind: z.enum(offerKinds, fieldText('jobOffer.unknownKind', { kinds: offerKinds.join(', ') })).optional(),
  location: z.string().trim().min(1).max(200).optional(),
  company: z.string().trim().min(1).max(200).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  publishedSince: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, fieldText('jobOffer.dateFormat'))
    .refine((v) => !Number.isNaN(Date.parse(v)), fieldText('jobOffer.dateInvalid'))
    .optional(),
  page: z.coerce.number().int().min(1, fieldText('jobOffer.firstPage')).default(1),
  pageSize: z.coerce.number().int().min(1).max(50, fieldText('jobOffer.pageSizeMax')).default(20),
});

export const offerSearchPage = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(publishedOfferView),
});

/** Optional: a body-less POST (null body) closes the offer without a reason. */
export const withdrawalFields = z.object({ reason: z.string().trim().max(500, fieldText('jobOffer.reasonTooLong')).optional() });
export const withdrawalBody = withdrawalFields.nullish();

export const applicationCreated = z.object({ id: z.uuid(), offerId: z.uuid(), message: z.string() });

export const offerApplications = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      applicantName: z.string(),
      applicantEmail: z.string(),
      message: z.string(),
      cvFilename: z.string(),
      cvSize: z.number().int(),
      forwardedAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
});
