import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of an outbound notification, after the common webhook scheme:
 *   X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under the shared secret>
 * The timestamp is signed with the body, so a captured request cannot be replayed later than the
 * receiver's tolerance; several `v1=` may be sent during a secret rotation.
 */
export const signatureHeader = 'x-signature';
export const eventIdHeader = 'x-event-id';

export function sign(body: string, secret: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type SignatureCheck = 'ok' | 'malformed' | 'stale' | 'mismatch';

/** Checks a signature header against the raw body, within `toleranceSeconds` of `nowSeconds`. */
export function verify(
  header: string | undefined,
  body: string,
  secrets: readonly string[],
  nowSeconds: number,
  toleranceSeconds = 300,
): SignatureCheck {
  if (!header) return 'malformed';
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const candidates = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => Buffer.from(v!, 'hex'));
  if (!Number.isInteger(t) || candidates.length === 0) return 'malformed';
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return 'stale';
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
    if (candidates.some((c) => c.length === expected.length && timingSafeEqual(c, expected))) return 'ok';
  }
  return 'mismatch';
}
