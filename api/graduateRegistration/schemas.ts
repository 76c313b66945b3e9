import { z } from 'zod';
import { passwordRule } from '../../lib/passwords.js';
import { emailField, requiredText } from '../schemas.js';

/** Graduate registration (seed 000): identity, contact, and the « absent » form's remembered diploma. */

const isoDate = z
  .string({ error: 'La date de naissance est obligatoire' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'La date de naissance doit être au format AAAA-MM-JJ')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && d.getTime() < Date.now();
  }, 'La date de naissance n’est pas une date valide');

const year = z.coerce
  .number({ error: 'L’année doit être un nombre' })
  .int('L’année doit être un nombre entier')
  .min(1950, 'Année invalide')
  .max(2100, 'Année invalide');

export const rememberedDiplomaBody = z.object(
  {
    title: requiredText('L’intitulé du diplôme', 200),
    year,
    composante: requiredText('La composante', 200),
  },
  { error: 'Le diplôme doit préciser intitulé, année et composante' },
);

export const createGraduateBody = z.object({
  lastName: requiredText('Le nom'),
  firstNames: requiredText('Le prénom', 200),
  birthDate: isoDate,
  email: emailField(),
  password: passwordRule,
  // Required only when the person is absent from the registry (the complete form).
  phone: requiredText('Le téléphone', 30).optional(),
  postalAddress: requiredText('L’adresse postale', 300).optional(),
  rememberedDiploma: rememberedDiplomaBody.optional(),
});

export const graduateCredentialsBody = z.object({
  email: emailField(),
  password: z.string({ error: 'Le mot de passe est obligatoire' }).min(1, 'Le mot de passe est obligatoire').max(1024),
});

/** « Je choisis mon diplôme » (a diploma id from the list) or « diplôme non trouvé » (with the composante). */
export const diplomaChoiceBody = graduateCredentialsBody.and(
  z.union(
    [
      z.object({ diplomaId: z.uuid('Diplôme invalide') }),
      z.object({
        notFound: z.literal(true),
        composanteCode: requiredText('La composante', 50),
        title: requiredText('L’intitulé du diplôme', 200).optional(),
        year: year.optional(),
      }),
    ],
    { error: 'Choisissez un diplôme de la liste (diplomaId) ou indiquez « diplôme non trouvé » (notFound, composanteCode)' },
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

export const graduateRegistrationAnswer = z.object({
  accountId: z.uuid(),
  registry: z.enum(['present', 'ambiguous', 'absent']),
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
