import { type Lang, t } from '../../lib/i18n/index.js';
import { attr, type Html, type HtmlValue, html } from './html.js';

/**
 * Form fields with their label, hint and error, wired for assistive technologies: the label's
 * `for`, `aria-describedby` pointing at the hint and the error, `aria-invalid` on a field in error,
 * an error summary at the top whose links move the focus to each field. Values typed are shown
 * again after an error (never a password). Names may be dotted (`company.name`): the kit turns
 * them into nested objects for the zod schema, and zod's issue paths come back under the same name.
 */
export interface FormState {
  lang: Lang;
  /** What was typed, by field name (dotted for nested objects). */
  values: Record<string, string>;
  /** The first message per field, by the same names (zod's issue paths joined with dots). */
  errors: Record<string, string>;
}

export const emptyForm = (lang: Lang, values: Record<string, string> = {}): FormState => ({ lang, values, errors: {} });

/** The id of a field's control: what its label and the error summary point at. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FieldCommon {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function describedBy(state: FormState, spec: FieldCommon): string | undefined {
  const id = fieldId(spec.name);
  const ids = [spec.hint ? `${id}-hint` : '', state.errors[spec.name] ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function labelText(state: FormState, spec: FieldCommon): Html {
  return html`${spec.label}${spec.required ? html` <span aria-hidden="true">*</span><span class="visually-hidden"> (${t('page.requiredMark', state.lang)})</span>` : ''}`;
}

function hintAndError(state: FormState, spec: FieldCommon): Html {
  const id = fieldId(spec.name);
  const error = state.errors[spec.name];
  return html`${spec.hint ? html`<span class="hint" id="${id}-hint">${spec.hint}</span>` : ''}${error ? html`<span class="error-message" id="${id}-error">${error}</span>` : ''}`;
}

function wrap(state: FormState, spec: FieldCommon, control: Html): Html {
  const id = fieldId(spec.name);
  return html`<div class="field${state.errors[spec.name] ? ' field-error' : ''}"><label for="${id}">${labelText(state, spec)}</label>${hintAndError(state, spec)}${control}</div>`;
}

function controlAttributes(state: FormState, spec: FieldCommon): Html {
  return html`id="${fieldId(spec.name)}" name="${spec.name}"${attr('required', spec.required)}${attr('aria-invalid', state.errors[spec.name] ? 'true' : undefined)}${attr('aria-describedby', describedBy(state, spec))}`;
}

export function input(
  state: FormState,
  spec: FieldCommon & {
    type?: 'text' | 'email' | 'password' | 'date' | 'tel' | 'url' | 'number' | 'search';
    autocomplete?: string;
    inputmode?: string;
    maxlength?: number;
    spellcheck?: boolean;
  },
): Html {
  const type = spec.type ?? 'text';
  const value = type === 'password' ? undefined : state.values[spec.name];
  return wrap(
    state,
    spec,
    html`<input type="${type}" ${controlAttributes(state, spec)}${attr('value', value)}${attr('autocomplete', spec.autocomplete)}${attr('inputmode', spec.inputmode)}${attr('maxlength', spec.maxlength)}${spec.spellcheck === false ? attr('spellcheck', 'false') : ''}>`,
  );
}

export function textarea(state: FormState, spec: FieldCommon & { rows?: number; maxlength?: number }): Html {
  return wrap(
    state,
    spec,
    html`<textarea ${controlAttributes(state, spec)}${attr('rows', spec.rows ?? 5)}${attr('maxlength', spec.maxlength)}>${state.values[spec.name] ?? ''}</textarea>`,
  );
}

export function select(
  state: FormState,
  spec: FieldCommon & { options: readonly { value: string; label: string }[]; placeholder?: boolean },
): Html {
  const current = state.values[spec.name] ?? '';
  return wrap(
    state,
    spec,
    html`<select ${controlAttributes(state, spec)}>${spec.placeholder === false ? '' : html`<option value="">${t('page.select', state.lang)}</option>`}${spec.options.map(
      (o) => html`<option value="${o.value}"${attr('selected', o.value === current)}>${o.label}</option>`,
    )}</select>`,
  );
}

/** One choice among several (radio buttons in a fieldset whose legend is the question). */
export function radios(
  state: FormState,
  spec: FieldCommon & { options: readonly { value: string; label: HtmlValue; hint?: string }[] },
): Html {
  const id = fieldId(spec.name);
  const current = state.values[spec.name];
  const error = state.errors[spec.name];
  return html`<div class="field${error ? ' field-error' : ''}"><fieldset${attr('aria-describedby', describedBy(state, spec))}${attr('aria-invalid', error ? 'true' : undefined)}>
<legend>${labelText(state, spec)}</legend>${hintAndError(state, spec)}
${spec.options.map((o, i) => {
  const optionId = i === 0 ? id : `${id}-${i}`;
  return html`<div class="choice"><input type="radio" id="${optionId}" name="${spec.name}" value="${o.value}"${attr('checked', o.value === current)}${attr('required', spec.required)}${attr('aria-describedby', o.hint ? `${optionId}-hint` : undefined)}><label for="${optionId}">${o.label}${o.hint ? html`<span class="hint" id="${optionId}-hint">${o.hint}</span>` : ''}</label></div>`;
})}</fieldset></div>`;
}

