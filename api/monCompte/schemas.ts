import { z } from 'zod';
import { emailField, passwordField } from '../schemas.js';
import { fieldText } from '../zodMessages.js';

const newPasswordPair = {
  password: passwordField,
  passwordConfirmation: z.string(fieldText('field.passwordConfirmationRequired')).max(1024),
};
const samePasswords: [(body: { password: string; passwordConfirmation: string }) => boolean, { path: string[]; error: () => string }] = [
  (body) => body.password === body.passwordConfirmation,
  { path: ['passwordConfirmation'], ...fieldText('monCompte.passwordConfirmationMismatch') },
];

export const changePasswordBody = z
  .object({
    currentPassword: z.string(fieldText('field.currentPasswordRequired')).min(1, fieldText('field.currentPasswordRequired')).max(1024),
    ...newPasswordPair,
  })
  .refine(...samePasswords);

export const personalDetailsBody = z.object({
  phone: z
    .string()
    .trim()
    .max(32, fieldText('monCompte.phoneInvalid'))
    .refine((v) => v === '' || /^\+?[0-9][0-9 .-]{4,18}[0-9]$/.test(v), fieldText('monCompte.phoneInvalid'))
    .default(''),
  postalAddress: z.string().trim().max(400, fieldText('monCompte.postalAddressTooLong')).default(''),
});

export const personalEmailBody = z.object({ email: emailField('field.email') });

export const activationStartBody = z.object({
  studentNumber: z
    .string(fieldText('monCompte.studentNumberRequired'))
    .trim()
    .min(1, fieldText('monCompte.studentNumberRequired'))
    .max(32, fieldText('monCompte.studentNumberRequired')),
  birthDate: z.iso.date(fieldText('monCompte.birthDateInvalid')),
});

export const activationCompleteBody = z
  .object({
    handle: z.uuid(fieldText('monCompte.codeInvalid')),
    code: z
      .string(fieldText('monCompte.codeFormat'))
      .trim()
      .regex(/^\d{8}$/, fieldText('monCompte.codeFormat')),
    ...newPasswordPair,
  })
  .refine(...samePasswords);

export const recoveryStartBody = z.object({
  login: z
    .string(fieldText('monCompte.loginRequired'))
    .trim()
    .min(1, fieldText('monCompte.loginRequired'))
    .max(128, fieldText('monCompte.loginRequired')),
});

export const newDirectoryPasswordBody = z.object(newPasswordPair).refine(...samePasswords);

export const consentBody = z.object({
  use: z.string().min(1).max(40),
  granted: z.boolean(),
});
