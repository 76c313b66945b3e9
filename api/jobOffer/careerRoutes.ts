import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findRecruiterById } from '../../db/recruiterAccounts.js';
import type { PrincipalKind } from '../../db/sessions.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { createPageKit, type PageContext, redirectTo } from '../pages/kit.js';
import { filledQuery, idParam, sessionOf } from '../pages/params.js';
import { fieldMessages } from '../schemas.js';
import { createOfferBrowsingUseCases } from './browsing.js';
import {
  applicationsPage,
  applyPage,
  careerPaths,
  durationOptions,
  hubPage,
  myOfferPage,
  myOffersPage,
  offerFormPage,
  offerPage,
  searchPage,
  withdrawPage,
} from './careerPages.js';
import { offerBody, offerSearchQuery, withdrawalFields } from './schemas.js';
import { applicationForm } from './upload.js';
import { canEditOffer, canWithdrawOffer, createJobOfferUseCases } from './useCases.js';

/** Who browses and answers offers (seed 002: students and Alumni), and who posts them. */
const members: readonly PrincipalKind[] = ['graduate', 'student'];
const authors: readonly PrincipalKind[] = ['graduate', 'recruiter'];

/** A form's blank optional fields are absent, as the API expects them. */
const withoutBlanks = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')));

/**
 * « Carrière » (seed 002) in the browser, over the API's own use cases (api/jobOffer/useCases.ts,
 * browsing.ts): the search and its filters, one offer, « Postuler » with the CV, « Déposer une
 * offre ou un stage », « Mes offres d'emploi » with each offer's history, edit, withdrawal and the
 * applications received.
 */
