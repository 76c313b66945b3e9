import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  defaultLanguage,
  type Lang,
  type MessageKey,
  type MessageRef,
  negotiateLanguage,
  type ParamsOf,
  render,
  t,
} from '../lib/i18n/index.js';
import { pageLanguage } from './pages/language.js';

/**
 * The language a request is answered in. The JSON API (`/api/…`) follows `Accept-Language`
 * (French unless English is preferred); the pages follow the language chosen with their switch
 * (French by default, api/pages/language.ts).
 */
export function languageOf(request: Pick<FastifyRequest, 'url' | 'headers'>): Lang {
  return request.url.startsWith('/api/') ? negotiateLanguage(request.headers['accept-language']) : pageLanguage(request.headers.cookie);
}

/**
 * Kept for the time a request is handled, because texts are also made where no request is at hand:
 * zod renders a field message the moment a value fails (api/zodMessages.ts), and use cases shared
 * by the API and the pages build confirmation messages.
 */
const current = new AsyncLocalStorage<Lang>();

/** The language of the request being handled; French outside a request. */
export function requestLanguage(): Lang {
  return current.getStore() ?? defaultLanguage;
}

/** True while a request is being handled (its language is known). */
export function inRequest(): boolean {
  return current.getStore() !== undefined;
}

/** The text of `key` in the language of the request being handled. */
export function say<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return t(key, requestLanguage(), ...params);
}

/** A message reference (`msg(…)`) in the language of the request being handled. */
export function sayRef(text: MessageRef): string {
  return render(text, requestLanguage()) ?? text.key;
}

/** Runs `work` as if handling a request in `lang` (tests, and code outside Fastify's hooks). */
export function inLanguage<T>(lang: Lang, work: () => T): T {
  return current.run(lang, work);
}

export function installLanguage(app: FastifyInstance): void {
  // preValidation, not onRequest: body parsing runs outside the request's async context, and
  // validation (zod) must see the language. Everything after it (handlers, preHandlers) runs inside.
  app.addHook('preValidation', (request, _reply, done) => current.run(languageOf(request), done));
  // Answers differ by Accept-Language: caches must know, clients can see which one they got.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) {
      const vary = reply.getHeader('vary');
      reply.header('vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
      reply.header('content-language', languageOf(request));
    }
    return payload;
  });
}
