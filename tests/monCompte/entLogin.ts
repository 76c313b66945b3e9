import type { CasServer } from '../support/casServer.js';
import { EntBrowser } from '../support/entBrowser.js';
import type { World } from '../support/world.js';

/**
 * Logs in to the platform through the test CAS server, which checks the password by binding as
 * the person in slapd: answers the session's bearer header, or undefined when CAS refused.
 */
export async function entLogin(world: World, cas: CasServer, login: string, password: string) {
  const browser = new EntBrowser();
  const form = await browser.go(`${world.baseUrl}/ent/connexion`);
  if (!form.url.startsWith(`${cas.baseUrl}/login`)) throw new Error(`expected the CAS login form, got ${form.url}`);
  const back = await browser.submit(form, { username: login, password }, (url) => url.startsWith(`${world.baseUrl}/ent/retour`));
  if (!back.location) return undefined;
  await browser.go(back.location);
  const token = browser.cookies.get('session');
  return token ? { authorization: `Bearer ${token}` } : undefined;
}
