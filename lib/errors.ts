import { type Lang, type MessageKey, type MessageRef, render } from './i18n/index.js';

/**
 * One error vocabulary for the whole platform. Workflows raise these names as
 * `ApplicationFailure.type`; the HTTP layer maps them to status codes (api/errors.ts).
 */
export const ErrorKind = {
  Validation: 'Validation',
  NotFound: 'NotFound',
  Conflict: 'Conflict',
  AlreadyDone: 'AlreadyDone',
  Expired: 'Expired',
  Superseded: 'Superseded',
  Forbidden: 'Forbidden',
  Unauthenticated: 'Unauthenticated',
  TooManyAttempts: 'TooManyAttempts',
  Unavailable: 'Unavailable',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

export const httpStatusOf: Record<ErrorKind, number> = {
  Validation: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  AlreadyDone: 409,
  Expired: 410,
  Superseded: 410,
  TooManyAttempts: 429,
  Unavailable: 503,
};

/**
 * A field's message: a catalogue reference, or a text already in the reader's language (what the
 * zod schemas produce, see api/zodMessages.ts).
 */
export type FieldText = MessageRef | string;

/**
 * An error the API shows to the user: a catalogue message (rendered in the requester's language by
 * api/errors.ts), optional field messages, optional extra properties of the answer. `message` is
 * the French text, for logs and for French-only pages.
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly text: MessageRef,
    readonly fields?: Record<string, FieldText>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(render(text, 'fr') ?? text.key);
    this.name = 'AppError';
  }

  /** The message and field messages in `lang`. */
  rendered(lang: Lang): { message: string; fields?: Record<string, string> } {
    const message = render(this.text, lang) ?? this.message;
    if (!this.fields) return { message };
    const fields = Object.fromEntries(
      Object.entries(this.fields).map(([name, field]) => [name, typeof field === 'string' ? field : (render(field, lang) ?? field.key)]),
    );
    return { message, fields };
  }
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && value in httpStatusOf;
}

/**
 * What a workflow's refusal carries in its `details[0]` so the API can answer in the requester's
 * language: the message key and parameters, the field it concerns if any, and extra properties
 * that go into the answer as they are (e.g. who decided and when).
 */
export interface FailureDetails {
  messageKey: MessageKey;
  messageParams?: MessageRef['params'];
  field?: string;
  [extra: string]: unknown;
}

export interface RefusalOptions {
  /** The field the refusal is about: the API also shows the message beside it. */
  field?: string;
  /** Properties the API adds to its answer as they are (e.g. who decided and when). */
  extra?: Record<string, unknown>;
}

/**
 * The `ApplicationFailure.create` options of a refusal meant for the person who asked (e.g. an
 * Update validator's answer): non-retryable, its message the French text (what logs and the
 * Temporal UI show), its details the message reference (see `FailureDetails`) so the API renders
 * it in the requester's language. Usable in workflow code:
 * `ApplicationFailure.create({ type: ErrorKind.AlreadyDone, ...refusalOptions(msg('link.used')) })`.
 */
export function refusalOptions(text: MessageRef, options: RefusalOptions = {}) {
  const details: FailureDetails = {
    ...options.extra,
    messageKey: text.key,
    ...(text.params ? { messageParams: text.params } : {}),
    ...(options.field ? { field: options.field } : {}),
  };
  return { message: render(text, 'fr') ?? text.key, nonRetryable: true, details: [details] };
}
