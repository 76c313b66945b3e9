import * as oidc from 'openid-client';
import { AppError, ErrorKind } from '../../../lib/errors.js';
import { msg } from '../../../lib/i18n/index.js';
import { toAttributes } from './profile.js';
import type { EntProvider, EntUrls, LoginSecrets } from './provider.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
}

// Plain http is only tolerated on loopback (tests, a provider on the same machine); a real ENT is https.
const isLoopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * OpenID Connect with openid-client: authorization code + PKCE (S256) + state + nonce, claims
 * from the ID token completed by the userinfo endpoint (providers often keep profile claims
 * there), RP-initiated logout when the provider advertises `end_session_endpoint`.
 */
export function createOidcProvider(settings: OidcSettings, urls: EntUrls): EntProvider {
  const issuer = new URL(settings.issuer);
  let discovered: Promise<oidc.Configuration> | undefined;
  // Discovery happens at the first login, not at start: an ENT that is down must not stop the API.
  const configuration = () => {
    discovered ??= oidc
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        // A person waits on the other side of every request: 10 s, not the default 30.
        timeout: 10,
        ...(isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch(() => {
        // Forget the failure so the next login retries; the cause stays server-side.
        discovered = undefined;
        throw new AppError(ErrorKind.Unavailable, msg('ent.providerDown'), undefined, {
          retryAfterSeconds: 5,
        });
      });
    return discovered;
  };

  return {
    protocol: 'oidc',
    name: `oidc:${settings.issuer}`,

    async authorizationUrl(secrets: LoginSecrets) {
      return oidc
        .buildAuthorizationUrl(await configuration(), {
          redirect_uri: urls.callback,
          scope: settings.scopes,
          state: secrets.state,
          nonce: secrets.nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
          code_challenge_method: 'S256',
        })
        .toString();
    },

    async complete(callbackUrl: URL, secrets: LoginSecrets) {
      const config = await configuration();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: secrets.codeVerifier,
          expectedState: secrets.state,
          expectedNonce: secrets.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims()!;
        const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        return { subject: claims.sub, attributes: toAttributes({ ...claims, ...userInfo }) };
      } catch (error) {
        if (error instanceof AppError) throw error;
        // fetch failed or timed out: the provider is unreachable, the login itself was not refused.
        const name = (error as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError' || (error instanceof TypeError && /fetch failed/.test(error.message))) {
          throw new AppError(ErrorKind.Unavailable, msg('ent.providerDown'), undefined, {
            retryAfterSeconds: 5,
          });
        }
        // Refused code, wrong state or nonce, bad signature: the login failed, start again.
        throw new AppError(ErrorKind.Unauthenticated, msg('ent.refused'), undefined, {
          reason: (error as { code?: string }).code,
        });
      }
    },

    async logoutUrl() {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(config, { client_id: settings.clientId, post_logout_redirect_uri: urls.afterLogout }).toString();
    },
  };
}
