import { createHmac } from 'node:crypto';
import { safeEqual } from './secrets.js';

/**
 * Stateless CSRF token for the forms behind mail links: an HMAC of the link's own token under the
 * app secret. Only a page that knew the link can produce it; nothing is stored.
 */
export function csrfTokenFor(secret: string, linkToken: string): string {
  return createHmac('sha256', secret).update(`csrf:${linkToken}`).digest('base64url');
}

/** `secrets`: the current one, or every accepted one during a rotation (`acceptedSecrets`). */
export function isValidCsrf(secrets: string | readonly string[], linkToken: string, candidate: unknown): boolean {
  if (typeof candidate !== 'string') return false;
  // Every candidate is compared (no early exit), so the time taken does not say which secret matched.
  let valid = false;
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets)
    valid = safeEqual(csrfTokenFor(secret, linkToken), candidate) || valid;
  return valid;
}

/** Origin check: a browser POST must come from our own pages (absent Origin is allowed for non-browser clients). */
export function isSameOrigin(publicBaseUrl: string, origin: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).origin === new URL(publicBaseUrl).origin;
  } catch {
    return false;
  }
}
