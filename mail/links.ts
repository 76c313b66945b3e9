import type { Config } from '../lib/config.js';

/**
 * Every link a mail carries leads to the page that continues the person's journey. Each link has a
 * name and a URL template: by default a page of the reference portal under PUBLIC_BASE_URL; an
 * institution with its own front-end sets `MAIL_LINK_<NAME>` (e.g.
 * `MAIL_LINK_DECISION=https://intranet.univ.fr/decisions/{token}`) and its page calls the JSON API.
 * A template must keep the placeholders its link needs (checked at start, lib/config.ts).
 */
export const mailLinkDefinitions = {
  /** A candidate validates their new account (seed 001). */
  ACCOUNT_VALIDATION: { path: '/liens/{token}', placeholders: ['token'] },
  /** « J'ai oublié mes identifiants »: choose a new password. */
  PASSWORD_RESET: { path: '/liens/{token}', placeholders: ['token'] },
  /** A candidate validates a new e-mail address. */
  EMAIL_CHANGE: { path: '/liens/{token}', placeholders: ['token'] },
  /** A graduate validates their address, then continues (diploma choice or complete form). */
  GRADUATE_EMAIL_VALIDATION: { path: '/liens/{token}', placeholders: ['token'] },
  /** A recruiter validates their address. */
  RECRUITER_EMAIL_VALIDATION: { path: '/liens/{token}', placeholders: ['token'] },
  /** An approver's personal decision link. */
  DECISION: { path: '/decisions/{token}', placeholders: ['token'] },
  /** Where a validated candidate logs in. */
  CANDIDATE_LOGIN: { path: '/connexion', placeholders: [] },
  /** A graduate's registration: the next step (choose the diploma, complete the form) and its status. */
  GRADUATE_REGISTRATION: { path: '/diplomes/inscription/suivi', placeholders: [] },
  /** Where a validated graduate logs in. */
  GRADUATE_LOGIN: { path: '/diplomes/connexion', placeholders: [] },
  /** A recruiter's registration status. */
  RECRUITER_REGISTRATION: { path: '/entreprises/inscription/suivi', placeholders: [] },
  /** Where a validated recruiter logs in (« Connexion » of « ENTREPRISES/PARTENAIRES »). */
  RECRUITER_LOGIN: { path: '/entreprises/connexion', placeholders: [] },
  /** An offer's author: the offer in « Mes offres d'emploi » (status, history, edit, applications). */
  MY_OFFER: { path: '/carriere/mes-offres/{offerId}', placeholders: ['offerId'] },
  /** A member who applied: the offer they answered. */
  OFFER: { path: '/carriere/offres/{offerId}', placeholders: ['offerId'] },
  /** A training applicant: their request in « mes candidatures » (status, history, « Me désister »). */
  MY_TRAINING_REQUEST: { path: '/formation-continue/mes-candidatures/{requestId}', placeholders: ['requestId'] },
  /** A student's card: « Badge et accès » (its state, history, opposition) and the photo. */
  STUDENT_CARD: { path: '/mon-compte/badge', placeholders: [] },
  STUDENT_CARD_PHOTO: { path: '/mon-compte/photo', placeholders: [] },
} as const satisfies Record<string, { path: string; placeholders: readonly string[] }>;

export type MailLinkName = keyof typeof mailLinkDefinitions;
type PlaceholdersOf<N extends MailLinkName> = (typeof mailLinkDefinitions)[N]['placeholders'][number];
export type MailLinkParams<N extends MailLinkName> = [PlaceholdersOf<N>] extends [never] ? [] : [Record<PlaceholdersOf<N>, string>];

export const mailLinkNames = Object.keys(mailLinkDefinitions) as MailLinkName[];

/** The URL a mail carries for `name`, its placeholders filled (URL-encoded). */
export function mailLink<N extends MailLinkName>(config: Pick<Config, 'mailLinks'>, name: N, ...params: MailLinkParams<N>): string {
  const values = (params[0] ?? {}) as Record<string, string>;
  return config.mailLinks[name].replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? encodeURIComponent(values[key]!) : whole));
}

/**
 * The templates in force: `MAIL_LINK_<NAME>` when set, else the reference portal's page. Returns
 * the problems found (unknown names, not an http(s) URL, a placeholder missing) for the caller to
 * report with the other configuration errors.
 */
export function mailLinkTemplates(
  env: NodeJS.ProcessEnv,
  publicBaseUrl: string,
): { templates: Record<MailLinkName, string>; problems: string[] } {
  const problems: string[] = [];
  for (const key of Object.keys(env)) {
    if (key.startsWith('MAIL_LINK_') && !(key.slice('MAIL_LINK_'.length) in mailLinkDefinitions))
      problems.push(`  ${key}: unknown mail link (known: ${mailLinkNames.map((n) => `MAIL_LINK_${n}`).join(', ')})`);
  }
  const templates = {} as Record<MailLinkName, string>;
  for (const name of mailLinkNames) {
    const definition = mailLinkDefinitions[name];
    const template = env[`MAIL_LINK_${name}`] || `${publicBaseUrl}${definition.path}`;
    templates[name] = template;
    try {
      const url = new URL(template.replace(/\{(\w+)\}/g, 'x'));
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
    } catch {
      problems.push(`  MAIL_LINK_${name}: expected an http(s) URL template, e.g. ${publicBaseUrl}${definition.path}`);
      continue;
    }
    for (const placeholder of definition.placeholders as readonly string[])
      if (!template.includes(`{${placeholder}}`)) problems.push(`  MAIL_LINK_${name}: the template must contain {${placeholder}}`);
  }
  return { templates, problems };
}
