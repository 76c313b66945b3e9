import type { FastifyInstance } from 'fastify';
import { ErrorKind } from '../lib/errors.js';
import { t } from '../lib/i18n/index.js';
import { languageOf } from './language.js';
import { errorResponse } from './schemas.js';

/**
 * HTTP details every route shares, installed before the routes are registered:
 * - every documented route also documents the error body (`default`), so clients and fuzzers
 *   know the shape of any 4xx/5xx;
 * - a NUL character is refused up front (PostgreSQL text cannot hold one: it would become a 500);
 * - a body nested deeper than `maxDepth` is refused (no schema of ours nests that deep, and walking
 *   it recursively, as `JSON.stringify` does, overflowed the stack: a 500);
 * - a known path asked with another method answers 405 with `Allow`, not 404.
 */
/** No request body of the API nests deeper than a few levels; 32 leaves room for any front-end. */
const maxDepth = 32;

/**
 * Walks a parsed body without recursion: `deep` when it nests deeper than `maxDepth`, `nul` when a
 * key or a string holds a NUL character, else undefined.
 */
export function bodyProblem(body: unknown): 'deep' | 'nul' | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul';
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= maxDepth) return 'deep';
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return 'nul';
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

export function installHttpConformance(app: FastifyInstance): void {
  const routes: { method: string; pattern: RegExp }[] = [];

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const pattern = new RegExp(
      `^${route.url
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/:[^/]+/g, '[^/]+')}/?$`,
    );
    for (const method of methods) routes.push({ method: String(method).toUpperCase(), pattern });
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (schema && !schema.hide) schema.response = { ...(schema.response ?? {}), default: errorResponse };
  });

  app.addHook('onRequest', async (request, reply) => {
    if (/%00/i.test(request.url)) {
      return reply.status(400).send({ error: ErrorKind.Validation, message: t('http.nulInUrl', languageOf(request)) });
    }
  });
  app.addHook('preValidation', async (request, reply) => {
    const problem = bodyProblem(request.body);
    if (problem === 'nul')
      return reply.status(400).send({ error: ErrorKind.Validation, message: t('http.nulInBody', languageOf(request)) });
    if (problem === 'deep')
      return reply.status(400).send({ error: ErrorKind.Validation, message: t('security.tooDeep', languageOf(request)) });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const lang = languageOf(request);
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length) {
      return reply
        .status(405)
        .header('allow', allowed.join(', '))
        .send({
          error: 'MethodNotAllowed',
          message: t('http.methodNotAllowed', lang, { method: request.method, allowed: allowed.join(', ') }),
        });
    }
    return reply.status(404).send({ error: ErrorKind.NotFound, message: t('http.notFound', lang, { method: request.method, path }) });
  });
}
