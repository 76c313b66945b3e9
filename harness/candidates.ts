/**
 * A candidate going through « Créer un compte » over HTTP, as a person with a browser would:
 * create the account, read the validation mail, open the link (GET page) and submit its form
 * (POST with the page's CSRF token), then log in. Timed for the benchmark; with `patient`, every
 * step is retried through outages (5xx, refused connections) and every answer is recorded, for
 * the fault suite.
 */
import type { Inbox, InboxMail } from './inbox.js';
import { linkIn } from './inbox.js';

export const subjects = {
  validation: /Validez votre compte/,
  validated: /Votre compte est validé/,
};

export const PASSWORD = 'Candidat-Volcan-2026';

export interface Answer {
  status: number; // 0 = no HTTP answer (connection refused, reset, timeout)
  body: any;
  text: string;
  /** The Retry-After header, when there is one (a 503 while a dependency is down must carry it). */
  retryAfter?: string;
}

export async function http(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Answer> {
  try {
    const form = typeof body === 'string';
    const response = await fetch(path.startsWith('http') ? path : `${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* an HTML page */
    }
    const retryAfter = response.headers.get('retry-after');
    return { status: response.status, body: parsed, text, ...(retryAfter ? { retryAfter } : {}) };
  } catch (error) {
    return { status: 0, body: undefined, text: String((error as Error).cause ?? error) };
  }
}

/** The readable text of an HTML page or JSON error, for error messages. */
export function answerText(answer: Answer, max = 200): string {
  const text = answer.text
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, max);
}

/** The 410 the workflow's Update validator gives a link it does not know (yet): « remplacé ». */
export const isSupersededAnswer = (answer: Answer) => answer.status === 410 && /remplacé/.test(answer.text);

export function candidateFor(runId: string, index: number) {
  const email = `candidat.${runId}.${index}@example.org`;
  return { lastName: 'Benchmark', firstName: `Candidat${index}`, email, emailConfirmation: email, password: PASSWORD };
}

/**
 * GET the link page (changes nothing), then POST its form as the browser would, with the page's
 * CSRF token and `fields` (e.g. a decision's outcome). A POST refused as « remplacé » although this
 * is the newest link means the person clicked before the workflow had recorded the link it mailed
 * (see the report); with `retrySuperseded` we click again after 25 ms, up to 2 s, and count it.
 */
export async function openAndSubmitLink(
  baseUrl: string,
  url: string,
  options: { retrySuperseded?: boolean; timeoutMs?: number; fields?: Record<string, string> } = {},
): Promise<{ get: Answer; getMs: number; post?: Answer; postMs?: number; postedAt?: number; supersededRetries: number }> {
  const t0 = performance.now();
  const get = await http(baseUrl, 'GET', url, undefined, {}, options.timeoutMs);
  const getMs = performance.now() - t0;
  const csrf = /name="csrf" value="([^"]+)"/.exec(get.text)?.[1];
  if (get.status !== 200 || !csrf) return { get, getMs, supersededRetries: 0 };
  const postedAt = Date.now();
  const started = performance.now();
  let supersededRetries = 0;
  for (;;) {
    const post = await http(
      baseUrl,
      'POST',
      url,
      new URLSearchParams({ csrf, ...options.fields }).toString(),
      { origin: baseUrl },
      options.timeoutMs,
    );
    if (options.retrySuperseded && isSupersededAnswer(post) && supersededRetries < 80) {
      supersededRetries += 1;
      await new Promise((resolve) => setTimeout(resolve, 25));
      continue;
    }
    return { get, getMs, post, postMs: performance.now() - started, postedAt, supersededRetries };
  }
}

// ---------------------------------------------------------------------------------------------
// Benchmark: one lifecycle, timed, no retries (any unexpected answer fails it).

export interface LifecycleTimings {
  /** POST /api/candidates until its 201. */
  startMs: number;
  /** The 201 until the validation mail is in the inbox. */
  createdToMailMs: number;
  /** POST of the link form until its 200: the Update returned, the account is active. */
  validationToActiveMs: number;
  /** POST /api/sessions until its 201. */
  loginMs: number;
  /** Arrival until everything is done (welcome mail received, workflow closed). */
  totalMs: number;
  accountId: string;
  /** POSTs refused as « remplacé » before the workflow knew its own link (a product race). */
  supersededRetries: number;
}

export class LifecycleError extends Error {}

function expect(step: string, answer: Answer, status: number): void {
  if (answer.status !== status) throw new LifecycleError(`${step}: expected ${status}, got ${answer.status} ${answerText(answer)}`);
}

export async function timedCandidateLifecycle(context: {
  baseUrl: string;
  inbox: Inbox;
  runId: string;
  index: number;
  /** Resolves when the workflow has closed (the benchmark asks Temporal). */
  workflowClosed(accountId: string): Promise<unknown>;
  /** Per HTTP call and per mail: generous, an overloaded run queues rather than fails. */
  timeoutMs?: number;
  /** Between the mail's arrival and the click. */
  thinkMs?: number;
}): Promise<LifecycleTimings> {
  const { baseUrl, inbox } = context;
  const timeoutMs = context.timeoutMs ?? 600_000;
  const candidate = candidateFor(context.runId, context.index);
  const t0 = performance.now();
  const created = await http(baseUrl, 'POST', '/api/candidates', candidate, {}, timeoutMs);
  const t1 = performance.now();
  expect('create', created, 201);
  const accountId = created.body.accountId as string;
  const createdAt = Date.now();

  const mail = await inbox.waitFor(candidate.email, subjects.validation, { timeoutMs });
  const createdToMailMs = Math.max(0, mail.receivedAt - createdAt);
  if (context.thinkMs) await new Promise((resolve) => setTimeout(resolve, context.thinkMs));

  const link = await openAndSubmitLink(baseUrl, linkIn(mail), { retrySuperseded: true, timeoutMs });
  expect('link page', link.get, 200);
  expect('link form', link.post!, 200);

  const t2 = performance.now();
  const session = await http(baseUrl, 'POST', '/api/sessions', { login: candidate.email, password: PASSWORD }, {}, timeoutMs);
  const loginMs = performance.now() - t2;
  expect('login', session, 201);

  await Promise.all([inbox.waitFor(candidate.email, subjects.validated, { timeoutMs }), context.workflowClosed(accountId)]);
  return {
    startMs: t1 - t0,
    createdToMailMs,
    validationToActiveMs: link.postMs!,
    loginMs,
    totalMs: performance.now() - t0,
    accountId,
    supersededRetries: link.supersededRetries,
  };
}

// ---------------------------------------------------------------------------------------------
// Fault suite: the same person, patient through outages.

export interface RecordedAnswer {
  email: string;
  step: 'create' | 'link page' | 'link form' | 'login';
  status: number;
  at: number;
  ms: number;
  retryAfter?: string;
}

export interface PatientOutcome {
  email: string;
  /** From the 201; undefined when creation never got a 2xx. */
  accountId?: string;
  /** A retry of the creation answered 409: an earlier attempt had committed although it failed. */
  createdBehindAnError: boolean;
  validationMails: number;
  /** Link POSTs refused as « remplacé » although the link was the newest (the workflow lagged). */
  supersededRefusals: number;
  /** Logins answered 403 « pas validé » after the link page had said « validé » or « déjà utilisé ». */
  loginsRefusedAfterValidation: number;
  done: boolean;
  error?: string;
}

const transient = (status: number) => status === 0 || status >= 500 || status === 429;

/** Retries `call` while the answer is transient (no answer, 5xx, 429), until `deadline`. */
async function patiently(
  email: string,
  step: RecordedAnswer['step'],
  answers: RecordedAnswer[],
  deadline: number,
  call: () => Promise<Answer>,
): Promise<Answer & { afterTransient: boolean }> {
  for (let attempt = 0; ; attempt++) {
    const started = Date.now();
    const answer = await call();
    answers.push({
      email,
      step,
      status: answer.status,
      at: started,
      ms: Date.now() - started,
      ...(answer.retryAfter ? { retryAfter: answer.retryAfter } : {}),
    });
    if (!transient(answer.status) || Date.now() > deadline) return { ...answer, afterTransient: attempt > 0 };
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 3_000)));
  }
}

export async function patientCandidateLifecycle(context: {
  baseUrl: string;
  inbox: Inbox;
  runId: string;
  index: number;
  /** Wait this long after the mail before clicking (spreads validations over the fault). */
  clickDelayMs: number;
  answers: RecordedAnswer[];
  timeoutMs: number;
}): Promise<PatientOutcome> {
  const { baseUrl, inbox, answers } = context;
  const deadline = Date.now() + context.timeoutMs;
  const candidate = candidateFor(context.runId, context.index);
  const outcome: PatientOutcome = {
    email: candidate.email,
    createdBehindAnError: false,
    validationMails: 0,
    supersededRefusals: 0,
    loginsRefusedAfterValidation: 0,
    done: false,
  };
  try {
    const created = await patiently(candidate.email, 'create', answers, deadline, () =>
      http(baseUrl, 'POST', '/api/candidates', candidate),
    );
    if (created.status === 201) outcome.accountId = created.body.accountId;
    // A 409 after a failed attempt: that attempt had committed although it answered an error.
    else if (created.status === 409 && created.afterTransient) outcome.createdBehindAnError = true;
    else throw new LifecycleError(`create: ${created.status} ${answerText(created)}`);

    const remaining = () => Math.max(1_000, deadline - Date.now());
    const mail: InboxMail = await inbox.waitFor(candidate.email, subjects.validation, { timeoutMs: remaining() });
    await new Promise((resolve) => setTimeout(resolve, context.clickDelayMs));
    // The newest validation mail holds the link that works (a resend replaces the previous one).
    const latest = () =>
      inbox
        .to(candidate.email)
        .filter((m) => subjects.validation.test(m.subject))
        .at(-1) ?? mail;
    outcome.validationMails = inbox.to(candidate.email).filter((m) => subjects.validation.test(m.subject)).length;

    let validated = false;
    while (!validated) {
      const url = linkIn(latest());
      const page = await patiently(candidate.email, 'link page', answers, deadline, () => http(baseUrl, 'GET', url));
      const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
      // « déjà utilisé »: nobody else has the link, so one of our earlier POSTs went through.
      if (page.status === 410 && /déjà été utilisé/.test(page.text)) break;
      if (page.status !== 200 || !csrf) throw new LifecycleError(`link page: ${page.status} ${answerText(page, 300)}`);
      const posted = await patiently(candidate.email, 'link form', answers, deadline, () =>
        http(baseUrl, 'POST', url, new URLSearchParams({ csrf }).toString(), { origin: baseUrl }),
      );
      if (isSupersededAnswer(posted)) {
        // The workflow has not recorded the link it mailed yet: the person tries again shortly.
        outcome.supersededRefusals += 1;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        continue;
      }
      if (posted.status === 200) validated = true;
      else if (posted.status === 409)
        validated = true; // an earlier attempt (answered 5xx) had validated it
      else throw new LifecycleError(`link form: ${posted.status} ${answerText(posted, 300)}`);
    }

    let session: Answer;
    for (;;) {
      session = await patiently(candidate.email, 'login', answers, deadline, () =>
        http(baseUrl, 'POST', '/api/sessions', { login: candidate.email, password: PASSWORD }),
      );
      // « déjà utilisé » can be answered while the first use is still activating the account.
      if (session.status !== 403 || Date.now() > deadline) break;
      outcome.loginsRefusedAfterValidation += 1;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    if (session.status !== 201) throw new LifecycleError(`login: ${session.status} ${answerText(session)}`);
    await inbox.waitFor(candidate.email, subjects.validated, { timeoutMs: remaining() });
    outcome.done = true;
  } catch (error) {
    outcome.error = (error as Error).message;
  }
  outcome.validationMails = inbox.to(candidate.email).filter((m) => subjects.validation.test(m.subject)).length;
  return outcome;
}
