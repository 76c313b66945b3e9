import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ErrorKind, httpStatusOf, isErrorKind } from '../lib/errors.js';

export interface ErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
  [extra: string]: unknown;
}

/** Field path of a validation error: `/email` → `email`, `/steps/0/name` → `steps.0.name`. */
function fieldName(instancePath: string, params: unknown): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = (params as { missingProperty?: string } | undefined)?.missingProperty;
  return [path, missing].filter(Boolean).join('.') || '_';
}

/** SQLSTATEs of a database that is restarting, shutting down or unreachable. */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);
/** gRPC codes of a Temporal frontend that is down, restarting or overloaded. */
const unavailableGrpcCodes = new Set([4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */]);
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * A dependency (PostgreSQL, Temporal) is unreachable or restarting: the request may succeed if
 * retried, so the honest answer is 503, not a 500 that reads like a bug. Looks down the cause chain.
 */
function isDependencyUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    const { name, code, message } = current as { name?: string; code?: unknown; message?: string };
    if (name === 'KnexTimeoutError') return true;
    if (typeof code === 'string' && (unavailableSocketCodes.has(code) || unavailableSqlStates.has(code) || code.startsWith('08')))
      return true;
    if (typeof code === 'number' && unavailableGrpcCodes.has(code) && 'details' in (current as object)) return true;
    // node-postgres reports a dropped connection without a code.
    if (typeof message === 'string' && /Connection terminated|connection error and is not queryable/.test(message)) return true;
  }
  return false;
}

/**
 * PostgreSQL errors that only input can cause (a check constraint, a malformed or out-of-range
 * value): a safety net behind the zod schemas, so such input is a 400, never a 500.
 */
const inputSqlStates = new Set(['23514', '22P02', '22007', '22008', '22003', '22001']);

/** Maps any thrown error to the platform's error vocabulary; unknown errors become a bare 500. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: httpStatusOf[error.kind],
      body: { error: error.kind, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...error.extra },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) fields[fieldName(issue.instancePath, issue.params)] ??= issue.message ?? 'Valeur invalide';
    return { status: 400, body: { error: ErrorKind.Validation, message: 'Certains champs sont invalides.', fields } };
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && isErrorKind(error.cause.type)) {
    return { status: httpStatusOf[error.cause.type], body: { error: error.cause.type, message: error.cause.message } };
  }
  if (error instanceof WorkflowNotFoundError) {
    return { status: 410, body: { error: ErrorKind.Expired, message: 'Cette demande est terminée : le lien n’est plus valide.' } };
  }
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && inputSqlStates.has(sqlState)) {
    return { status: 400, body: { error: ErrorKind.Validation, message: 'Une valeur envoyée est incohérente ou hors limites.' } };
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { error: 'UnsupportedMediaType', message: 'Type de contenu non pris en charge : envoyez du JSON (application/json).' },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'PayloadTooLarge', message: 'Le contenu envoyé est trop volumineux.' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { error: ErrorKind.Validation, message: 'Le corps de la requête n’est pas un JSON valide.' } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: ErrorKind.Validation, message: 'En-tête Content-Length invalide.' } };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, body: { error: ErrorKind.Validation, message: fastifyError.message } };
  }
  if (isDependencyUnavailable(error)) {
    return {
      status: 503,
      body: {
        error: ErrorKind.Unavailable,
        message: 'Service momentanément indisponible : réessayez dans quelques instants.',
        retryAfterSeconds: 5,
      },
    };
  }
  return { status: 500, body: { error: 'Internal', message: 'Erreur interne : l’incident a été enregistré.' } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toHttpError(error);
    if (status === 503) request.log.warn({ err: error }, 'dependency unavailable');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    if ((status === 429 || status === 503) && typeof body.retryAfterSeconds === 'number')
      reply.header('retry-after', String(body.retryAfterSeconds));
    return reply.status(status).send(body);
  });
}
