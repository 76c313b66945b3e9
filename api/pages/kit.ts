import '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { findPrincipalSummary, setPrincipalLocale } from '../../db/pagePrincipals.js';
import type { PrincipalKind } from '../../db/sessions.js';
import { type Lang, type MessageKey, type MessageRef, type ParamsOf, render, t } from '../../lib/i18n/index.js';
import { acceptedSecrets } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { fieldMessages } from '../schemas.js';
import type { RouteLimits } from '../security/rateLimits.js';
import { notice } from './components.js';
import { formToken, isTrustedFormPost } from './csrf.js';
import { type Flash, type FlashKind, setFlash, takeFlash } from './flash.js';
import { type FormState, formValues, nestForm } from './forms.js';
import { html } from './html.js';
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE } from './language.js';
import { type PageContent, renderDocument } from './layout.js';
import { currentPageUser, type PageUser } from './session.js';
import { stylesheet } from './styles.js';

/**
 * The page kit: how every page of the product is built (see api/pages/README.md). A page is a
 * function of a `PageContext` (language, CSRF token, who is logged in, the flash message) that
 * returns its title and body, or a redirect. Forms are validated with the API's own zod schemas
 * and submitted to the API's own use cases: pages hold no business rule. Every form POST is
 * checked (Origin + CSRF token) before anything runs; success redirects (POST → redirect → GET)
 * with a flash message; a refusal shows the form again with each field's message.
 */
export interface PageContext {
  request: FastifyRequest;
  reply: FastifyReply;
  lang: Lang;
  /** A catalogue text in the page's language. */
  t: <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;
  /** The token every form of this page carries (hidden field `csrf`). */
  csrf: string;
  user?: PageUser;
  flash?: Flash;
  /** Path and query of this request. */
  path: string;
}

export type PageResult = (PageContent & { status?: number }) | Redirect;

export interface Redirect {
  redirect: string;
  flash?: { kind?: FlashKind; text: MessageRef };
}

/** A redirect after a POST, with the message the next page shows once. */
export const redirectTo = (path: string, text?: MessageRef, kind: FlashKind = 'success'): Redirect => ({
  redirect: path,
  ...(text ? { flash: { kind, text } } : {}),
});

/** Files of a multipart form, by field name (the first file of each field). */
export type UploadedFiles = Record<string, { filename: string; mimetype: string; bytes: Buffer }>;

export interface FormSpec<S extends z.ZodType> {
  path: string;
  /** Only these kinds of logged-in people (others are sent to log in, or refused). */
  for?: readonly PrincipalKind[];
  /** The API's schema for this form (or one built from the context, e.g. from the language). */
  schema: S;
  /** Values shown when the form is first opened. */
  initial?: (ctx: PageContext) => Record<string, string> | Promise<Record<string, string>>;
  /** Adapts what the browser sent to the schema's shape (a tick box's `on` to `true`…); dotted names are already nested. */
  prepare?: (input: Record<string, unknown>, ctx: PageContext) => unknown;
  render: (ctx: PageContext, state: FormState, message?: string) => PageContent | Promise<PageContent>;
  submit: (ctx: PageContext, data: z.infer<S>, files: UploadedFiles) => Promise<PageResult>;
  /** Shows errors of these schema paths beside these fields (`_` is the whole value), e.g. `{ _: 'diploma' }`. */
  errorFields?: Record<string, string>;
  /** A multipart form with these file fields (the plugin must have called `acceptUploads` once). */
  uploads?: { files: readonly string[]; tooLarge: MessageRef };
  /** The per-IP limit of its POST (api/security/rateLimits.ts), the same as its JSON twin's. */
  limit?: RouteLimits[keyof RouteLimits];
}

const htmlType = 'text/html; charset=utf-8';

/** Where each kind of account logs in, when a page needs it. */
export const loginPathOf: Record<PrincipalKind, string> = {
  candidate: '/connexion',
  graduate: '/diplomes/connexion',
  recruiter: '/entreprises/connexion',
  student: '/ent/connexion',
  staff_ent: '/ent/connexion',
  staff: '/personnels/connexion',
};

/** A path to come back to after logging in: ours only (never `//elsewhere` or a full URL). */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : undefined;
}

