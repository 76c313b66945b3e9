import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: the raw value only ever travels in a mail or a cookie. */
export function newRawToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored as SHA-256 digests. A fast hash is right here (unlike passwords): the input
 * has 256 bits of entropy, so there is nothing to brute-force, and lookups stay indexed.
 */
export function hashToken(raw: string): Buffer {
  return createHash('sha256').update(raw, 'utf8').digest();
}

/** Keys for throttling and ids derived from personal data, so neither is stored in clear. */
export function digestHex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The raw value of a mailed link, derived from a stable per-link id (the token id the workflow
 * minted, or the link's issue key) under the app secret. A retried mailing activity therefore
 * re-sends the very same link: if the first mail did leave before the process died, both copies
 * work (and share a Message-ID). Without the secret the value cannot be computed from the id.
 */
export function linkTokenFor(secret: string, stableId: string): string {
  return createHmac('sha256', secret).update(`link:${stableId}`, 'utf8').digest('base64url');
}

/**
 * The secrets a signature may have been made with: `APP_SECRET` first, then the former values
 * being rotated out (`APP_SECRET_PREVIOUS`), so a page rendered just before a rotation still posts.
 * Sign with the current one only; verify with any of these.
 */
export function acceptedSecrets(config: { secret: string; previousSecrets?: readonly string[] }): readonly string[] {
  return [config.secret, ...(config.previousSecrets ?? [])];
}
