import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The CSP of every answer: nothing may load, run or frame anything unless a page directive says so. */
const baseDirectives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'"],
  // Never any script: the pages work without one (no inline script, no script file).
  scriptSrc: ["'none'"],
  styleSrc: ["'self'"],
};

/**
 * The styles a server-rendered page carries inline (the frame's `<style>`, a few `style=""`
 * attributes), hashed so the page's CSP allows exactly those and nothing injected later. A page
 * whose CSS is served as a file (`/assets/…`) needs no hash: `style-src 'self'` covers it.
 */
function inlineStyleHashes(html: string): { elements: string[]; attributes: string[] } {
  const elements = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]!));
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => sha256(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')));
  return { elements: [...new Set(elements)], attributes: [...new Set(attributes)] };
}

const directiveText = (name: string, values: string[]) => `${name} ${values.join(' ')}`;

/**
 * Security headers on every answer (`@fastify/helmet`): a strict CSP (no script at all, frames
 * refused), `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (link pages carry
 * their token in the path), `X-Frame-Options: DENY`, HSTS when PUBLIC_BASE_URL is https. HTML
 * pages get the hashes of their own inline styles added to the CSP. The Swagger UI at `/docs`
 * runs scripts: @fastify/swagger-ui gives its routes their own CSP (hashes of its inline scripts),
 * scoped to them.
 */
export async function installSecurityHeaders(app: FastifyInstance, publicBaseUrl: string, formTargets: string[] = []): Promise<void> {
  const https = publicBaseUrl.startsWith('https://');
  // A form may post to us, and be redirected on to the ENT (« Se déconnecter » ends the ENT's session too):
  // form-action also governs the redirects that follow a form, so the ENT's origin is listed.
  const formAction = ["'self'", ...new Set(formTargets.map((url) => new URL(url).origin))];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...baseDirectives, formAction, ...(https ? { upgradeInsecureRequests: [] } : {}) },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The API is read by front-ends of other origins through their servers, not embedded: same-origin is right.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('text/html') || typeof payload !== 'string') return payload;
    const { elements, attributes } = inlineStyleHashes(payload);
    const directives = [
      "default-src 'none'",
      "base-uri 'none'",
      directiveText('form-action', formAction),
      "frame-ancestors 'none'",
      "img-src 'self'",
      "script-src 'none'",
      directiveText('style-src', ["'self'", ...elements]),
      ...(attributes.length ? [directiveText('style-src-attr', ["'unsafe-hashes'", ...attributes])] : []),
      ...(https ? ['upgrade-insecure-requests'] : []),
    ];
    reply.header('content-security-policy', directives.join('; '));
    return payload;
  });
}

/** The Swagger UI's own, relaxed CSP (its scripts by hash), as @fastify/swagger-ui computes it; no upgrade on plain http. */
export function docsCspOptions(publicBaseUrl: string) {
  const https = publicBaseUrl.startsWith('https://');
  return {
    staticCSP: true,
    transformStaticCSP: (header: string) =>
      (https ? header : header.replace(/\s*upgrade-insecure-requests;?/, '')).replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  };
}
