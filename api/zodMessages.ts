import { type core, z } from 'zod';
import type { Lang, MessageKey, ParamsOf, PlainKey } from '../lib/i18n/index.js';
import { t } from '../lib/i18n/index.js';
import { inRequest, requestLanguage, say } from './language.js';

/**
 * Field messages come from the catalogue, in the language of the request: a schema names a key
 * (`fieldText`, `labelled`), and every issue a schema does not word itself is worded by the error
 * map below, never by zod's own English defaults (« Invalid UUID », « Too big… »).
 *
 * zod words an issue when its error is first read (`result.error`), so these are functions reading
 * the request's language at that moment (api/language.ts), not strings fixed when the schema is
 * built: read a parse's error while handling the request, as every route and use case does.
 */

/** A schema's own message: `z.string(fieldText('field.passwordRequired'))`, `.min(1, fieldText(…))`. */
export function fieldText<K extends MessageKey>(key: K, ...params: ParamsOf<K>): { error: () => string } {
  return { error: () => say(key, ...params) };
}

type LabelledKey =
  | 'field.required'
  | 'field.mustBeText'
  | 'field.emailTooLong'
  | 'field.emailInvalid'
  | 'field.dateFormat'
  | 'field.dateInvalid';

/** A template about one field, its label rendered in the same language: « Le nom est obligatoire ». */
export function labelled(key: LabelledKey | 'field.tooLong', label: PlainKey, max?: number): { error: () => string } {
  return { error: () => labelledText(key, label, requestLanguage(), max) };
}

export function labelledText(key: LabelledKey | 'field.tooLong', label: PlainKey, lang: Lang, max = 0): string {
  const name = t(label, lang);
  return key === 'field.tooLong' ? t(key, lang, { label: name, max }) : t(key, lang, { label: name });
}

const idFormats = new Set(['uuid', 'guid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'xid', 'ksuid']);
const dateFormats = new Set(['date', 'datetime', 'time', 'duration']);

/** The catalogue's wording of an issue no schema worded itself. */
export function issueText(issue: core.$ZodRawIssue, lang: Lang): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? t('field.missing', lang) : t('field.wrongType', lang, { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? t('field.empty', lang) : t('field.tooShortText', lang, { min: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('field.tooFewItems', lang, { min: Number(issue.minimum) });
      return t('field.tooSmall', lang, { min: bound(issue.minimum, issue.origin), inclusive: issue.inclusive !== false });
    case 'too_big':
      if (issue.origin === 'string') return t('field.tooLongText', lang, { max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('field.tooManyItems', lang, { max: Number(issue.maximum) });
      return t('field.tooBig', lang, { max: bound(issue.maximum, issue.origin), inclusive: issue.inclusive !== false });
    case 'invalid_format':
      if (issue.format === 'email') return t('field.formatEmail', lang);
      if (issue.format === 'url') return t('field.formatUrl', lang);
      if (idFormats.has(issue.format)) return t('field.formatId', lang);
      if (dateFormats.has(issue.format)) return t('field.formatDate', lang);
      return t('field.format', lang);
    case 'invalid_value':
      return t('field.oneOf', lang, { values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'unrecognized_keys':
      return t('field.unknownKeys', lang, { keys: issue.keys.join(', ') });
    case 'not_multiple_of':
      return t('field.notMultipleOf', lang, { divisor: String(issue.divisor) });
    default:
      return t('field.invalid', lang);
  }
}

const bound = (value: number | bigint, origin: string) => (origin === 'date' ? new Date(Number(value)).toISOString() : String(value));

/**
 * Installs the error map (once per process). Outside a request (configuration parsing, scripts)
 * zod keeps its own wording: those messages are for operators, not users.
 */
export function installZodMessages(): void {
  z.config({ customError: (issue) => (inRequest() ? issueText(issue, requestLanguage()) : undefined) });
}