export function careerPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const kit = createPageKit(deps);
  const browsing = createOfferBrowsingUseCases(deps);
  const offers = createJobOfferUseCases(deps);
  const { cvMaxBytes } = deps.config.offers;
  const maxMegabytes = Math.round((cvMaxBytes / 1024 / 1024) * 10) / 10;

  /** May this person post offers now? (the use case's own rule: an active graduate, a recruiter granted the right) */
  const mayPost = async (ctx: PageContext) =>
    offers
      .authorOf(sessionOf(ctx))
      .then(() => true)
      .catch(() => false);

  return async (app) => {
    await kit.acceptUploads(app, { fileSize: cvMaxBytes, files: 1, fields: 4 });

    kit.page(
      app,
      careerPaths.hub,
      async (ctx) => {
        const author = await mayPost(ctx);
        const recruiter = ctx.user!.kind === 'recruiter';
        const recruiterWithoutRight = recruiter && !author && (await findRecruiterById(deps.db, ctx.user!.id))?.status === 'active';
        return hubPage(ctx, { member: members.includes(ctx.user!.kind), author, recruiterWithoutRight });
      },
      { for: [...members, 'recruiter'] },
    );

    // A GET form: the filters live in the URL, so a search can be bookmarked and paged.
    kit.page(
      app,
      careerPaths.search,
      async (ctx) => {
        const values = filledQuery(ctx);
        const parsed = offerSearchQuery.safeParse(values);
        const state = { lang: ctx.lang, values, errors: parsed.success ? {} : fieldMessages(parsed.error.issues) };
        const result = parsed.success ? await browsing.search(sessionOf(ctx), { ...parsed.data, pageSize: 10 }) : undefined;
        return { ...searchPage(ctx, state, result), ...(parsed.success ? {} : { status: 400 }) };
      },
      { for: members },
    );

    kit.form(app, {
      path: careerPaths.post,
      for: authors,
      schema: offerBody,
      initial: () => ({ publicationDuration: deps.config.offers.publicationDefault }),
      prepare: withoutBlanks,
      render: (ctx, state, message) =>
        offerFormPage(
          ctx,
          {
            title: ctx.t('pageCareer.postTitle'),
            intro: ctx.t('pageCareer.postIntro'),
            action: careerPaths.post,
            cancel: careerPaths.hub,
            durations: durationOptions(ctx, deps.config.offers),
          },
          state,
          message,
        ),
      submit: async (ctx, input) => {
        const offer = await offers.create(sessionOf(ctx), input);
        return redirectTo(careerPaths.myOffer(offer.id), msg('pageCareer.posted'));
      },
    });

    kit.page(app, '/carriere/offres/:id', async (ctx) => offerPage(ctx, await browsing.get(sessionOf(ctx), idParam(ctx))), {
      for: members,
    });

    kit.form(app, {
      path: '/carriere/offres/:id/postuler',
      for: members,
      // The message and the CV are checked by the API's own rules (upload.ts) once the files are read.
      schema: z.object({ message: z.string().optional() }),
      uploads: { files: ['cv'], tooLarge: msg('jobOffer.cvTooLarge', { maxMegabytes: cvMaxBytes / 1024 / 1024 }) },
      render: async (ctx, state, message) => applyPage(ctx, await browsing.get(sessionOf(ctx), idParam(ctx)), state, message, maxMegabytes),
      submit: async (ctx, input, files) => {
        const id = idParam(ctx);
        await browsing.apply(sessionOf(ctx), id, await applicationForm(input.message, files.cv, deps.config.offers.cvCheck));
        return redirectTo(careerPaths.offer(id), msg('pageCareer.applied'));
      },
    });

    kit.page(
      app,
      careerPaths.mine,
      async (ctx) => {
        return myOffersPage(ctx, await offers.listMine(sessionOf(ctx)), await mayPost(ctx));
      },
      { for: authors },
    );

    kit.page(
      app,
      '/carriere/mes-offres/:id',
      async (ctx) => {
        const session = sessionOf(ctx);
        const offer = await offers.detail(session, idParam(ctx));
        const applications = (await offers.applications(session, offer.id)).length;
        return myOfferPage(ctx, offer, { edit: canEditOffer(offer.status), withdraw: canWithdrawOffer(offer.status) }, applications);
      },
      { for: authors },
    );

    kit.form(app, {
      path: '/carriere/mes-offres/:id/modifier',
      for: authors,
      schema: offerBody,
      initial: async (ctx) => {
        const offer = await offers.detail(sessionOf(ctx), idParam(ctx));
        const { title, kind, company, location, contract, startsOn, description, contactEmail, publicationDuration } = offer;
        return { title, kind, company, location, contract, startsOn, description, contactEmail, publicationDuration };
      },
      prepare: withoutBlanks,
      render: async (ctx, state, message) => {
        const offer = await offers.detail(sessionOf(ctx), idParam(ctx));
        return offerFormPage(
          ctx,
          {
            title: ctx.t('pageCareer.editTitle', { title: offer.title }),
            intro: ctx.t('pageCareer.editIntro'),
            action: careerPaths.edit(offer.id),
            cancel: careerPaths.myOffer(offer.id),
            durations: durationOptions(ctx, deps.config.offers),
          },
          state,
          message,
        );
      },
      submit: async (ctx, input) => {
        const offer = await offers.revise(sessionOf(ctx), idParam(ctx), input);
        return redirectTo(careerPaths.myOffer(offer.id), msg('pageCareer.revised'));
      },
    });

    kit.form(app, {
      path: '/carriere/mes-offres/:id/retrait',
      for: authors,
      schema: withdrawalFields,
      prepare: withoutBlanks,
      render: async (ctx, state, message) => withdrawPage(ctx, await offers.detail(sessionOf(ctx), idParam(ctx)), state, message),
      submit: async (ctx, input) => {
        const offer = await offers.withdraw(sessionOf(ctx), idParam(ctx), input.reason);
        return redirectTo(careerPaths.myOffer(offer.id), msg('pageCareer.withdrawn'));
      },
    });

    kit.page(
      app,
      '/carriere/mes-offres/:id/candidatures',
      async (ctx) => {
        const session = sessionOf(ctx);
        const offer = await offers.detail(session, idParam(ctx));
        return applicationsPage(ctx, offer, await offers.applications(session, offer.id));
      },
      { for: authors },
    );

    // The CV itself: a file, not a page (the author's own offers only; the same answer as the mail's attachment).
    app.get('/carriere/mes-offres/:id/candidatures/:applicationId/cv', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await kit.context(request, reply);
      try {
        if (!ctx.user || !authors.includes(ctx.user.kind))
          return kit.send(ctx, kit.messagePage(ctx, 404, ctx.t('page.notFoundTitle'), ctx.t('page.notFound')));
        const cv = await offers.applicationCv(sessionOf(ctx), idParam(ctx), idParam(ctx, 'applicationId'));
        const ascii = cv.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
        return reply
          .type('application/pdf')
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(cv.filename)}`)
          .send(cv.bytes);
      } catch (error) {
        const { status } = toHttpError(error, ctx.lang);
        return kit.send(
          ctx,
          status === 404 ? kit.messagePage(ctx, 404, ctx.t('page.notFoundTitle'), ctx.t('page.notFound')) : kit.errorResult(ctx, error),
        );
      }
    });
  };
}
