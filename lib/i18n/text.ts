/**
 * The building blocks of the message catalogue: pure data and pure functions, no Node import, so
 * workflow code (validators raising user-facing failures) uses the same texts as the API.
 */

export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];
/** French first: any request that does not ask for English is answered in French. */
export const defaultLanguage: Lang = 'fr';

/**
 * A parameter value. Strings and numbers only (dates as epoch milliseconds), so a message and its
 * parameters travel as JSON inside an `ApplicationFailure`'s details and render later, in the
 * language of whoever reads them.
 */
export type ParamValue = string | number | boolean | undefined;
export type Params = Record<string, ParamValue>;

export type Template<P> = string | ((params: P) => string);

/** One message in every language; `P` is the shape of its parameters (`undefined`: none). */
export interface Entry<P = undefined> {
  fr: Template<P>;
  en: Template<P>;
  /** Type-only: lets `t` check the parameters a key needs. */
  readonly params?: P;
}

/**
 * Declares a message: French, then English. With parameters, name their shape once:
 * `text<{ name: string }>((p) => `Bonjour ${p.name}`, (p) => `Hello ${p.name}`)`.
 */
export function text<P extends Params | undefined = undefined>(fr: Template<P>, en: Template<P>): Entry<P> {
  return { fr, en };
}

/**
 * « le 12/03/2026 à 10:15 » / « on 12/03/2026 at 10:15 », Paris time: the messages that say who
 * decided also say when. Deterministic (Intl with a fixed zone), so usable in workflow code.
 */
export function dateTime(epochMs: number, lang: Lang): string {
  const formatted = new Date(epochMs).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return lang === 'fr' ? `le ${formatted.replace(' ', ' à ')}` : `on ${formatted.replace(', ', ' at ')}`;
}
