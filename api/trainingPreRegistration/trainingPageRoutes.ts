import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PreRegistrationStatus } from '../../db/preRegistrations.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { createPageKit, type PageContext, redirectTo } from '../pages/kit.js';
import { filledQuery, idParam, sessionOf } from '../pages/params.js';
import { fieldMessages } from '../schemas.js';
import { applicantKinds, createApplicantResolver } from './applicants.js';
import { createTrainingCatalogUseCases } from './catalog.js';
import { createPreRegistrationDraftUseCases } from './drafts.js';
import { catalogQuery, stepSchemas } from './schemas.js';
import {
  actionPage,
  cataloguePage,
  minePage,
  recapPage,
  requestPage,
  type StepNumber,
  stepPage,
  trainingPaths,
  withdrawPage,
} from './trainingPages.js';
import { canWithdraw, createPreRegistrationLifecycleUseCases } from './useCases.js';

const withoutBlanks = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')));
const asStrings = (values: Record<string, unknown> | null | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, String(value)]));
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Seed 004 in the browser, over the API's use cases: the catalogue by theme and by search, an
 * action's sheet with its sessions and « pré-inscription », the five steps (each saved as a draft),
 * « Envoyer » from the summary, « mes candidatures » with each request's history and « Me désister ».
 */
export function trainingPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const catalog = createTrainingCatalogUseCases(deps);
  const drafts = createPreRegistrationDraftUseCases(deps);
  const lifecycle = createPreRegistrationLifecycleUseCases(deps);
  const applicantOf = createApplicantResolver(deps);
  const me = (ctx: PageContext) => applicantOf(sessionOf(ctx));

  /** The draft (own only) with the action and session it is for. */
  async function draftAndSession(ctx: PageContext) {
    const draft = await drafts.get(await me(ctx), idParam(ctx));
    const session = await catalog.session(draft.sessionId);
    const action = await catalog.action(session.actionId);
    return { draft, about: { action, session } };
  }

  /** One line of « mes candidatures » (own only). */
  async function requestItem(ctx: PageContext) {
    const id = idParam(ctx);
    const item = (await drafts.listMine(await me(ctx))).find((i: { id: string }) => i.id === id);
    if (!item) throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.notFound'));
    return item;
  }

  return async (app) => {
    kit.page(app, trainingPaths.catalogue, async (ctx) => {
      const values = filledQuery(ctx);
      const parsed = catalogQuery.safeParse(values);
      const state = { lang: ctx.lang, values, errors: parsed.success ? {} : fieldMessages(parsed.error.issues) };
      const result = parsed.success
        ? { ...(await catalog.search({ ...parsed.data, pageSize: 10 })), page: parsed.data.page, pageSize: 10 }
        : undefined;
      return { ...cataloguePage(ctx, state, await catalog.themes(), result), ...(parsed.success ? {} : { status: 400 }) };
    });

    kit.page(app, '/formation-continue/actions/:id', async (ctx) => {
      const canApply = !!ctx.user && applicantKinds.includes(ctx.user.kind);
      return actionPage(ctx, await catalog.action(idParam(ctx)), canApply);
    });

    // « pré-inscription »: a draft for the chosen session (or the one already in progress), then step 1.
    kit.action(
      app,
      trainingPaths.start,
      async (ctx, form) => {
        if (!form.session || !uuid.test(form.session))
          throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.sessionNotFound'));
        try {
          const draft = await drafts.start(await me(ctx), form.session);
          return redirectTo(trainingPaths.step(draft.id, 1), msg('pageTraining.started'), 'info');
        } catch (error) {
          const existing = error instanceof AppError ? (error.extra?.preRegistrationId as string | undefined) : undefined;
          if (!existing) throw error;
          return redirectTo(trainingPaths.request(existing), msg('pageTraining.resumed'), 'info');
        }
      },
      { for: applicantKinds },
    );

    for (const step of [1, 2, 3, 4] as const satisfies StepNumber[]) {
      kit.form(app, {
        path: `/formation-continue/pre-inscriptions/:id/etape-${step}`,
        for: applicantKinds,
        schema: stepSchemas[step] as z.ZodType<Record<string, unknown>>,
        initial: async (ctx) => {
          const { draft } = await draftAndSession(ctx);
          const saved = draft.steps[step - 1]?.values;
          if (saved) return asStrings(saved);
          if (step !== 1) return {};
          // Step 1 starts from what the account knows.
          const started = await drafts.prefill(await me(ctx));
          return asStrings(started);
        },
        prepare: withoutBlanks,
        render: async (ctx, state, message) => {
          const { draft, about } = await draftAndSession(ctx);
          return stepPage(ctx, draft, about, step, state, message);
        },
        submit: async (ctx, data) => {
          const draft = await drafts.saveStep(await me(ctx), idParam(ctx), step, data);
          return redirectTo(trainingPaths.step(draft.id, step + 1), msg('pageTraining.stepSaved', { step }));
        },
      });
    }

    kit.page(
      app,
      '/formation-continue/pre-inscriptions/:id/recapitulatif',
      async (ctx) => {
        const { draft, about } = await draftAndSession(ctx);
        if (draft.status !== 'draft') return redirectTo(trainingPaths.request(draft.id));
        return recapPage(ctx, draft, about);
      },
      { for: applicantKinds },
    );

    kit.action(
      app,
      '/formation-continue/pre-inscriptions/:id/envoi',
      async (ctx) => {
        const sent = await lifecycle.submit(await me(ctx), idParam(ctx));
        return redirectTo(trainingPaths.request(sent.id), msg('pageTraining.sent'));
      },
      { for: applicantKinds },
    );

    kit.page(app, trainingPaths.mine, async (ctx) => minePage(ctx, await drafts.listMine(await me(ctx))), { for: applicantKinds });

    kit.page(
      app,
      '/formation-continue/mes-candidatures/:id',
      async (ctx) => {
        const applicant = await me(ctx);
        const item = await requestItem(ctx);
        const draft = await drafts.get(applicant, item.id);
        const { events } = await drafts.history(applicant, item.id);
        // The status shown is the applicant's (« en cours d'analyse » until the decision is communicated).
        return requestPage(ctx, item, { ...draft, status: item.status }, events, canWithdraw(draft.status as PreRegistrationStatus));
      },
      { for: applicantKinds },
    );

    kit.form(app, {
      path: '/formation-continue/mes-candidatures/:id/desistement',
      for: applicantKinds,
      schema: z.object({ reason: z.string().trim().max(500).optional() }),
      prepare: withoutBlanks,
      render: async (ctx, state, message) => withdrawPage(ctx, await requestItem(ctx), state, message),
      submit: async (ctx, input) => {
        const done = await lifecycle.withdraw(await me(ctx), idParam(ctx), input.reason);
        return redirectTo(trainingPaths.request(done.id), msg('pageTraining.withdrawn'));
      },
    });
  };
}
