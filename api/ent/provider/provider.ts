import type { EntAttributes } from './profile.js';

/** What one login needs to remember between the redirect and the callback. */
export interface LoginSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * One ENT protocol (OIDC or CAS) seen from the platform: where to send the browser, how to turn
 * the callback into a verified subject and its attributes, and where the SSO session ends.
 */
export interface EntProvider {
  protocol: 'oidc' | 'cas';
  /** Stable name stored with each account: 'oidc:<issuer>' or 'cas:<base url>'. */
  name: string;
  authorizationUrl(secrets: LoginSecrets): Promise<string>;
  /** Throws an AppError when the code or ticket is refused by the provider. */
  complete(callbackUrl: URL, secrets: LoginSecrets): Promise<{ subject: string; attributes: EntAttributes }>;
  logoutUrl(): Promise<string | undefined>;
}

export interface EntUrls {
  /** The callback: `GET /ent/retour`. */
  callback: string;
  /** Where the provider sends the browser back after its own logout. */
  afterLogout: string;
}
