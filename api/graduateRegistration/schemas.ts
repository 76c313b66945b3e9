import { z } from 'zod';
import { emailField, identityInPassword, passwordField, passwordReusesIdentity, requiredText } from '../schemas.js';
import { fieldText } from '../zodMessages.js';

/** Graduate registration (seed 000): identity, contact, and the « absent » form's remembered diploma. */

const isoDate = z
  .string(fieldText('graduateRegistration.birthDateRequired'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, fieldText('graduateRegistration.birthDateFormat'))
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && d.getTime() < Date.now();
  }, fieldText('graduateRegistration.birthDateInvalid'));

const year = z.coerce
  .number(fieldText('graduateRegistration.yearNumber'))
  .int(fieldText('graduateRegistration.yearInteger'))
  .min(1950, fieldText('graduateRegistration.yearInvalid'))
  .max(2100, fieldText('graduateRegistration.yearInvalid'));

export const rememberedDiplomaBody = z.object(
  {
    title: requiredText('graduateRegistration.diplomaTitleLabel', 200),
    year,
    composante: requiredText('field.composante', 200),
  },
  fieldText('graduateRegistration.diplomaIncomplete'),
);

export const createGraduateBody = z
  .object({
    lastName: requiredText('field.lastName'),
    firstNames: requiredText('field.firstName', 200),
    birthDate: isoDate,
    email: emailField(),
    password: passwordField,
    // The complete form, optional here: counted only for a person absent from the registry, else asked for by mail.
    phone: requiredText('field.phone', 30).optional(),
    postalAddress: requiredText('graduateRegistration.postalAddressLabel', 300).optional(),
    rememberedDiploma: rememberedDiplomaBody.optional(),
  })
  .refine((b) => !passwordReusesIdentity(b.password, [b.lastName, b.firstNames], b.email), identityInPassword);

export const graduateCredentialsBody = z.object({
  email: emailField(),
  password: z.string(fieldText('field.passwordRequired')).min(1, fieldText('field.passwordRequired')).max(1024),
});

/** The complete form, asked for by mail when the person is absent from the registry. */
export const completeFormBody = graduateCredentialsBody.extend({
  phone: requiredText('field.phone', 30),
  postalAddress: requiredText('graduateRegistration.postalAddressLabel', 300),
  rememberedDiploma: rememberedDiplomaBody,
});

/** « Je choisis mon diplôme » (a diploma id from the list) or « diplôme non trouvé » (with the composante). */
export const diplomaChoiceBody = graduateCredentialsBody.and(
  z.union(
    [
      z.object({ diplomaId: z.uuid(fieldText('graduateRegistration.diplomaInvalid')) }),
      z.object({
        notFound: z.literal(true),
        composanteCode: requiredText('field.composante', 50),
        title: requiredText('graduateRegistration.diplomaTitleLabel', 200).optional(),
        year: year.optional(),
      }),
    ],
    fieldText('graduateRegistration.chooseDiploma'),
  ),
);

export const diplomaView = z.object({
  id: z.uuid(),
  vetCode: z.string(),
  vetLabel: z.string().nullable(),
  composanteCode: z.string(),
  composanteLabel: z.string().nullable(),
  year: z.number().int(),
});

/** The same for a person present, absent or matching several graduates: what comes next is mailed. */
export const graduateRegistrationAnswer = z.object({
  accountId: z.uuid(),
  message: z.string(),
});

export const graduateProfile = z.object({
  id: z.uuid(),
  lastName: z.string(),
  firstNames: z.string(),
  email: z.string(),
  status: z.string(),
  groups: z.array(z.object({ kind: z.enum(['composante', 'vet']), code: z.string() })),
  validatedAt: z.date().nullable(),
});
