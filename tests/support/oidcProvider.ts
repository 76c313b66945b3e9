import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface OidcUser {
  given_name: string;
  family_name: string;
  email: string;
  eduPersonAffiliation: string[];
  supannEtuId?: string;
}

export interface OidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the platform as a client once its URL is known (the platform needs the issuer first). */
  allowClient(appBaseUrl: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the `oidc-provider` package, with its development login pages) on a
 * loopback port, standing in for the ENT: any password works for the users given here.
 */
export async function startOidcProvider(users: Record<string, OidcUser>): Promise<OidcProvider> {
  const server: Server = createServer((_request, response) => {
    response.statusCode = 503;
    response.end('provider not ready');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'plateforme-approbations';
  const clientSecret = 'a-test-client-secret-of-sufficient-length';

  return {
    issuer,
    clientId,
    clientSecret,
    allowClient(appBaseUrl: string) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [`${appBaseUrl}/ent/retour`],
            post_logout_redirect_uris: [`${appBaseUrl}/ent/deconnecte`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: { openid: ['sub'], email: ['email'], profile: ['given_name', 'family_name', 'eduPersonAffiliation', 'supannEtuId'] },
        async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
          const user = users[sub];
          return user ? { accountId: sub, claims: async () => ({ sub, ...user }) } : undefined;
        },
        // The platform is a first-party client of the ENT: no consent screen, as at a university.
        async loadExistingGrant(ctx: KoaContextWithOIDC) {
          const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (existing) return ctx.oidc.provider.Grant.find(existing);
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
        pkce: { required: () => true },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        cookies: { keys: ['test-cookie-key-not-secret'] },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      });
      server.removeAllListeners('request');
      server.on('request', provider.callback());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
