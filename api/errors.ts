import { WorkflowNotFoundError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure, NamespaceNotFoundError } from '@temporalio/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ErrorKind, type FailureDetails, httpStatusOf, isErrorKind } from '../lib/errors.js';
import { isMessageKey, type Lang, render, t } from '../lib/i18n/index.js';
import { languageOf, requestLanguage } from './language.js';

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
    // A Temporal cluster during its own outages (seen by tests/cluster): an Update refused while
    // the workflow's task is being retried (matching was down), a namespace its registry cannot
    // read while its database restarts.
    if (code === 9 /* FAILED_PRECONDITION */ && /Workflow Task in failed state/i.test(String((current as { details?: unknown }).details)))
      return true;
    if (current instanceof NamespaceNotFoundError) return true;
    // node-postgres reports a dropped connection without a code.
    if (typeof message === 'string' && /Connection terminated|connection error and is not queryable/.test(message)) return true;
  }
  return false;
}

/**
 * PostgreSQL errors that only input can cause (a check constraint, a malformed or out-of-range
 * value): a safety net behind the zod schemas, so such input is a 400, never a 500.
 */
const inputSqlStates = new Set(['23514', '22P02', '22007', '22008', '22003', '22001', '22021']);

/** How deep the cause chain is searched: Update → activity → failure is three; a little margin. */
const maxCauseDepth = 8;

/**
 * The refusal a lifecycle gave, wherever it sits in the cause chain: an Update's validator answers
 * `WorkflowUpdateFailedError → ApplicationFailure`, an activity run by the Update handler answers
 * `WorkflowUpdateFailedError → ActivityFailure → ApplicationFailure`. `fromActivity` says whether
 * an activity raised it (its message is then written for developers, not for people).
 */
function lifecycleRefusal(error: unknown): { failure: ApplicationFailure & { type: ErrorKind }; fromActivity: boolean } | undefined {
  let fromActivity = false;
  for (let current = error, depth = 0; current && depth < maxCauseDepth; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof ActivityFailure || current instanceof ChildWorkflowFailure) fromActivity = true;
    if (current instanceof ApplicationFailure && isErrorKind(current.type))
      return { failure: current as ApplicationFailure & { type: ErrorKind }, fromActivity };
  }
  return undefined;
}

/** The first detail of a failure when it is an object (see `FailureDetails`); other details are ignored. */
function detailsOf(failure: ApplicationFailure): Partial<FailureDetails> {
  const first = failure.details?.[0];
  return first && typeof first === 'object' && !Array.isArray(first) ? (first as Partial<FailureDetails>) : {};
}

/**
 * The answer to a lifecycle's refusal: its message key (details, see `refusalOptions` in lib/errors.ts)
 * rendered in `lang`, its field and extra properties; without a key, the workflow's own French
 * text, or for an activity's failure the plain sentence of its kind.
 */
function refusalBody(failure: ApplicationFailure & { type: ErrorKind }, fromActivity: boolean, lang: Lang): ErrorBody {
  const { messageKey, messageParams, field, ...extra } = detailsOf(failure);
  const message =
    (messageKey && render({ key: messageKey, params: messageParams }, lang)) ??
    (fromActivity || lang !== 'fr' ? t(`http.${failure.type}`, lang) : failure.message);
  return { error: failure.type, message, ...(typeof field === 'string' ? { fields: { [field]: message } } : {}), ...extra };
}

/**
 * A lifecycle's refusal that names its message (see `refusalOptions` in lib/errors.ts), as an `AppError`:
 * for code that shows it beside a form rather than as a whole answer.
 */
export function refusalAsAppError(error: unknown): AppError | undefined {
  const found = lifecycleRefusal(error);
  const { messageKey, messageParams, field, ...extra } = found ? detailsOf(found.failure) : {};
  if (!found || !isMessageKey(messageKey)) return undefined;
  const text = { key: messageKey, ...(messageParams ? { params: messageParams } : {}) };
  return new AppError(found.failure.type, text, typeof field === 'string' ? { [field]: text } : undefined, extra);
}

/** The 4xx Fastify itself raises (body parsing, multipart limits, bad URLs), in the catalogue's words. */
function frameworkBody(code: string | undefined, status: number, lang: Lang): { status: number; body: ErrorBody } | undefined {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: 'UnsupportedMediaType', message: t('http.unsupportedMediaType', lang) } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'PayloadTooLarge', message: t('http.payloadTooLarge', lang) } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { error: ErrorKind.Validation, message: t('http.invalidJson', lang) } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: ErrorKind.Validation, message: t('http.invalidContentLength', lang) } };
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: { error: ErrorKind.Validation, message: t('http.badUrl', lang) } };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: { error: ErrorKind.Validation, message: t('http.uriTooLong', lang) } };
  }
  if (status >= 400 && status < 500) {
    const message =
      status === 413 ? t('http.payloadTooLarge', lang) : status === 415 ? t('http.unsupportedMediaType', lang) : t('http.badRequest', lang);
    return { status, body: { error: ErrorKind.Validation, message } };
  }
  return undefined;
}

/**
 * Maps any thrown error to the platform's error vocabulary, its texts in `lang` (by default the
 * language of the request being handled); unknown errors become a bare 500.
 */
export function toHttpError(error: unknown, lang: Lang = requestLanguage()): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const { message, fields } = error.rendered(lang);
    return { status: httpStatusOf[error.kind], body: { error: error.kind, message, ...(fields ? { fields } : {}), ...error.extra } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) fields[fieldName(issue.instancePath, issue.params)] ??= issue.message ?? t('field.invalid', lang);
    return { status: 400, body: { error: ErrorKind.Validation, message: t('http.invalidFields', lang), fields } };
  }
  const refusal = lifecycleRefusal(error);
  if (refusal) return { status: httpStatusOf[refusal.failure.type], body: refusalBody(refusal.failure, refusal.fromActivity, lang) };
  if (error instanceof WorkflowNotFoundError) {
    return { status: 410, body: { error: ErrorKind.Expired, message: t('http.requestEnded', lang) } };
  }
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && inputSqlStates.has(sqlState)) {
    return { status: 400, body: { error: ErrorKind.Validation, message: t('http.inconsistentValue', lang) } };
  }
  const fastifyError = error as FastifyError;
  const framework = frameworkBody(fastifyError.code, fastifyError.statusCode ?? 0, lang);
  if (framework) return framework;
  if (isDependencyUnavailable(error)) {
    return {
      status: 503,
      body: { error: ErrorKind.Unavailable, message: t('http.unavailable', lang), retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_S },
    };
  }
  return { status: 500, body: { error: 'Internal', message: t('http.internal', lang) } };
}

/** Seconds a client should wait before retrying while a dependency is down. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    // Explicit language: the error may come before the request's language is set (body parsing).
    const { status, body } = toHttpError(error, languageOf(request));
    if (status === 503) request.log.warn({ err: error }, 'dependency unavailable');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    if ((status === 429 || status === 503) && typeof body.retryAfterSeconds === 'number')
      reply.header('retry-after', String(body.retryAfterSeconds));
    return reply.status(status).send(body);
  });
  // Pages answer their own 503 (an HTML page with toHttpError's message), without the header a
  // browser or a load balancer needs to retry: it is added here, for every route at once.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_S));
    return payload;
  });
}

/**
 * Errors Fastify raises before routing (a malformed URL, a parameter too long): same answers as
 * any other error. Passed as the `frameworkErrors` option.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toHttpError(error, languageOf(request));
  void reply.status(status).send(body);
}
