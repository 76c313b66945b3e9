import { createHmac } from 'node:crypto';
import { hashToken } from '../secrets.js';

/**
 * The single-use secret of a directory request, derived from its id under APP_SECRET: a retried
 * mailing re-sends the same value, and only its hash is stored. A code (8 digits, typed by the
 * person, attempts limited) for « Première connexion ? »; a link token for the others.
 */
export function activationCodeFor(secret: string, requestId: string): string {
  const digest = createHmac('sha256', secret).update(`directory-code:${requestId}`, 'utf8').digest();
  return String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0');
}

export function linkSecretFor(secret: string, requestId: string): string {
  return createHmac('sha256', secret).update(`directory-link:${requestId}`, 'utf8').digest('base64url');
}

/** What the URL carries: the request's id and its secret. */
export const linkTokenOf = (secret: string, requestId: string) => `${requestId}.${linkSecretFor(secret, requestId)}`;

export function parseLinkToken(token: string): { requestId: string; secretHash: Buffer } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { requestId: match[1]!, secretHash: hashToken(match[2]!) } : undefined;
}