export function createPageKit(deps: ApiDeps) {
  const { config, db } = deps;
  const { secret } = config;
  const formSecrets = acceptedSecrets(config);
  const publicBaseUrl = config.http.publicBaseUrl;
  const secure = publicBaseUrl.startsWith('https://');
  const styles = stylesheet(config.portal.primaryColor);

  async function context(request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
    const lang = languageOfPage(request);
    return {
      request,
      reply,
      lang,
      t: (key, ...params) => t(key, lang, ...params),
      csrf: formToken(request, reply, secret, secure),
      user: await currentPageUser(db, request, {
        defaultMs: config.lifetimes.sessionIdleMs,
        staffMs: config.lifetimes.staffSessionIdleMs,
      }),
      flash: takeFlash(request, reply, secret),
      path: request.url,
    };
  }

  /** Sends a page (or a redirect): the whole document, never cached (forms carry a token). */
  function send(ctx: PageContext, result: PageResult): FastifyReply {
    if ('redirect' in result) {
      if (result.flash) setFlash(ctx.reply, secret, secure, { kind: result.flash.kind ?? 'success', text: result.flash.text });
      return ctx.reply.redirect(result.redirect, 303);
    }
    return ctx.reply
      .status(result.status ?? 200)
      .type(htmlType)
      .header('cache-control', 'no-store')
      .send(
        renderDocument(
          {
            lang: ctx.lang,
            portal: config.portal,
            stylesheetPath: styles.path,
            csrf: ctx.csrf,
            path: ctx.path,
            ...(ctx.user ? { user: ctx.user } : {}),
            ...(ctx.flash ? { flash: ctx.flash } : {}),
          },
          result,
        ),
      );
  }

  /** A page with one message: a refusal, an expired link, « Connexion requise »… */
  function messagePage(_ctx: PageContext, status: number, title: string, message: string, extra: PageContent['body'] = ''): PageResult {
    return { status, title, body: html`${notice(status >= 400 ? 'error' : 'info', message, { live: status >= 400 })}${extra}` };
  }

  /** Who may open the page: undefined when allowed, else where to send the person (or a refusal). */
  function gate(ctx: PageContext, kinds: readonly PrincipalKind[] | undefined): PageResult | undefined {
    if (!kinds) return undefined;
    if (!ctx.user) {
      const login = loginPathOf[kinds[0]!];
      return redirectTo(`${login}?retour=${encodeURIComponent(ctx.path)}`, { key: 'page.loginRequired' }, 'info');
    }
    if (!kinds.includes(ctx.user.kind)) return messagePage(ctx, 403, ctx.t('page.wrongAccountTitle'), ctx.t('page.wrongAccount'));
    return undefined;
  }

  /** The page an error leads to: its status and message in the page's language; 5xx logged, never detailed. */
  function errorResult(ctx: PageContext, error: unknown): PageResult {
    const { status, body } = toHttpError(error, ctx.lang);
    if (status >= 500 && status !== 503) ctx.request.log.error({ err: error }, 'page failed');
    return messagePage(ctx, status, ctx.t('page.errorTitle'), body.message);
  }

  function rejectedForm(ctx: PageContext): PageResult {
    return messagePage(ctx, 403, ctx.t('page.formRejectedTitle'), ctx.t('page.formRejected'));
  }

  return {
    /** The stylesheet's URL and content (served by api/pages/routes.ts). */
    stylesheet: styles,
    secure,
    context,
    send,
    messagePage,
    errorResult,

    /** True when a POST carries this browser's CSRF token and comes from our origin. */
    trusted(ctx: PageContext, token: unknown): boolean {
      return isTrustedFormPost(ctx.request, formSecrets, publicBaseUrl, token);
    },

    /** A GET page. `for`: only these kinds of logged-in people. */
    page(
      app: FastifyInstance,
      path: string,
      handler: (ctx: PageContext) => Promise<PageResult> | PageResult,
      options: { for?: readonly PrincipalKind[] } = {},
    ) {
      app.get(path, { schema: { hide: true } }, async (request, reply) => {
        const ctx = await context(request, reply);
        try {
          return send(ctx, gate(ctx, options.for) ?? (await handler(ctx)));
        } catch (error) {
          return send(ctx, errorResult(ctx, error));
        }
      });
    },

    /** A POST that is only a button (log out, withdraw): checked, then `handler`, then usually a redirect. */
    action(
      app: FastifyInstance,
      path: string,
      handler: (ctx: PageContext, form: Record<string, string>) => Promise<PageResult> | PageResult,
      options: { for?: readonly PrincipalKind[] } = {},
    ) {
      app.post(path, { schema: { hide: true } }, async (request, reply) => {
        const ctx = await context(request, reply);
        const form = formValues(request.body);
        if (!isTrustedFormPost(request, formSecrets, publicBaseUrl, (request.body as { csrf?: unknown } | undefined)?.csrf))
          return send(ctx, rejectedForm(ctx));
        try {
          return send(ctx, gate(ctx, options.for) ?? (await handler(ctx, form)));
        } catch (error) {
          return send(ctx, errorResult(ctx, error));
        }
      });
    },

    /** A form: GET shows it, POST checks, validates with `schema`, runs `submit` or shows the errors. */
    form<S extends z.ZodType>(app: FastifyInstance, spec: FormSpec<S>) {
      const onFields = (errors: Record<string, string>) => {
        const shown: Record<string, string> = {};
        for (const [path, message] of Object.entries(errors)) shown[spec.errorFields?.[path] ?? path] ??= message;
        return shown;
      };
      const show = async (ctx: PageContext, state: FormState, status: number, message?: string) => {
        const content = await spec.render(ctx, state, message);
        const hasErrors = Object.keys(state.errors).length > 0 || !!message;
        return send(ctx, { ...content, status, hasErrors });
      };

      app.get(spec.path, { schema: { hide: true } }, async (request, reply) => {
        const ctx = await context(request, reply);
        try {
          const refused = gate(ctx, spec.for);
          if (refused) return send(ctx, refused);
          return show(ctx, { lang: ctx.lang, values: (await spec.initial?.(ctx)) ?? {}, errors: {} }, 200);
        } catch (error) {
          return send(ctx, errorResult(ctx, error));
        }
      });

      app.post(spec.path, { schema: { hide: true }, ...(spec.limit ? { config: spec.limit } : {}) }, async (request, reply) => {
        const ctx = await context(request, reply);
        let values: Record<string, string> = {};
        let files: UploadedFiles = {};
        try {
          if (spec.uploads) {
            const read = await readMultipart(request, spec.uploads.files);
            if (read === 'too_large') {
              const state = { lang: ctx.lang, values, errors: { [spec.uploads.files[0]!]: render(spec.uploads.tooLarge, ctx.lang) ?? '' } };
              return show(ctx, state, 413);
            }
            values = read.values;
            files = read.files;
          } else {
            values = formValues(request.body);
          }
          const token = spec.uploads ? values.csrf : (request.body as { csrf?: unknown } | undefined)?.csrf;
          delete values.csrf;
          if (!isTrustedFormPost(request, formSecrets, publicBaseUrl, token)) return send(ctx, rejectedForm(ctx));
          const refused = gate(ctx, spec.for);
          if (refused) return send(ctx, refused);
          const input = spec.prepare ? spec.prepare(nestForm(values), ctx) : nestForm(values);
          const parsed = spec.schema.safeParse(input);
          if (!parsed.success) return show(ctx, { lang: ctx.lang, values, errors: onFields(fieldMessages(parsed.error.issues)) }, 400);
          return send(ctx, await spec.submit(ctx, parsed.data, files));
        } catch (error) {
          const { status, body } = toHttpError(error, ctx.lang);
          if (status >= 500 && status !== 503) request.log.error({ err: error }, 'page form failed');
          return show(ctx, { lang: ctx.lang, values, errors: onFields(body.fields ?? {}) }, status, body.message);
        }
      });
    },

    /**
     * After a login from a page: the language chosen on the pages (if any) becomes the account's,
     * so its later mails follow it; without a choice, the pages take the account's language.
     */
    async rememberLanguage(ctx: PageContext, kind: PrincipalKind, id: string) {
      const chosen = ctx.request.cookies[LANG_COOKIE];
      if (chosen === 'fr' || chosen === 'en') return setPrincipalLocale(db, kind, id, chosen);
      const summary = await findPrincipalSummary(db, kind, id);
      if (summary && summary.locale !== ctx.lang)
        ctx.reply.setCookie(LANG_COOKIE, summary.locale, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/',
          maxAge: LANG_COOKIE_MAX_AGE,
        });
    },

    /** Once per plugin that has upload forms: accepts multipart bodies within these limits. */
    async acceptUploads(app: FastifyInstance, limits: { fileSize: number; files?: number; fields?: number }) {
      const multipart = (await import('@fastify/multipart')).default;
      await app.register(multipart, {
        limits: { fileSize: limits.fileSize, files: limits.files ?? 1, fields: limits.fields ?? 30, fieldSize: 16 * 1024, parts: 40 },
      });
    },
  };
}

export type PageKit = ReturnType<typeof createPageKit>;

function languageOfPage(request: FastifyRequest): Lang {
  const cookie = request.cookies.lang;
  return cookie === 'en' || cookie === 'fr' ? cookie : 'fr';
}

async function readMultipart(
  request: FastifyRequest,
  fileFields: readonly string[],
): Promise<{ values: Record<string, string>; files: UploadedFiles } | 'too_large'> {
  const values: Record<string, string> = {};
  const files: UploadedFiles = {};
  if (!request.isMultipart()) return { values: formValues(request.body), files };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (fileFields.includes(part.fieldname) && !files[part.fieldname] && (bytes.length > 0 || part.filename))
          files[part.fieldname] = { filename: part.filename, mimetype: part.mimetype, bytes };
      } else if (!(part.fieldname in values)) {
        values[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return 'too_large';
    throw error;
  }
  return { values, files };
}
