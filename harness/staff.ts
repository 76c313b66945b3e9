/**
 * A member of staff who submits the demonstration requests of the decision scenarios (the
 * benchmark's and the fault suite's): the demonstration lifecycle is for staff only (issue 12).
 * Written straight to the database, then logged in through the real endpoint, as the tests do.
 */
import { createDb } from '../db/connection.js';
import { createPasswordHasher } from '../lib/passwords.js';
import { http } from './candidates.js';

export const STAFF_PASSWORD = 'Agent-Banc-Essai-2026';

export async function staffSession(baseUrl: string, databaseUrl: string, runId: string): Promise<string> {
  const email = `agent.${runId}@universite.example`;
  const db = createDb(databaseUrl, 1);
  try {
    const passwordHash = await createPasswordHasher({ memoryCost: 4096, timeCost: 1 }).hash(STAFF_PASSWORD);
    await db('staff_accounts')
      .insert({ email, display_name: `Agent ${runId}`, password_hash: passwordHash })
      .onConflict('email')
      .ignore();
  } finally {
    await db.destroy();
  }
  const login = await http(baseUrl, 'POST', '/api/staff/sessions', { email, password: STAFF_PASSWORD });
  if (login.status !== 201) throw new Error(`staff login: ${login.status} ${login.text.slice(0, 200)}`);
  return login.body.token as string;
}

/** What the benchmark and the fault suite print about the security limits they run with. */
export function limitsNote(settings: Record<string, string>): string {
  return `security limits on (login throttle, mail quotas, per-IP limits); the harness's own address is allow-listed: RATE_LIMIT_ALLOW_LIST=${settings.RATE_LIMIT_ALLOW_LIST}, MAIL_LIMIT_PER_USER=${settings.MAIL_LIMIT_PER_USER}, NODE_ENV=${settings.NODE_ENV} (the decision scenarios drive the demonstration lifecycle, which production does not have)`;
}
