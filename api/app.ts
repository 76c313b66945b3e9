import type { Socket } from 'node:net';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  type FastifyPluginAsyncZod,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase } from '../db/health.js';
import { ErrorKind } from '../lib/errors.js';
import { defaultLanguage, t } from '../lib/i18n/index.js';
import { importPath, routeModulePaths } from '../lib/lifecycleModules.js';
import { installMetrics } from '../lib/metrics/endpoint.js';
import { installHttpTracing } from '../lib/telemetry/http.js';
import { traceLogFields } from '../lib/telemetry/tracing.js';
import type { ApiDeps } from './deps.js';
import { frameworkErrorHandler, registerErrorHandler } from './errors.js';
import { installHttpConformance } from './httpConformance.js';
import { installLanguage } from './language.js';
import { docsCspOptions, installSecurityHeaders } from './security/headers.js';
import { installOriginCheck } from './security/origin.js';
import { installRateLimits, plainIp } from './security/rateLimits.js';
import { installZodMessages } from './zodMessages.js';

/** Raw tokens travel in link paths: keep them out of the logs. */
const redactUrl = (url: string) =>
  url
    .replace(/\/liens\/[^/?#]+/, '/liens/…')
    .replace(/\/links\/[^/?#]+/, '/links/…')
    .replace(/\/decisions\/[^/?#]+/, '/decisions/…')
    .replace(/(\/ent\/retour)\?[^#]*/, '$1?…');

/**
 * A request Node's HTTP parser could not read (no route, no headers to negotiate with): answered
 * in the catalogue's default language instead of Fastify's « Client Error ».
 */
function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, key] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'http.payloadTooLarge' as const]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'http.badRequest' as const]
        : [400, 'Bad Request', 'http.badRequest' as const];
  const body = JSON.stringify({ error: ErrorKind.Validation, message: t(key, defaultLanguage) });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export async function buildApp(
  deps: ApiDeps,
  options: { logger?: boolean; logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const { trustedProxies } = deps.config.security;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            // The client's address on every request line: Fastify's `ip`, through the trusted proxies only.
            serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url), ip: plainIp(req.ip) }) },
            // The trace and span ids of the request in each of its log lines (lib/telemetry).
            mixin: traceLogFields,
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: 64 * 1024,
    // X-Forwarded-For is believed only from the proxies listed in TRUSTED_PROXIES (none by default):
    // anyone else could write any address there and slip past the per-IP limits.
    trustProxy: trustedProxies.length ? trustedProxies : false,
    // Fastify's own answers (bad URL, a parameter too long, an unreadable request) use our words too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only (plus HTML forms, below): a text/plain body is refused with 415, not half-parsed.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installZodMessages();
  registerErrorHandler(app);
  installLanguage(app);
  installHttpConformance(app);
  // Operations (lib/telemetry, lib/metrics): a server span per request, request metrics, GET /metrics.
  installHttpTracing(app);
  installMetrics(app, deps);

  await app.register(cookie);
  // Security (issue 12): headers, CSRF origin check, per-IP limits, before any route is registered.
  const { oidc, cas } = deps.config.ent;
  const entOrigins = [oidc.issuer, cas.baseUrl].filter((url): url is string => Boolean(url));
  await installSecurityHeaders(app, deps.config.http.publicBaseUrl, entOrigins);
  installOriginCheck(app, deps.config.http.publicBaseUrl);
  await installRateLimits(app, deps.config.security);
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Plateforme d’approbation universitaire',
        description: 'API des démarches : comptes candidats (eCandidat), liens reçus par courriel, connexion.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    // A 204 has no body: documented without content (a `z.null()` would otherwise read as JSON, and
    // clients such as schemathesis then expect a JSON body and a Content-Type that a 204 never has).
    transformObject: (documentObject) => {
      const spec = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      for (const item of Object.values((spec as { paths?: Record<string, Record<string, unknown>> }).paths ?? {}))
        for (const operation of Object.values(item) as { responses?: Record<string, { content?: unknown }> }[])
          if (operation?.responses?.['204']) delete operation.responses['204'].content;
      return spec;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', ...docsCspOptions(deps.config.http.publicBaseUrl) });

  app.get('/health', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => {
    await pingDatabase(deps.db);
    return { status: 'ok' as const };
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Every `api/<folder>/routes.ts` registers its own routes (lib/lifecycleModules.ts finds them).
  for (const path of routeModulePaths()) {
    const module = (await importPath(path)) as { routes: (deps: ApiDeps) => FastifyPluginAsyncZod };
    await app.register(module.routes(deps));
  }
  return app;
}
