import { catalogue } from './catalogue.js';
import { defaultLanguage, type Entry, type Lang, languages, type Params } from './text.js';

/**
 * The message catalogue, French and English (see catalogue.ts for the layout).
 *
 * Why not an i18n library: the platform needs two languages, a few hundred sentences, typed keys
 * and parameters, and code that runs inside the Temporal workflow sandbox (no Node module, no file
 * loading, deterministic). A typed object and a twenty-line `t` give all of that; ICU plural rules,
 * lazy-loaded bundles or translation tooling would be weight without use here.
 */

export { catalogue } from './catalogue.js';
export { dateTime, defaultLanguage, type Lang, languages, type Params, text } from './text.js';

type Catalogue = typeof catalogue;
type Namespace = keyof Catalogue & string;

/** `<namespace>.<name>`, e.g. `link.used`. */
export type MessageKey = { [N in Namespace]: `${N}.${keyof Catalogue[N] & string}` }[Namespace];

type EntryOf<K extends MessageKey> = K extends `${infer N}.${infer M}`
  ? N extends Namespace
    ? M extends keyof Catalogue[N]
      ? Catalogue[N][M]
      : never
    : never
  : never;

/** The parameters a key needs: none, or one object. */
export type ParamsOf<K extends MessageKey> = EntryOf<K> extends Entry<infer P> ? (P extends undefined ? [] : [params: P]) : never;

/** Keys that take no parameter (labels, fixed sentences). */
export type PlainKey = { [K in MessageKey]: ParamsOf<K> extends [] ? K : never }[MessageKey];

function entryOf(key: string): Entry<Params | undefined> | undefined {
  const dot = key.indexOf('.');
  const namespace = (catalogue as unknown as Record<string, Record<string, Entry<Params | undefined>> | undefined>)[key.slice(0, dot)];
  return dot > 0 && namespace && Object.hasOwn(namespace, key.slice(dot + 1)) ? namespace[key.slice(dot + 1)] : undefined;
}

/** The text of `key` in `lang`. */
export function t<K extends MessageKey>(key: K, lang: Lang, ...params: ParamsOf<K>): string {
  return renderEntry(entryOf(key)!, lang, params[0] as Params | undefined);
}

function renderEntry(entry: Entry<Params | undefined>, lang: Lang, params: Params | undefined): string {
  const template = entry[lang];
  return typeof template === 'function' ? template(params) : template;
}

/**
 * A message to render later, in the reader's language: what an `AppError` or a workflow failure
 * carries. Plain JSON, so it travels in an `ApplicationFailure`'s details.
 */
export interface MessageRef {
  key: MessageKey;
  params?: Params;
}

export function msg<K extends MessageKey>(key: K, ...params: ParamsOf<K>): MessageRef {
  return params[0] === undefined ? { key } : { key, params: params[0] as Params };
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && entryOf(value) !== undefined;
}

/** Renders a reference, typically one that came back from a workflow; undefined if unknown. */
export function render(ref: { key: unknown; params?: unknown }, lang: Lang): string | undefined {
  if (typeof ref.key !== 'string') return undefined;
  const entry = entryOf(ref.key);
  const params = ref.params && typeof ref.params === 'object' ? (ref.params as Params) : undefined;
  return entry && renderEntry(entry, lang, params);
}

/**
 * The language an `Accept-Language` header asks for, among ours: q-values respected (RFC 9110,
 * `q=0` means « not this one »), region ignored (`en-GB` is English), `*` or nothing we speak
 * means French.
 */
export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return defaultLanguage;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.tag && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === '*') return defaultLanguage;
    const language = tag.split('-')[0];
    if ((languages as readonly string[]).includes(language!)) return language as Lang;
  }
  return defaultLanguage;
}
