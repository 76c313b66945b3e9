import type { Payload } from '@temporalio/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesOf } from '../../db/staffAccounts.js';
import { AesGcmPayloadCodec } from '../../lib/codec/aesGcmCodec.js';
import { safeEqual } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { sessionTokenOf } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';

/**
 * The codec endpoint of the Temporal UI (and of `temporal workflow show --codec-endpoint`): the
 * payloads of a history travel encrypted (lib/codec/), and an operator reads them in clear through
 * POST /codec/decode (and /codec/encode, to send a signal from the UI), as Temporal's « remote
 * codec » protocol defines them: `{ payloads: [{ metadata: {k: base64}, data: base64 }] }` both ways.
 *
 * Who may: a staff session holding `operateur` or `administrateur` (the UI sends the session cookie
 * when its codec setting includes cross-origin credentials), or `Authorization: Bearer CODEC_TOKEN`
 * (a UI server or the CLI). CORS is granted to TEMPORAL_UI_ORIGIN only (README « Reading a history »).
 */
const payloadJson = z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() });
const body = z.object({ payloads: z.array(payloadJson).max(1000) });
const operatorRoles = new Set(['operateur', 'administrateur']);

const fromJson = (p: z.infer<typeof payloadJson>): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

export function routes(deps: ApiDeps): FastifyPluginAsyncZod {
  const { config, db } = deps;
  const codec = new AesGcmPayloadCodec(config.temporal.payloadKeys);
  const sessions = createSessionUseCases(deps);
  const uiOrigin = config.codec.uiOrigin;

  /** CORS for the configured UI only: any other origin gets no grant (the browser keeps the answer from it). */
  const allowOrigin = (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (!uiOrigin || origin !== uiOrigin) return;
    reply.header('access-control-allow-origin', uiOrigin);
    reply.header('access-control-allow-credentials', 'true');
    reply.header('vary', 'Origin');
  };

  const authorised = async (request: FastifyRequest): Promise<boolean> => {
    const header = request.headers.authorization;
    if (config.codec.token && header?.toLowerCase().startsWith('bearer ') && safeEqual(header.slice(7).trim(), config.codec.token))
      return true;
    // A session cookie sent from a foreign page is not the operator's intent.
    const origin = request.headers.origin;
    if (origin && origin !== uiOrigin && origin !== new URL(config.http.publicBaseUrl).origin) return false;
    const token = sessionTokenOf(request);
    const session = token ? await sessions.authenticate(token) : undefined;
    if (session?.principal_kind !== 'staff') return false;
    return (await rolesOf(db, session.principal_id)).some((grant) => operatorRoles.has(grant.role));
  };

  return async (app) => {
    for (const action of ['encode', 'decode'] as const) {
      app.options(`/codec/${action}`, { schema: { hide: true } }, async (request, reply) => {
        allowOrigin(request, reply);
        if (reply.hasHeader('access-control-allow-origin')) {
          reply.header('access-control-allow-methods', 'POST, OPTIONS');
          reply.header('access-control-allow-headers', 'content-type, x-namespace, authorization');
          reply.header('access-control-max-age', '600');
        }
        return reply.status(204).send();
      });

      app.post(`/codec/${action}`, { schema: { hide: true, body } }, async (request, reply) => {
        allowOrigin(request, reply);
        reply.header('cache-control', 'no-store');
        if (!(await authorised(request))) return reply.status(401).send({ error: 'unauthenticated' });
        const payloads = request.body.payloads.map(fromJson);
        const result = action === 'decode' ? await codec.decode(payloads) : await codec.encode(payloads);
        return { payloads: result.map(toJson) };
      });
    }
  };
}
