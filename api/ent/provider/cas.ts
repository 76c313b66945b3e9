import { AppError, ErrorKind } from '../../../lib/errors.js';
import { msg } from '../../../lib/i18n/index.js';
import type { EntAttributes } from './profile.js';
import type { EntProvider, EntUrls, LoginSecrets } from './provider.js';
import { childNamed, localName, parseXml } from './xml.js';

/**
 * CAS 3.0 (Apereo CAS, the protocol of most French ENTs): the browser goes to `/login?service=`,
 * comes back with a service ticket, and the server validates it once at `/p3/serviceValidate`,
 * which also releases the attributes. The service URL carries our `state`, so the callback is
 * bound to the browser that started the login, as with OIDC.
 */
export function createCasProvider(baseUrl: string, urls: EntUrls): EntProvider {
  const serviceFor = (state: string) => `${urls.callback}?state=${encodeURIComponent(state)}`;

  return {
    protocol: 'cas',
    name: `cas:${baseUrl}`,

    async authorizationUrl(secrets: LoginSecrets) {
      return `${baseUrl}/login?service=${encodeURIComponent(serviceFor(secrets.state))}`;
    },

    async complete(callbackUrl: URL, secrets: LoginSecrets) {
      const ticket = callbackUrl.searchParams.get('ticket');
      if (!ticket) throw new AppError(ErrorKind.Validation, msg('ent.noTicket'));
      const validation = new URL(`${baseUrl}/p3/serviceValidate`);
      validation.searchParams.set('service', serviceFor(secrets.state));
      validation.searchParams.set('ticket', ticket);
      const response = await fetch(validation, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new AppError(ErrorKind.Unavailable, msg('ent.providerDown'));
      return parseServiceResponse(await response.text());
    },

    async logoutUrl() {
      return `${baseUrl}/logout?service=${encodeURIComponent(urls.afterLogout)}`;
    },
  };
}

/** Reads `<cas:serviceResponse>`: success gives the user and its (multi-valued) attributes. */
export function parseServiceResponse(xml: string): { subject: string; attributes: EntAttributes } {
  let response: ReturnType<typeof childNamed>;
  try {
    response = childNamed(parseXml(xml), 'serviceResponse');
  } catch {
    throw new AppError(ErrorKind.Unavailable, msg('ent.providerUnreadable'));
  }
  const success = childNamed(response, 'authenticationSuccess');
  const subject = childNamed(success, 'user')?.text.trim();
  if (!success || !subject) {
    const code = childNamed(response, 'authenticationFailure')?.attributes.code ?? 'UNKNOWN';
    throw new AppError(ErrorKind.Unauthenticated, msg('ent.refusedWithCode', { code }));
  }
  const attributes: EntAttributes = {};
  for (const element of childNamed(success, 'attributes')?.children ?? []) {
    const name = localName(element);
    attributes[name] = [...(attributes[name] ?? []), element.text.trim()];
  }
  return { subject, attributes };
}
