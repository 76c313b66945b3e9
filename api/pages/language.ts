import { defaultLanguage, type Lang, languages } from '../../lib/i18n/index.js';

/**
 * The language of the pages: French unless the person chose English with the switch in the header
 * (a cookie for visitors; stored with the account too once logged in, so the mails they receive
 * later, even weeks later, are in that language). Read from the raw header, so it is known even
 * before cookies are parsed (errors raised while reading a request).
 */
export const LANG_COOKIE = 'lang';

export function pageLanguage(cookieHeader: string | undefined): Lang {
  const match = cookieHeader ? /(?:^|;\s*)lang=([a-z]{2})(?:;|$)/.exec(cookieHeader) : null;
  const chosen = match?.[1];
  return chosen && (languages as readonly string[]).includes(chosen) ? (chosen as Lang) : defaultLanguage;
}

/** One year: a choice of language is not a session. */
export const LANG_COOKIE_MAX_AGE = 365 * 24 * 3600;
