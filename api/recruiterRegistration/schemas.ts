import { z } from 'zod';
import { emailField, identityInPassword, passwordField, passwordReusesIdentity, requiredText } from '../schemas.js';
import { fieldText } from '../zodMessages.js';

/** Recruiter registration (ENTREPRISES / PARTENAIRES): company, contact person, terms of use. */

export const createRecruiterBody = z
  .object({
    company: z.object(
      {
        name: requiredText('recruiterRegistration.companyNameLabel', 200),
        siret: z
          .string()
          .trim()
          .regex(/^\d{14}$/, fieldText('recruiterRegistration.siret'))
          .optional(),
        address: requiredText('recruiterRegistration.companyAddressLabel', 300),
        website: z.url(fieldText('recruiterRegistration.website')).optional(),
      },
      fieldText('recruiterRegistration.companyRequired'),
    ),
    contact: z.object(
      {
        lastName: requiredText('field.lastName'),
        firstName: requiredText('field.firstName'),
        jobTitle: requiredText('field.jobTitle', 100).optional(),
        phone: requiredText('field.phone', 30).optional(),
      },
      fieldText('recruiterRegistration.contactRequired'),
    ),
    email: emailField(),
    password: passwordField,
    acceptTerms: z.literal(true, fieldText('recruiterRegistration.termsRequired')),
    /** The version of the terms the person read (GET /api/recruiters/terms): refused if a newer one was published since. */
    termsVersion: z.string().trim().min(1).max(50).optional(),
    /** The language of the mails to come (default: the request's). */
    locale: z.enum(['fr', 'en'], fieldText('field.locale')).optional(),
  })
  .refine((b) => !passwordReusesIdentity(b.password, [b.contact?.lastName, b.contact?.firstName], b.email), identityInPassword);

export const offerPostingBody = z.object({ allowed: z.boolean(fieldText('recruiterRegistration.allowedBoolean')) });

export const recruiterProfile = z.object({
  id: z.uuid(),
  companyName: z.string(),
  contactName: z.string(),
  email: z.string(),
  status: z.string(),
  termsVersion: z.string(),
  termsAcceptedAt: z.date(),
  canPostOffers: z.boolean(),
  offersRightChangedAt: z.date().nullable(),
  validatedAt: z.date().nullable(),
});
