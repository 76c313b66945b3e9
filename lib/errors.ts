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

/** An error the API shows to the user as is (French message, optional field messages). */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && value in httpStatusOf;
}
