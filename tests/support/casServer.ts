import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Directory, DirectoryPerson } from '../../lib/ldap/directory.js';

export interface CasUser {
  /** Ignored when the server checks passwords against a directory (`options.directory`). */
  password?: string;
  attributes: Record<string, string | string[]>;
}

export interface CasServer {
  baseUrl: string;
  /** Services the server was asked to send the browser back to after `/logout`. */
  logouts: string[];
  close(): Promise<void>;
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small but real CAS 3.0 server over HTTP, as the ENT would run it: `/login` (form, then a
 * service ticket redirect; the TGC cookie gives single sign-on), `/p3/serviceValidate` (each
 * ticket validates once, for the service it was issued to) and `/logout?service=`.
 */
export async function startCasServer(
  users: Record<string, CasUser>,
  port = 0,
  options: { directory?: Directory } = {},
): Promise<CasServer> {
  // With a directory, as the institution's CAS does: the password is checked by binding as the
  // person in LDAP, and a person missing from `users` gets their attributes from the directory.
  const directoryPeople = new Map<string, DirectoryPerson>();
  const checkPassword = async (username: string, password: string) => {
    if (!options.directory) return users[username] !== undefined && users[username]?.password === password;
    const person = await options.directory.authenticate(username, password).catch(() => undefined);
    if (person) directoryPeople.set(username, person);
    return person !== undefined;
  };
  const attributesOf = (username: string): Record<string, string | string[]> => {
    const known = users[username]?.attributes;
    if (known) return known;
    const person = directoryPeople.get(username);
    return person
      ? {
          eduPersonAffiliation: person.studentNumber ? ['student', 'member'] : ['member'],
          ...(person.studentNumber ? { supannEtuId: person.studentNumber } : {}),
          givenName: person.givenName,
          sn: person.familyName,
        }
      : {};
  };
  const tickets = new Map<string, { user: string; service: string }>();
  const ssoSessions = new Map<string, string>();
  const logouts: string[] = [];

  const redirectWithTicket = (response: ServerResponse, service: string, user: string) => {
    const ticket = `ST-${randomBytes(16).toString('hex')}`;
    tickets.set(ticket, { user, service });
    const target = new URL(service);
    target.searchParams.set('ticket', ticket);
    response.writeHead(302, { location: target.toString() }).end();
  };

  const loginForm = (
    service: string,
    error = '',
  ) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>ENT — Service d’authentification</title></head><body>
<h1>Service d’authentification de l’ENT</h1>${error ? `<p role="alert">${xmlEscape(error)}</p>` : ''}
<form method="post" action="/login?service=${encodeURIComponent(service)}">
<label>Identifiant <input name="username" autocomplete="username"></label>
<label>Mot de passe <input name="password" type="password"></label>
<button type="submit">Connexion</button></form></body></html>`;

  function cookieOf(request: IncomingMessage, name: string): string | undefined {
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [key, ...value] = part.trim().split('=');
      if (key === name) return value.join('=');
    }
    return undefined;
  }

  async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
    let body = '';
    for await (const chunk of request) body += chunk;
    return new URLSearchParams(body);
  }

  function validate(url: URL): string {
    const ticket = url.searchParams.get('ticket') ?? '';
    const service = url.searchParams.get('service') ?? '';
    const issued = tickets.get(ticket);
    tickets.delete(ticket); // a service ticket is single-use, valid or not
    if (!issued) return failure('INVALID_TICKET', `Ticket ${ticket} not recognized`);
    if (issued.service !== service) return failure('INVALID_SERVICE', 'Ticket was issued for another service');
    const attributes = Object.entries(attributesOf(issued.user))
      .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `      <cas:${name}>${xmlEscape(v)}</cas:${name}>`))
      .join('\n');
    return `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>${xmlEscape(issued.user)}</cas:user>
    <cas:attributes>
${attributes}
    </cas:attributes>
  </cas:authenticationSuccess>
</cas:serviceResponse>`;
  }

  const failure = (code: string, message: string) =>
    `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">\n  <cas:authenticationFailure code="${code}">${xmlEscape(message)}</cas:authenticationFailure>\n</cas:serviceResponse>`;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://cas.invalid');
    const service = url.searchParams.get('service') ?? '';
    if (url.pathname === '/login' && request.method === 'GET') {
      const sso = ssoSessions.get(cookieOf(request, 'CASTGC') ?? '');
      if (sso && service) return redirectWithTicket(response, service, sso);
      return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginForm(service));
    }
    if (url.pathname === '/login' && request.method === 'POST') {
      const form = await formOf(request);
      const username = form.get('username') ?? '';
      if (!(await checkPassword(username, form.get('password') ?? ''))) {
        return response
          .writeHead(401, { 'content-type': 'text/html; charset=utf-8' })
          .end(loginForm(service, 'Identifiant ou mot de passe incorrect'));
      }
      const tgc = `TGT-${randomBytes(16).toString('hex')}`;
      ssoSessions.set(tgc, username);
      response.setHeader('set-cookie', `CASTGC=${tgc}; Path=/; HttpOnly`);
      return redirectWithTicket(response, service, username);
    }
    if (url.pathname === '/p3/serviceValidate') {
      return response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(validate(url));
    }
    if (url.pathname === '/logout') {
      ssoSessions.delete(cookieOf(request, 'CASTGC') ?? '');
      logouts.push(service);
      response.setHeader('set-cookie', 'CASTGC=; Path=/; Max-Age=0');
      if (service) return response.writeHead(302, { location: service }).end();
      return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Déconnexion réussie</p>');
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logouts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