/** A single tick box (« J'accepte les conditions générales d'utilisations »). */
export function checkbox(state: FormState, spec: FieldCommon & { value?: string }): Html {
  const id = fieldId(spec.name);
  const value = spec.value ?? 'on';
  return html`<div class="field${state.errors[spec.name] ? ' field-error' : ''}">${hintAndError(state, spec)}<div class="choice"><input type="checkbox" ${controlAttributes(state, spec)} value="${value}"${attr('checked', state.values[spec.name] === value)}><label for="${id}">${labelText(state, spec)}</label></div></div>`;
}

/** A file to upload; the form must be `multipart` (see `form`). */
export function fileInput(state: FormState, spec: FieldCommon & { accept?: string }): Html {
  return wrap(state, spec, html`<input type="file" ${controlAttributes(state, spec)}${attr('accept', spec.accept)}>`);
}

export function hidden(name: string, value: string): Html {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}

/**
 * Lists every error at the top of the form, each a link to its field; it is what a screen reader
 * announces first (role="alert"), and what the page title's « Erreur : » prefix refers to.
 */
export function errorSummary(state: FormState, message?: string): Html {
  const entries = Object.entries(state.errors);
  if (!entries.length && !message) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
<h2 id="error-summary-title">${t('page.errorSummaryTitle', state.lang)}</h2>
${message ? html`<p>${message}</p>` : ''}
${entries.length ? html`<ul>${entries.map(([name, text]) => (name === '_' ? html`<li>${text}</li>` : html`<li><a href="#${fieldId(name)}">${text}</a></li>`))}</ul>` : ''}
</div>`;
}

/**
 * A whole form: the error summary, the note on required fields, the CSRF token, the fields, the
 * buttons. `novalidate`: the server's messages (the API's own, in the page's language) are shown,
 * not the browser's.
 */
export function form(spec: {
  state: FormState;
  action: string;
  csrf: string;
  submit: string;
  fields: HtmlValue;
  message?: string;
  multipart?: boolean;
  requiredNote?: boolean;
  secondary?: HtmlValue;
}): Html {
  return html`${errorSummary(spec.state, spec.message)}${spec.requiredNote === false ? '' : html`<p class="muted">${t('page.requiredNote', spec.state.lang)}</p>`}
<form method="post" action="${spec.action}" novalidate${spec.multipart ? html` enctype="multipart/form-data"` : ''}>
${hidden('csrf', spec.csrf)}
${spec.fields}
<div class="actions"><button type="submit">${spec.submit}</button>${spec.secondary ?? ''}</div>
</form>`;
}

/** Turns `{ 'company.name': 'X' }` into `{ company: { name: 'X' } }` for the zod schemas; the CSRF token is dropped. */
export function nestForm(values: Record<string, unknown>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'csrf') continue;
    const parts = name.split('.');
    if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype' || p === '')) continue;
    let target = nested;
    for (const part of parts.slice(0, -1)) {
      if (!target[part] || typeof target[part] !== 'object') target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]!] = value;
  }
  return nested;
}

/** The values to show again: strings only (a repeated field keeps its first value). */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!body || typeof body !== 'object') return values;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === 'csrf') continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[name] = first;
  }
  return values;
}
