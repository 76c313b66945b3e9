import { attr, type Html, type HtmlValue, html, trustedHtml } from './html.js';

/**
 * Building blocks every page uses: notices, status badges, accessible tables, definition lists,
 * pagination links, buttons. Each carries its meaning in text (a badge's colour only repeats it).
 */

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A status label (« en attente de validation », « validé »): text and colour, the text alone suffices. */
export function badge(label: string, tone: Tone = 'neutral'): Html {
  return html`<span class="badge badge-${tone}">${label}</span>`;
}

/**
 * A framed message. `role="status"` for a confirmation read out politely, `role="alert"` for an
 * error, none for static information.
 */
export function notice(
  kind: 'info' | 'success' | 'warning' | 'error',
  content: HtmlValue,
  options: { live?: boolean; title?: string } = {},
): Html {
  const role = options.live ? (kind === 'error' ? 'alert' : 'status') : undefined;
  return html`<div class="notice notice-${kind}"${attr('role', role)}>${options.title ? html`<p><strong>${options.title}</strong></p>` : ''}${
    typeof content === 'string' ? html`<p>${content}</p>` : content
  }</div>`;
}

/** Label / value pairs (a person's account, a request's details). Empty values show « — ». */
export function detailsList(rows: readonly (readonly [string, HtmlValue])[]): Html {
  return html`<dl class="details">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value === '' || value === null || value === undefined ? '—' : value}</dd>`)}</dl>`;
}

let tableCounter = 0;

/**
 * A data table: a caption (read first by screen readers), header cells with `scope`, the first
 * cell of each row as its header when `rowHeaders`. On a narrow screen the table scrolls inside
 * a focusable region, so keyboard users can scroll it too.
 */
export function table(spec: {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly HtmlValue[])[];
  rowHeaders?: boolean;
  empty?: string;
}): Html {
  if (spec.rows.length === 0 && spec.empty) return html`<p>${spec.empty}</p>`;
  tableCounter = (tableCounter + 1) % 1_000_000;
  const id = `table-${tableCounter}`;
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}"><table>
<caption id="${id}">${spec.caption}</caption>
<thead><tr>${spec.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${spec.rows.map(
    (row) =>
      html`<tr>${row.map((cell, i) => (i === 0 && spec.rowHeaders ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`,
  )}</tbody>
</table></div>`;
}

/** « Précédent » / « Suivant » links of a keyset-paginated list (pass undefined where there is none). */
export function pagination(labels: { nav: string; previous: string; next: string }, links: { previous?: string; next?: string }): Html {
  if (!links.previous && !links.next) return html``;
  return html`<nav class="pagination" aria-label="${labels.nav}"><ul>
${links.previous ? html`<li><a href="${links.previous}" rel="prev">« ${labels.previous}</a></li>` : ''}
${links.next ? html`<li><a href="${links.next}" rel="next">${labels.next} »</a></li>` : ''}
</ul></nav>`;
}

export function linkButton(href: string, label: string, variant: 'primary' | 'secondary' = 'primary'): Html {
  return html`<a class="button${variant === 'secondary' ? ' button-secondary' : ''}" href="${href}">${label}</a>`;
}

/** A form that is only one button (log out, withdraw, resend): a POST with the page's CSRF token. */
export function postButton(spec: {
  action: string;
  csrf: string;
  label: string;
  hidden?: Record<string, string>;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  buttonAttributes?: Html;
}): Html {
  const variant = spec.variant && spec.variant !== 'primary' ? ` class="button-${spec.variant}"` : '';
  return html`<form class="inline" method="post" action="${spec.action}"><input type="hidden" name="csrf" value="${spec.csrf}">${Object.entries(
    spec.hidden ?? {},
  ).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  )}<button type="submit"${trustedHtml(variant)}${spec.buttonAttributes ?? ''}>${spec.label}</button></form>`;
}
