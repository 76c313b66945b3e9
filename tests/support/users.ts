import { linkIn } from './mailbox.js';
import type { World } from './world.js';

let counter = 0;

/** A unique, valid candidate for each call. */
export function newCandidate(
  overrides: Partial<Record<'lastName' | 'firstName' | 'email' | 'emailConfirmation' | 'password', string>> = {},
) {
  counter += 1;
  const email = overrides.email ?? `candidat.${Date.now().toString(36)}.${counter}@example.org`;
  return {
    lastName: 'Kheloufi',
    firstName: 'Sami',
    email,
    emailConfirmation: overrides.emailConfirmation ?? email,
    password: 'Candidat-Volcan-2026',
    ...overrides,
  };
}

/** The CSRF token of the page's form that posts to `action` (pages also carry the header's forms). */
export function csrfOfForm(html: string, action: string): string | undefined {
  const escaped = action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const form = new RegExp(`<form[^>]*action="${escaped}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  return /name="csrf" value="([^"]+)"/.exec(form?.[1] ?? '')?.[1];
}

/** Opens the link page (GET) then submits its form (POST), as a browser would. */
export async function followLink(world: World, url: string, fields: Record<string, string> = {}) {
  const page = await fetch(url);
  const html = await page.text();
  const csrf = csrfOfForm(html, new URL(url).pathname);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.baseUrl },
    body: new URLSearchParams({ ...(csrf ? { csrf } : {}), ...fields }).toString(),
  });
  return { status: response.status, html: await response.text(), getStatus: page.status, getHtml: html };
}

/** Creates an account and validates it through the mailed link; returns what the person knows. */
export async function createValidatedCandidate(world: World) {
  const candidate = newCandidate();
  const created = await world.api('POST', '/api/candidates', candidate);
  if (created.status !== 201) throw new Error(`creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const mail = await world.mailbox.waitFor(candidate.email, { subject: /Validez votre compte/ });
  const validated = await followLink(world, linkIn(mail));
  if (validated.status !== 200) throw new Error(`validation failed: ${validated.status}`);
  const fileNumber = /numéro de dossier\) est (EC\d{7})/.exec(validated.html)?.[1];
  return { ...candidate, accountId: created.body.accountId as string, fileNumber: fileNumber! };
}

export async function login(world: World, login: string, password: string) {
  return world.api('POST', '/api/sessions', { login, password });
}
