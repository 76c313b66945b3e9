import type { Config } from '../../../lib/config.js';
import { createCasProvider } from './cas.js';
import { createOidcProvider } from './oidc.js';
import type { EntProvider } from './provider.js';

export const entPaths = { login: '/ent/connexion', callback: '/ent/retour', afterLogout: '/ent/deconnecte' } as const;

/** The configured ENT, or undefined when the platform runs without one (the routes answer 503). */
export function createEntProvider(config: Config): EntProvider | undefined {
  const { ent } = config;
  const base = config.http.publicBaseUrl;
  const urls = { callback: `${base}${entPaths.callback}`, afterLogout: `${base}${entPaths.afterLogout}` };
  if (ent.protocol === 'oidc' && ent.oidc.issuer && ent.oidc.clientId) {
    return createOidcProvider(
      { issuer: ent.oidc.issuer, clientId: ent.oidc.clientId, clientSecret: ent.oidc.clientSecret, scopes: ent.oidc.scopes },
      urls,
    );
  }
  if (ent.protocol === 'cas' && ent.cas.baseUrl) return createCasProvider(ent.cas.baseUrl, urls);
  return undefined;
}
