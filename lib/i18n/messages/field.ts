import { text } from '../text.js';

type Expected = string;

const expectedFr: Record<Expected, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  bigint: 'un nombre entier',
  boolean: 'true ou false',
  object: 'un objet',
  array: 'une liste',
  date: 'une date',
  null: 'null',
};
const expectedEn: Record<Expected, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  null: 'null',
};

/**
 * Field messages: the templates the API's schemas share (a label goes in `label`, already in the
 * reader's language), the labels several lifecycles use, and what any other invalid value says in
 * place of the validation library's own English texts.
 */
export const fieldMessages = {
  required: text<{ label: string }>(
    (p) => `${p.label} est obligatoire`,
    (p) => `${p.label} is required`,
  ),
  mustBeText: text<{ label: string }>(
    (p) => `${p.label} doit être un texte`,
    (p) => `${p.label} must be text`,
  ),
  tooLong: text<{ label: string; max: number }>(
    (p) => `${p.label} ne peut pas dépasser ${p.max} caractères`,
    (p) => `${p.label} cannot be longer than ${p.max} characters`,
  ),
  emailTooLong: text<{ label: string }>(
    (p) => `${p.label} est trop longue`,
    (p) => `${p.label} is too long`,
  ),
  emailInvalid: text<{ label: string }>(
    (p) => `${p.label} n’est pas valide`,
    (p) => `${p.label} is not valid`,
  ),
  dateFormat: text<{ label: string }>(
    (p) => `${p.label} doit être au format AAAA-MM-JJ`,
    (p) => `${p.label} must be in the format YYYY-MM-DD`,
  ),
  dateInvalid: text<{ label: string }>(
    (p) => `${p.label} n’est pas une date valide`,
    (p) => `${p.label} is not a valid date`,
  ),
  emailConfirmationMismatch: text(
    'La confirmation ne correspond pas à l’adresse mail',
    'The confirmation does not match the e-mail address',
  ),
  passwordConfirmationMismatch: text('La confirmation ne correspond pas au mot de passe', 'The confirmation does not match the password'),
  passwordRequired: text('Le mot de passe est obligatoire', 'The password is required'),
  currentPasswordRequired: text('Le mot de passe actuel est obligatoire', 'The current password is required'),
  passwordConfirmationRequired: text('La confirmation du mot de passe est obligatoire', 'The password confirmation is required'),
  passwordTooLong: text('Le mot de passe ne peut pas dépasser 128 caractères', 'The password cannot be longer than 128 characters'),

  locale: text('La langue doit être « fr » ou « en »', 'The language must be « fr » or « en »'),
  link: text('Lien invalide', 'Invalid link'),
  id: text('Identifiant invalide', 'Invalid identifier'),

  // Labels shared by several forms (the first word of a sentence: capitalised).
  lastName: text('Le nom', 'The last name'),
  firstName: text('Le prénom', 'The first name'),
  email: text('L’adresse mail', 'The e-mail address'),
  emailConfirmation: text('La confirmation de l’adresse mail', 'The e-mail address confirmation'),
  newEmail: text('La nouvelle adresse mail', 'The new e-mail address'),
  login: text('L’identifiant', 'The login'),
  phone: text('Le téléphone', 'The phone number'),
  jobTitle: text('La fonction', 'The job title'),
  place: text('Le lieu', 'The place'),
  description: text('La description', 'The description'),
  composante: text('La composante', 'The faculty (composante)'),
  birthDate: text('La date de naissance', 'The date of birth'),
  startDate: text('La date de début', 'The start date'),
  endDate: text('La date de fin', 'The end date'),

  // Any other invalid value, by kind of problem (the zod error map renders these).
  missing: text('Ce champ est obligatoire', 'This field is required'),
  wrongType: text<{ expected: Expected }>(
    (p) => `Valeur invalide : ${expectedFr[p.expected] ?? 'une autre valeur'} attendu`,
    (p) => `Invalid value: ${expectedEn[p.expected] ?? 'another value'} expected`,
  ),
  empty: text('Ce champ ne peut pas être vide', 'This field cannot be empty'),
  tooShortText: text<{ min: number }>(
    (p) => `Au moins ${p.min} caractères`,
    (p) => `At least ${p.min} characters`,
  ),
  tooLongText: text<{ max: number }>(
    (p) => `Au plus ${p.max} caractères`,
    (p) => `At most ${p.max} characters`,
  ),
  tooFewItems: text<{ min: number }>(
    (p) => `Au moins ${p.min} élément(s)`,
    (p) => `At least ${p.min} item(s)`,
  ),
  tooManyItems: text<{ max: number }>(
    (p) => `Au plus ${p.max} élément(s)`,
    (p) => `At most ${p.max} item(s)`,
  ),
  tooSmall: text<{ min: string; inclusive: boolean }>(
    (p) => `La valeur doit être ${p.inclusive ? 'au moins' : 'supérieure à'} ${p.min}`,
    (p) => `The value must be ${p.inclusive ? 'at least' : 'greater than'} ${p.min}`,
  ),
  tooBig: text<{ max: string; inclusive: boolean }>(
    (p) => `La valeur doit être ${p.inclusive ? 'au plus' : 'inférieure à'} ${p.max}`,
    (p) => `The value must be ${p.inclusive ? 'at most' : 'less than'} ${p.max}`,
  ),
  notMultipleOf: text<{ divisor: string }>(
    (p) => `La valeur doit être un multiple de ${p.divisor}`,
    (p) => `The value must be a multiple of ${p.divisor}`,
  ),
  formatEmail: text('Adresse mail invalide', 'Invalid e-mail address'),
  formatId: text('Identifiant invalide', 'Invalid identifier'),
  formatUrl: text('Adresse web invalide', 'Invalid web address'),
  formatDate: text('Date invalide', 'Invalid date'),
  format: text('Format invalide', 'Invalid format'),
  oneOf: text<{ values: string }>(
    (p) => `Valeur attendue : ${p.values}`,
    (p) => `Expected one of: ${p.values}`,
  ),
  unknownKeys: text<{ keys: string }>(
    (p) => `Champs inconnus : ${p.keys}`,
    (p) => `Unknown fields: ${p.keys}`,
  ),
  invalid: text('Valeur invalide', 'Invalid value'),
};
