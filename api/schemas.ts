import { z } from 'zod';
import type { PlainKey } from '../lib/i18n/index.js';
import { passwordPolicy } from '../lib/passwords.js';
import { say } from './language.js';
import { fieldText, labelled } from './zodMessages.js';

/**
 * Field messages are in the requester's language (catalogue `field.*` and each lifecycle's own):
 * they are shown to the person who typed the value. `label` is a catalogue key (« Le nom »).
 */
export const requiredText = (label: PlainKey, max = 100) =>
  z
    .string({ error: (issue) => say(issue.input === undefined ? 'field.required' : 'field.mustBeText', { label: say(label) }) })
    .trim()
    .min(1, labelled('field.required', label))
    .max(max, labelled('field.tooLong', label, max));

export const emailField = (label: PlainKey = 'field.email') =>
  z
    .string({ error: (issue) => say(issue.input === undefined ? 'field.required' : 'field.mustBeText', { label: say(label) }) })
    .trim()
    .toLowerCase()
    .max(254, labelled('field.emailTooLong', label))
    .pipe(z.email(labelled('field.emailInvalid', label)));

/**
 * ASVS 5.0 §6.2 (lib/passwords.ts): 12 to 128 characters, no composition rule, not a common,
 * leaked or otherwise guessable password.
 */
export const passwordField = z
  .string(fieldText('field.passwordRequired'))
  .min(passwordPolicy.minLength, fieldText('security.passwordTooShort', { min: passwordPolicy.minLength }))
  .max(passwordPolicy.maxLength, fieldText('field.passwordTooLong'))
  .refine((password) => !passwordPolicy.isGuessable(password), fieldText('security.passwordGuessable'));

/** The password must not reuse the person's own name or address (ASVS 6.2.11): an object-level check. */
export function passwordReusesIdentity(password: string | undefined, names: (string | undefined)[], email: string | undefined): boolean {
  return password !== undefined && passwordPolicy.reusesIdentity(password, { names, email });
}
export const identityInPassword = { path: ['password'], ...fieldText('security.passwordContainsIdentity') };

export const createCandidateBody = z
  .object({
    lastName: requiredText('field.lastName'),
    firstName: requiredText('field.firstName'),
    email: emailField(),
    emailConfirmation: emailField('field.emailConfirmation'),
    password: passwordField,
    locale: z.enum(['fr', 'en'], fieldText('field.locale')).default('fr'),
  })
  .refine((body) => body.email === body.emailConfirmation, {
    path: ['emailConfirmation'],
    ...fieldText('field.emailConfirmationMismatch'),
  })
  .refine((body) => !passwordReusesIdentity(body.password, [body.lastName, body.firstName], body.email), identityInPassword);

export const emailOnlyBody = z.object({ email: emailField() });

export const loginBody = z.object({
  login: requiredText('field.login', 254),
  password: z.string(fieldText('field.passwordRequired')).min(1, fieldText('field.passwordRequired')).max(1024),
});

export const changeEmailBody = z
  .object({
    email: emailField('field.newEmail'),
    emailConfirmation: emailField('field.emailConfirmation'),
    currentPassword: z.string(fieldText('field.currentPasswordRequired')).min(1, fieldText('field.currentPasswordRequired')).max(1024),
  })
  .refine((body) => body.email === body.emailConfirmation, {
    path: ['emailConfirmation'],
    ...fieldText('field.emailConfirmationMismatch'),
  });

export const newPasswordBody = z
  .object({
    password: passwordField,
    passwordConfirmation: z.string(fieldText('field.passwordConfirmationRequired')),
  })
  .refine((body) => body.password === body.passwordConfirmation, {
    path: ['passwordConfirmation'],
    ...fieldText('field.passwordConfirmationMismatch'),
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
    .regex(/^[A-Za-z0-9_-]+$/, fieldText('field.link')),
});

/** Identifiers in paths: `Identifiant invalide` rather than a format error. */
export const idParams = z.object({ id: z.uuid(fieldText('field.id')) });

/** First message per field, as shown next to the field. */
export function fieldMessages(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}
