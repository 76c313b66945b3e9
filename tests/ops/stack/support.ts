/**
 * Shared by the operations suite (`npm run test:ops`): the platform as production runs it (worker
 * and API child processes, harness/), plus what an operator would do by hand with it.
 */
import { randomBytes } from 'node:crypto';
import { answerText, candidateFor, http, openAndSubmitLink, PASSWORD } from '../../../harness/candidates.js';
import { decisionLinkIn, decisionSubject, type Inbox, linkIn } from '../../../harness/inbox.js';

/** A validated candidate's session token (create → validation mail → link → login). */
export async function candidateSession(baseUrl: string, inbox: Inbox, runId: string, index: number): Promise<string> {
  const candidate = candidateFor(runId, index);
  const created = await http(baseUrl, 'POST', '/api/candidates', candidate);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${answerText(created)}`);
  const mail = await inbox.waitFor(candidate.email, /Validez votre compte/);
  const used = await openAndSubmitLink(baseUrl, linkIn(mail), { retrySuperseded: true });
  if (used.post?.status !== 200) throw new Error(`validation: ${used.post?.status}`);
  const session = await http(baseUrl, 'POST', '/api/sessions', { login: candidate.email, password: PASSWORD });
  if (session.status !== 201) throw new Error(`login: ${session.status} ${answerText(session)}`);
  return session.body.token as string;
}

/** A one-step demonstration request decided by an external approver, with a plan given as data. */
export async function submitDemoRequest(
  baseUrl: string,
  session: string,
  approver: string,
  plan: { deadline: string; remindAfter?: string; remindEvery?: string },
): Promise<string> {
  const created = await http(
    baseUrl,
    'POST',
    '/api/approvals/demo-requests',
    {
      title: 'Demande d’exploitation',
      details: { Objet: 'exercice' },
      steps: [{ step: 'superieur', approvers: [{ email: approver }], plan }],
    },
    { authorization: `Bearer ${session}` },
  );
  if (created.status !== 201) throw new Error(`demo request: ${created.status} ${answerText(created)}`);
  return created.body.workflowId as string;
}

/** The approver opens the mailed decision link and approves through the page's form. */
export async function approveFromMail(baseUrl: string, inbox: Inbox, approver: string, rewriteTo?: string): Promise<number> {
  const mail = await inbox.waitFor(approver, decisionSubject);
  const link = rewriteTo ? decisionLinkIn(mail).replace(/^https?:\/\/[^/]+/, rewriteTo) : decisionLinkIn(mail);
  const decided = await openAndSubmitLink(baseUrl, link, { fields: { outcome: 'approve', comment: 'Accord' } });
  return decided.post?.status ?? decided.get.status;
}

export const runIdOf = () => randomBytes(3).toString('hex');

/** Parses Prometheus' text format into sample names → values (labels kept in the key). */
export function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?)\s+(\S+)/.exec(line);
    if (match) samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

/** The metric names (without labels) of a scrape. */
export const metricNames = (samples: Map<string, number>) => new Set([...samples.keys()].map((key) => key.replace(/\{.*$/, '')));

/** The value of `name{labels…}` whose labels include every one of `labels`. */
export function sample(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const [key, value] of samples) {
    if (key.replace(/\{.*$/, '') !== name) continue;
    if (Object.entries(labels).every(([k, v]) => key.includes(`${k}="${v}"`))) return value;
  }
  return undefined;
}
