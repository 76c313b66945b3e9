import { z } from 'zod';
import { passwordRule } from '../lib/passwords.js';

/** Field messages are French: they are shown to the person who typed the value. */
export const requiredText = (label: string, max = 100) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} est obligatoire` : `${label} doit être un texte`) })
    .trim()
    .min(1, `${label} est obligatoire`)
    .max(max, `${label} ne peut pas dépasser ${max} caractères`);

export const emailField = (label = 'L’adresse mail') =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} est obligatoire` : `${label} doit être un texte`) })
    .trim()
    .toLowerCase()
    .max(254, `${label} est trop longue`)
    .pipe(z.email(`${label} n’est pas valide`));

export const createCandidateBody = z
  .object({
    lastName: requiredText('Le nom'),
    firstName: requiredText('Le prénom'),
    email: emailField(),
    emailConfirmation: emailField('La confirmation de l’adresse mail'),
    password: passwordRule,
    locale: z.enum(['fr', 'en'], { error: 'La langue doit être « fr » ou « en »' }).default('fr'),
  })
  .refine((body) => body.email === body.emailConfirmation, {
    path: ['emailConfirmation'],
    message: 'La confirmation ne correspond pas à l’adresse mail',
  });

export const emailOnlyBody = z.object({ email: emailField() });

export const loginBody = z.object({
  login: requiredText('L’identifiant', 254),
  password: z.string({ error: 'Le mot de passe est obligatoire' }).min(1, 'Le mot de passe est obligatoire').max(1024),
});

export const changeEmailBody = z
  .object({
    email: emailField('La nouvelle adresse mail'),
    emailConfirmation: emailField('La confirmation de l’adresse mail'),
    currentPassword: z
      .string({ error: 'Le mot de passe actuel est obligatoire' })
      .min(1, 'Le mot de passe actuel est obligatoire')
      .max(1024),
  })
  .refine((body) => body.email === body.emailConfirmation, {
    path: ['emailConfirmation'],
    message: 'La confirmation ne correspond pas à l’adresse mail',
  });

export const newPasswordBody = z
  .object({
    password: passwordRule,
    passwordConfirmation: z.string({ error: 'La confirmation du mot de passe est obligatoire' }),
  })
  .refine((body) => body.password === body.passwordConfirmation, {
    path: ['passwordConfirmation'],
    message: 'La confirmation ne correspond pas au mot de passe',
  });

export const messageResponse = z.object({ message: z.string() });

export const errorResponse = z
  .object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() })
  .catchall(z.unknown());

export const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'Lien invalide'),
});

/** First message per field, as shown next to the field. */
export function fieldMessages(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}
