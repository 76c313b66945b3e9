import { upsertEntAccount } from '../../db/entAccounts.js';
import { createSession, type PrincipalKind } from '../../db/sessions.js';
import { createPasswordHasher } from '../../lib/passwords.js';
import { hashToken, newRawToken } from '../../lib/secrets.js';
import { type TestStaff, waitUntil } from './approvals.js';
import type { World } from './world.js';

let counter = 0;
const unique = () => {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
};
const password = 'Offres-2026!';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * An active graduate (alumni member), written as the end of their registration would leave it,
 * then logged in through the real login endpoint. The registration itself is tested elsewhere.
 */
export async function activeGraduate(world: World, firstNames = 'Inès') {
  const email = `alumni.${unique()}@example.org`;
  const passwordHash = await createPasswordHasher(world.config.argon2).hash(password);
  const [row] = await world
    .db('graduate_accounts')
    .insert({
      last_name: 'Moreau',
      first_names: firstNames,
      birth_date: '1990-05-04',
      email,
      password_hash: passwordHash,
      status: 'active',
      registry_match: 'present',
      validated_at: world.db.fn.now(),
    })
    .returning('id');
  const login = await world.api('POST', '/api/graduates/sessions', { email, password });
  if (login.status !== 201) throw new Error(`graduate login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: row.id as string, email, name: `${firstNames} Moreau`, auth: bearer(login.body.token) };
}

/** An active recruiter, with or without the right to post offers, logged in through the real endpoint. */
export async function activeRecruiter(world: World, options: { canPostOffers: boolean }) {
  const email = `rh.${unique()}@entreprise.example`;
  const passwordHash = await createPasswordHasher(world.config.argon2).hash(password);
  const [row] = await world
    .db('recruiter_accounts')
    .insert({
      company_name: 'Volcans Industrie',
      company_address: '1 rue du Puy, 63000 Clermont-Ferrand',
      contact_last_name: 'Roux',
      contact_first_name: 'Claire',
      email,
      password_hash: passwordHash,
      status: 'active',
      terms_version: '2026-01',
      terms_accepted_at: world.db.fn.now(),
      can_post_offers: options.canPostOffers,
    })
    .returning('id');
  const login = await world.api('POST', '/api/recruiters/sessions', { email, password });
  if (login.status !== 201) throw new Error(`recruiter login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: row.id as string, email, auth: bearer(login.body.token) };
}

/** A student as the ENT login leaves them (account + session); the ENT flow is tested elsewhere. */
export async function entStudent(world: World) {
  const id = unique();
  const account = await upsertEntAccount(world.db, {
    provider: 'test',
    subject: id,
    profile: 'student',
    firstName: 'Lou',
    lastName: 'Martin',
    email: `etudiant.${id}@etu.example`,
    studentNumber: `E${id}`,
    affiliations: ['student'],
  });
  return { email: account.email!, auth: await sessionFor(world, 'student', account.id) };
}

/** A session of any kind, for the checks that a kind is refused. */
export async function sessionFor(world: World, kind: PrincipalKind, principalId: string) {
  const raw = newRawToken();
  await createSession(world.db, {
    tokenHash: hashToken(raw),
    principalKind: kind,
    principalId,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return bearer(raw);
}

export function offerForm(overrides: Record<string, unknown> = {}) {
  const startsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    title: `Développeur·se TypeScript ${unique()}`,
    kind: 'emploi',
    company: 'Volcans Industrie',
    location: 'Clermont-Ferrand',
    description: 'Vous rejoignez l’équipe produit pour développer la plateforme de suivi des chantiers.',
    contract: 'CDI',
    startsOn,
    contactEmail: `recrutement.${unique()}@entreprise.example`,
    ...overrides,
  } as Record<string, unknown> & { title: string; contactEmail: string };
}

export async function postOffer(world: World, auth: Record<string, string>, overrides: Record<string, unknown> = {}) {
  const form = offerForm(overrides);
  const posted = await world.api('POST', '/api/offers', form, auth);
  if (posted.status !== 201) throw new Error(`posting failed: ${posted.status} ${JSON.stringify(posted.body)}`);
  return { ...form, id: posted.body.id as string };
}

export async function offerStatus(world: World, id: string): Promise<string> {
  return (await world.db('job_offers').where({ id }).first('status')).status;
}

export const waitForStatus = (world: World, id: string, status: string, timeoutMs = 20_000) =>
  waitUntil(async () => (await offerStatus(world, id)) === status, timeoutMs);

/** The webmaster decides from their inbox on the pending moderation of the offer titled `title`. */
export async function moderate(
  world: World,
  webmaster: TestStaff,
  title: string,
  decision: { outcome: string; reason?: string; comment?: string },
) {
  const task = await waitUntil(async () => {
    const inbox = await world.api('GET', '/api/approvals/inbox', undefined, webmaster.auth);
    return (inbox.body.items as { taskId: string; title: string }[] | undefined)?.find((i) => i.title.includes(title));
  });
  const answer = await world.api('POST', `/api/approvals/inbox/${task.taskId}/decision`, decision, webmaster.auth);
  if (answer.status !== 200) throw new Error(`decision failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** A small, real-looking PDF (only the magic bytes matter to the check). */
/**
 * A real one-page PDF (catalog, page tree, page, content stream, cross-reference table), padded
 * to `size` bytes inside its content stream: the CV check parses it with pdf.js.
 */
export function pdfBytes(size = 2048, text = 'CV de test') {
  const build = (padding: number) => {
    const content = Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET\n%${' '.repeat(Math.max(0, padding))}\n`, 'latin1');
    const objects: (string | Buffer)[] = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    const parts = [Buffer.from('%PDF-1.7\n% CV de test\n', 'latin1')];
    const offsets: number[] = [];
    let length = parts[0]!.length;
    objects.forEach((body, index) => {
      offsets.push(length);
      const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
      parts.push(object);
      length += object.length;
    });
    const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
    return Buffer.concat(parts);
  };
  const bare = build(0);
  return bare.length >= size ? bare : build(size - bare.length);
}

/** Posts the multipart application form as a browser would. */
export async function apply(
  world: World,
  auth: Record<string, string>,
  offerId: string,
  form: { message?: string; cv?: Buffer; filename?: string; contentType?: string },
) {
  const body = new FormData();
  if (form.message !== undefined) body.append('message', form.message);
  if (form.cv)
    body.append('cv', new Blob([new Uint8Array(form.cv)], { type: form.contentType ?? 'application/pdf' }), form.filename ?? 'cv.pdf');
  const response = await fetch(`${world.baseUrl}/api/offers/${offerId}/applications`, { method: 'POST', headers: auth, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
