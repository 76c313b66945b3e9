import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionLinkRoutes } from './approvals/linkRoutes.js';
import { approvalRoutes } from './approvals/routes.js';
import { portalRoutes } from './candidateAccount/portalRoutes.js';
import { candidateRoutes } from './candidateAccount/routes.js';
import { sessionRoutes } from './candidateAccount/sessionRoutes.js';
import type { ApiDeps } from './deps.js';
import { entPageRoutes } from './ent/pageRoutes.js';
import { entApiRoutes } from './ent/routes.js';
import { registerErrorHandler } from './errors.js';
import { graduateRoutes } from './graduateRegistration/routes.js';
import { installHttpConformance } from './httpConformance.js';
import { offerRoutes } from './jobOffer/routes.js';
import { linkRoutes } from './links/routes.js';
import { recruiterRoutes } from './recruiterRegistration/routes.js';
import { staffRoutes } from './staff/routes.js';
import { trainingRoutes } from './trainingPreRegistration/routes.js';

/** Raw tokens travel in link paths: keep them out of the logs. */
const redactUrl = (url: string) =>
  url
    .replace(/\/liens\/[^/?#]+/, '/liens/…')
    .replace(/\/links\/[^/?#]+/, '/links/…')
    .replace(/\/decisions\/[^/?#]+/, '/decisions/…')
    .replace(/(\/ent\/retour)\?[^#]*/, '$1?…');

export async function buildApp(deps: ApiDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url) }) },
          },
    bodyLimit: 64 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only (plus HTML forms, below): a text/plain body is refused with 415, not half-parsed.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  installHttpConformance(app);

  await app.register(cookie);
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
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => {
    await deps.db.raw('select 1');
    return { status: 'ok' as const };
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(candidateRoutes(deps), { prefix: '/api' });
  await app.register(sessionRoutes(deps), { prefix: '/api' });
  await app.register(trainingRoutes(deps), { prefix: '/api' });
  await app.register(linkRoutes(deps));
  await app.register(staffRoutes(deps), { prefix: '/api' });
  await app.register(approvalRoutes(deps), { prefix: '/api' });
  await app.register(decisionLinkRoutes(deps));
  await app.register(graduateRoutes(deps), { prefix: '/api' });
  await app.register(recruiterRoutes(deps), { prefix: '/api' });
  await app.register(entApiRoutes(deps), { prefix: '/api' });
  await app.register(offerRoutes(deps), { prefix: '/api' });
  await app.register(entPageRoutes(deps));
  await app.register(portalRoutes(deps));
  return app;
}
