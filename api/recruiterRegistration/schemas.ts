import { z } from 'zod';
import { passwordRule } from '../../lib/passwords.js';
import { emailField, requiredText } from '../schemas.js';

/** Recruiter registration (ENTREPRISES / PARTENAIRES): company, contact person, terms of use. */

export const termsMessage = 'Vous devez cocher « J’accepte les conditions générales d’utilisation » pour vous inscrire';

export const createRecruiterBody = z.object({
  company: z.object(
    {
      name: requiredText('La raison sociale', 200),
      siret: z
        .string()
        .trim()
        .regex(/^\d{14}$/, 'Le SIRET compte 14 chiffres')
        .optional(),
      address: requiredText('L’adresse de l’entreprise', 300),
      website: z.url('Le site web n’est pas une adresse valide').optional(),
    },
    { error: 'Les informations de l’entreprise sont obligatoires' },
  ),
  contact: z.object(
    {
      lastName: requiredText('Le nom'),
      firstName: requiredText('Le prénom'),
      jobTitle: requiredText('La fonction', 100).optional(),
      phone: requiredText('Le téléphone', 30).optional(),
    },
    { error: 'Les informations de la personne à contacter sont obligatoires' },
  ),
  email: emailField(),
  password: passwordRule,
  acceptTerms: z.literal(true, { error: termsMessage }),
});

export const offerPostingBody = z.object({ allowed: z.boolean({ error: 'Indiquez allowed: true ou false' }) });

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
