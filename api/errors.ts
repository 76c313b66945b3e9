import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
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

/** Maps any thrown error to the platform's error vocabulary; unknown errors become a bare 500. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: httpStatusOf[error.kind], body: { error: error.kind, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...error.extra } };
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
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: 'UnsupportedMediaType', message: 'Type de contenu non pris en charge : envoyez du JSON (application/json).' } };
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
  return { status: 500, body: { error: 'Internal', message: 'Erreur interne : l’incident a été enregistré.' } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toHttpError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 429 && typeof body.retryAfterSeconds === 'number') reply.header('retry-after', String(body.retryAfterSeconds));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: ErrorKind.NotFound, message: `Aucune ressource à ${request.method} ${request.url.split('?')[0]}` }),
  );
}
