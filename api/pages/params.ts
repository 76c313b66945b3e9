import type { Session } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { PageContext } from './kit.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route's `:name` parameter that must be an id: anything else is a page that does not exist (404), never a 500. */
export function idParam(ctx: PageContext, name = 'id'): string {
  const value = (ctx.request.params as Record<string, string | undefined>)[name];
  if (!value || !uuid.test(value)) throw new AppError(ErrorKind.NotFound, msg('page.notFound'));
  return value.toLowerCase();
}

/** The logged-in person as the API's use cases take them (the same session as the API's). */
export function sessionOf(ctx: PageContext): Session {
  const user = ctx.user;
  if (!user) throw new AppError(ErrorKind.Unauthenticated, msg('page.loginRequired'));
  return { id: user.sessionId, principal_kind: user.kind, principal_id: user.id, expires_at: new Date(Date.now() + 60_000) };
}

/** A query string's values, without the empty ones a GET form sends for fields left blank. */
export function filledQuery(ctx: PageContext): Record<string, string> {
  const query = (ctx.request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''),
  );
}

/** A path with these query values (the empty ones left out). */
export function withQuery(path: string, values: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A day (YYYY-MM-DD or a date) as people read it: 12/03/2027 in French, 12 Mar 2027 in English. */
export function dayOf(ctx: Pick<PageContext, 'lang'>, value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  return ctx.lang === 'fr'
    ? date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
    : date.toLocaleDateString('en-GB', { timeZone: 'Europe/Paris', day: 'numeric', month: 'short', year: 'numeric' });
}
