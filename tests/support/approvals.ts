import { createPasswordHasher } from '../../lib/passwords.js';
import type { StaffRole } from '../../workflows/kit/approval/contract.js';
import type { ReceivedMail } from './mailbox.js';
import { csrfOfForm } from './users.js';
import type { World } from './world.js';

let counter = 0;

export interface TestStaff {
  id: string;
  key: string;
  email: string;
  name: string;
  token: string;
  auth: { authorization: string };
}

/** A staff member with the given roles, logged in through the API (the session token is theirs). */
export async function createStaff(world: World, roles: { role: StaffRole; scope?: string }[], name?: string): Promise<TestStaff> {
  counter += 1;
  const email = `staff.${Date.now().toString(36)}.${counter}@universite.example`;
  const password = 'Personnel-2026!';
  const displayName = name ?? `Personnel ${counter}`;
  const passwordHash = await createPasswordHasher(world.config.argon2).hash(password);
  const [row] = await world.db('staff_accounts').insert({ email, display_name: displayName, password_hash: passwordHash }).returning('id');
  if (roles.length) await world.db('staff_roles').insert(roles.map((r) => ({ staff_id: row.id, role: r.role, scope: r.scope ?? '' })));
  const login = await world.api('POST', '/api/staff/sessions', { email, password });
  if (login.status !== 201) throw new Error(`staff login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    id: row.id,
    key: `staff:${row.id}`,
    email,
    name: displayName,
    token: login.body.token,
    auth: { authorization: `Bearer ${login.body.token}` },
  };
}

/** A one-step plan long enough not to fire during a test, unless overridden. */
export const calmPlan = { deadline: 'PT10M', onDeadline: 'expire' as const };

/** Submits a demonstration request as `requester` (a staff member or a candidate session). */
export async function submitRequest(
  world: World,
  auth: Record<string, string>,
  body: { title?: string; details?: Record<string, string>; steps: unknown[] },
) {
  const response = await world.api(
    'POST',
    '/api/approvals/demo-requests',
    { title: body.title ?? 'Pré-inscription à « Excel avancé »', details: body.details ?? { Session: '12 mars 2026' }, steps: body.steps },
    auth,
  );
  if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { requestId: string; workflowId: string };
}

export function decisionLinkIn(mail: ReceivedMail): string {
  const match = /(https?:\/\/[^\s]+\/decisions\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no decision link in mail "${mail.subject}":\n${mail.text}`);
  return match[1]!;
}

/** Opens the decision page (GET) then submits its form (POST) with one outcome button, as a browser would. */
export async function decideByLink(world: World, url: string, fields: { outcome: string; reason?: string; comment?: string }) {
  const page = await fetch(url);
  const html = await page.text();
  const csrf = csrfOfForm(html, new URL(url).pathname) ?? '';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.baseUrl },
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
  return { status: response.status, html: await response.text(), getStatus: page.status };
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
