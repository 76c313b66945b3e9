/**
 * The one way pages write HTML: a tagged template that escapes every interpolated value, so a
 * name, a reason or a field typed by someone can never become markup. Only values that are
 * already `Html` (made by this template, or by `trustedHtml` for constant markup written in the
 * code) pass through as they are.
 *
 *   html`<p>${t('page.home.intro')}</p><ul>${items.map((i) => html`<li>${i.name}</li>`)}</ul>`
 *
 * Why not a template engine: pages are TypeScript functions of typed data, checked by the
 * compiler, with nothing to load at run time and no second syntax to learn; an engine would add a
 * dependency and its own escaping rules for what thirty lines do here.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a page may interpolate: nothing is rendered for `false`, `null` and `undefined`; lists are concatenated. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function renderValue(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Constant markup written in the code (never data): e.g. an SVG icon. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/** Attribute helper: ` name="value"`, or nothing when the value is absent or false (`true` gives a bare attribute). */
export function attr(name: string, value: string | number | boolean | null | undefined): Html {
  if (value === undefined || value === null || value === false) return new Html('');
  if (value === true) return new Html(` ${name}`);
  return new Html(` ${name}="${escapeHtml(String(value))}"`);
}
