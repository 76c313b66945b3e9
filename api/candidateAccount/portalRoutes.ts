import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isSameOrigin } from '../../lib/csrf.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { safeEqual } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { say } from '../language.js';
import { escapeHtml } from '../pages/layout.js';
import { createCandidateBody, emailOnlyBody, fieldMessages, loginBody } from '../schemas.js';
import { type RouteLimits, routeLimits } from '../security/rateLimits.js';
import { SESSION_COOKIE, sessionTokenOf, setSessionCookie } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { type FormField, formPage, homePage, logoutForm, messagePage } from './portalPages.js';
import { createCandidateAccountUseCases } from './useCases.js';

const CSRF_COOKIE = 'csrf';
const formBody = z.record(z.string(), z.string()).optional();

/**
 * HTML pages over the same use cases as the JSON API, for a person trying the platform after
 * `npm start` (any other front-end uses the JSON API). Forms carry a double-submit CSRF token and
 * POSTs must come from our own origin.
 */
export function portalRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const candidates = createCandidateAccountUseCases(deps);
  const sessions = createSessionUseCases(deps);
  const secure = deps.config.http.publicBaseUrl.startsWith('https://');
  const limits = routeLimits(deps.config.security);

  function csrfFor(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[CSRF_COOKIE];
    if (existing) return existing;
    const token = randomBytes(24).toString('base64url');
    reply.setCookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
    return token;
  }

  function checkForm(request: FastifyRequest): Record<string, string> {
    const form = (request.body ?? {}) as Record<string, string>;
    const cookie = request.cookies[CSRF_COOKIE];
    if (!isSameOrigin(deps.config.http.publicBaseUrl, request.headers.origin) || !cookie || !form.csrf || !safeEqual(cookie, form.csrf)) {
      throw new AppError(ErrorKind.Forbidden, msg('http.formExpired'));
    }
    return form;
  }

  /** One form: GET shows it, POST validates with the API's own zod schema and runs the use case. */
  function form<S extends z.ZodType>(
    app: Parameters<FastifyPluginAsyncZod>[0],
    spec: {
      path: string;
      title: string;
      intro?: string;
      fields: FormField[];
      submit: string;
      schema: S;
      /** The route's per-IP limit (api/security/rateLimits.ts), as for its JSON twin. */
      limit: RouteLimits[keyof RouteLimits];
      run: (input: z.infer<S>, reply: FastifyReply, request: FastifyRequest) => Promise<string>;
    },
  ) {
    const render = (request: FastifyRequest, reply: FastifyReply, extra: Partial<Parameters<typeof formPage>[0]> = {}) =>
      reply.type('text/html; charset=utf-8').send(
        formPage({
          title: spec.title,
          intro: spec.intro,
          action: spec.path,
          csrf: csrfFor(request, reply),
          fields: spec.fields,
          submit: spec.submit,
          ...extra,
        }),
      );

    app.get(spec.path, { schema: { hide: true } }, (request, reply) => render(request, reply));
    app.post(spec.path, { schema: { hide: true, body: formBody }, config: spec.limit }, async (request, reply) => {
      let values: Record<string, string> = {};
      try {
        values = checkForm(request);
        const parsed = spec.schema.safeParse(values);
        if (!parsed.success)
          return render(request, reply.status(400), {
            values,
            errors: fieldMessages(parsed.error.issues),
            message: { text: say('http.invalidFields'), kind: 'error' },
          });
        return reply.type('text/html; charset=utf-8').send(await spec.run(parsed.data, reply, request));
      } catch (error) {
        const { status, body } = toHttpError(error);
        if (status >= 500) request.log.error({ err: error }, 'portal form failed');
        return render(request, reply.status(status), { values, errors: body.fields, message: { text: body.message, kind: 'error' } });
      }
    });
  }

  return async (app) => {
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.type('text/html; charset=utf-8').send(homePage()));

    form(app, {
      path: '/compte/creation',
      title: 'Création de compte',
      intro:
        'Attention, lorsque vous aurez modifié votre compte, vous serez déconnecté. Vous devrez consulter vos courriels pour valider votre adresse, puis vous pourrez vous reconnecter.',
      fields: [
        { name: 'lastName', label: 'Nom', autocomplete: 'family-name' },
        { name: 'firstName', label: 'Prénom', autocomplete: 'given-name' },
        { name: 'email', label: 'Adresse mail', type: 'email', autocomplete: 'email' },
        { name: 'emailConfirmation', label: 'Confirmation Adresse Mail', type: 'email' },
        {
          name: 'password',
          label: 'Mot de passe (12 caractères minimum ; une phrase de plusieurs mots convient)',
          type: 'password',
          autocomplete: 'new-password',
        },
      ],
      submit: 'Enregistrer',
      schema: createCandidateBody,
      limit: limits.mailToTypedAddress,
      run: async (input) => messagePage('Compte créé', (await candidates.createAccount(input)).message),
    });

    form(app, {
      path: '/connexion',
      title: 'Connexion',
      intro: 'Je ne suis pas étudiant à l’université : connectez-vous avec votre compte eCandidat (numéro de dossier ou adresse mail).',
      fields: [
        { name: 'login', label: 'Utilisateur', autocomplete: 'username' },
        { name: 'password', label: 'Mot de passe', type: 'password', autocomplete: 'current-password' },
      ],
      submit: 'Connexion',
      schema: loginBody,
      limit: limits.passwordCheck,
      run: async (input, reply, request) => {
        const session = await sessions.login(input, request.ip);
        setSessionCookie(reply, deps.config.http.publicBaseUrl, session);
        return messagePage(
          'Connecté',
          `Vous êtes connecté. Votre numéro de dossier : ${session.fileNumber}.`,
          'ok',
          `<p><a href="/mon-compte">Mon compte</a></p>`,
        );
      },
    });

    form(app, {
      path: '/identifiants-oublies',
      title: 'J’ai oublié mes identifiants',
      intro:
        'Saisissez l’adresse mail utilisée pour la création de votre compte : vous recevrez votre identifiant et un lien pour choisir un nouveau mot de passe.',
      fields: [{ name: 'email', label: 'Adresse mail', type: 'email', autocomplete: 'email' }],
      submit: 'Envoyer',
      schema: emailOnlyBody,
      limit: limits.mailToTypedAddress,
      run: async (input) => messagePage('Demande enregistrée', (await candidates.forgottenCredentials(input.email)).message),
    });

    form(app, {
      path: '/compte/renvoyer-lien',
      title: 'Renvoyer le lien de validation',
      fields: [{ name: 'email', label: 'Adresse mail', type: 'email', autocomplete: 'email' }],
      submit: 'Renvoyer le lien',
      schema: emailOnlyBody,
      limit: limits.mailToTypedAddress,
      run: async (input) => messagePage('Demande enregistrée', (await candidates.resendValidationLink(input.email)).message),
    });

    app.get('/mon-compte', { schema: { hide: true } }, async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      const token = sessionTokenOf(request);
      const session = token ? await sessions.authenticate(token) : undefined;
      const account = session ? await candidates.findProfile(session.principal_id) : undefined;
      if (!account)
        return reply
          .status(401)
          .send(messagePage('Mon compte', 'Vous n’êtes pas connecté.', 'error', '<p><a href="/connexion">Connexion</a></p>'));
      const rows: [string, string][] = [
        ['Nom', account.lastName],
        ['Prénom', account.firstName],
        ['Numéro de dossier', account.fileNumber],
        ['Adresse mail', account.email],
      ];
      const details = `<dl>${rows.map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
      return messagePage('Mon compte', 'Compte validé.', 'ok', details + logoutForm(csrfFor(request, reply)));
    });

    app.post('/deconnexion', { schema: { hide: true, body: formBody } }, async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      try {
        checkForm(request);
      } catch (error) {
        return reply.status(403).send(messagePage('Déconnexion', (error as Error).message, 'error'));
      }
      const token = sessionTokenOf(request);
      const session = token ? await sessions.authenticate(token) : undefined;
      if (session) await sessions.logout(session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return messagePage('Déconnexion', 'Vous êtes déconnecté.');
    });
  };
}
