import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { photosOf } from '../../db/cardPhotos.js';
import type { CardStatus } from '../../db/studentCards.js';
import { msg } from '../../lib/i18n/index.js';
import { photoRules } from '../../lib/images/photoChecks.js';
import type { ApiDeps } from '../deps.js';
import { toHttpError } from '../errors.js';
import { emptyForm } from '../pages/forms.js';
import { createPageKit, type PageContext, redirectTo } from '../pages/kit.js';
import { cardsPage, photoQueuePage } from './officePages.js';
import { oppositionBody, photoDecision, stepBody } from './schemas.js';
import { badgePage, photoPage } from './studentPages.js';
import { createStudentCardUseCases, type PhotoDecision } from './useCases.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const officeStatuses: CardStatus[] = ['request_checked', 'in_print', 'printed', 'encoded', 'ready', 'disabled'];

/**
 * The pages of the student card: « Badge et accès » and the photo (tabs of « Mon compte », for
 * students logged in through the ENT), and the card office's pages (staff holding `service_carte`),
 * self-contained on the page kit until the staff shell takes them in.
 */
export function studentCardPageRoutes(deps: ApiDeps): FastifyPluginAsync {
  const kit = createPageKit(deps);
  const cards = createStudentCardUseCases(deps);
  const me = (ctx: PageContext) => ({ kind: ctx.user!.kind, id: ctx.user!.id });
  const badgeView = async (ctx: PageContext) => {
    const { card, history } = await cards.myCard(me(ctx));
    return { card, history, feeCents: deps.config.studentCard.replacementFeeCents };
  };
  const sendJpeg = (reply: FastifyReply, bytes: Buffer) =>
    reply.type('image/jpeg').header('cache-control', 'private, no-store').header('content-disposition', 'inline').send(bytes);

  return async (app) => {
    await kit.acceptUploads(app, { fileSize: photoRules.maxBytes, files: 1, fields: 2 });

    // The student: « Badge et accès », the photo.
    kit.page(app, '/mon-compte/badge', async (ctx) => badgePage(ctx, await badgeView(ctx), emptyForm(ctx.lang)), { for: ['student'] });
    kit.form(app, {
      path: '/mon-compte/badge/opposition',
      for: ['student'],
      schema: oppositionBody,
      render: async (ctx, state, message) => badgePage(ctx, await badgeView(ctx), state, message),
      submit: async (ctx, input) => {
        await cards.oppose(me(ctx), input.motive);
        return redirectTo('/mon-compte/badge', msg('studentCard.opposed'));
      },
    });
    kit.action(
      app,
      '/mon-compte/badge/remplacement',
      async (ctx) => {
        await cards.orderReplacement(me(ctx));
        return redirectTo('/mon-compte/badge', msg('studentCard.replacementOrdered'));
      },
      { for: ['student'] },
    );
    kit.form(app, {
      path: '/mon-compte/photo',
      for: ['student'],
      schema: z.object({}),
      uploads: { files: ['photo'], tooLarge: msg('studentCard.photo_tooLarge') },
      render: async (ctx, state, message) => {
        const { card } = await cards.myCard(me(ctx));
        return photoPage(ctx, { card, photos: card ? await photosOf(deps.db, card.id) : [] }, state, message);
      },
      submit: async (ctx, _input, files) => {
        await cards.uploadPhoto(me(ctx), files.photo?.bytes);
        return redirectTo('/mon-compte/photo', msg('studentCard.photoReceived'));
      },
    });

    // Photos as images: the student's own; the card office's queue.
    for (const path of ['/mon-compte/photo/:photoId.jpg', '/service-carte/photos/:photoId.jpg']) {
      app.get(path, { schema: { hide: true } }, async (request, reply) => {
        const ctx = await kit.context(request, reply);
        const { photoId } = request.params as { photoId: string };
        if (!ctx.user || !uuid.test(photoId)) return reply.status(404).send();
        try {
          return sendJpeg(reply, await cards.photoImage(me(ctx), photoId));
        } catch (error) {
          return reply.status(toHttpError(error, ctx.lang).status).send();
        }
      });
    }

    // The card office.
    kit.page(app, '/service-carte/photos', async (ctx) => photoQueuePage(ctx, await cards.queue(ctx.user!.id)), { for: ['staff'] });
    kit.action(
      app,
      '/service-carte/photos/decisions',
      async (ctx, form) => {
        const ids = Object.keys(form)
          .filter((k) => k.startsWith('photo-') && form[k] === 'on')
          .map((k) => k.slice('photo-'.length));
        const queue = await cards.queue(ctx.user!.id);
        if (ids.length === 0) return redirectTo('/service-carte/photos', msg('studentCard.selectSomething'), 'error');
        const items: PhotoDecision[] = [];
        for (const photoId of ids) {
          const parsed = photoDecision.safeParse({
            photoId,
            outcome: form.outcome,
            ...(form.reason ? { reason: form.reason } : {}),
            ...(form.comment?.trim() ? { comment: form.comment } : {}),
          });
          if (!parsed.success)
            return redirectTo(
              '/service-carte/photos',
              msg(form.outcome ? 'studentCard.reasonRequired' : 'pageStudentCard.decisionRequired'),
              'error',
            );
          items.push(parsed.data);
        }
        const results = await cards.decidePhotos(ctx.user!.id, items);
        const failed = results.filter((r) => r.status !== 200);
        if (failed.length) {
          const names = new Map(queue.map((q) => [q.id, `${q.first_name} ${q.last_name}`]));
          return photoQueuePage(
            ctx,
            await cards.queue(ctx.user!.id),
            failed.map((f) => ({ name: names.get(f.photoId) ?? f.photoId, message: f.message ?? '' })),
          );
        }
        return redirectTo('/service-carte/photos', msg('studentCard.decisionsDone', { count: results.length, failed: 0 }));
      },
      { for: ['staff'] },
    );
    kit.page(
      app,
      '/service-carte/cartes',
      async (ctx) => {
        const all = await cards.cards(ctx.user!.id, officeStatuses);
        return cardsPage(
          ctx,
          officeStatuses.map((status) => ({ status, cards: all.filter((c) => c.status === status) })),
        );
      },
      { for: ['staff'] },
    );
    kit.action(
      app,
      '/service-carte/impression',
      async (ctx) => {
        const { count } = await cards.startPrint(ctx.user!.id);
        return redirectTo('/service-carte/cartes', msg('studentCard.printStarted', { count }));
      },
      { for: ['staff'] },
    );
    kit.action(
      app,
      '/service-carte/cartes/:cardId/etape',
      async (ctx, form) => {
        const { cardId } = ctx.request.params as { cardId: string };
        const step = stepBody.safeParse(form);
        if (!uuid.test(cardId) || !step.success) return redirectTo('/service-carte/cartes');
        await cards.advance(ctx.user!.id, cardId, step.data.to);
        return redirectTo('/service-carte/cartes', msg('studentCard.stepDone'));
      },
      { for: ['staff'] },
    );
    kit.action(
      app,
      '/service-carte/cartes/:cardId/reactivation',
      async (ctx) => {
        const { cardId } = ctx.request.params as { cardId: string };
        if (!uuid.test(cardId)) return redirectTo('/service-carte/cartes');
        await cards.reactivate(ctx.user!.id, cardId);
        return redirectTo('/service-carte/cartes', msg('studentCard.reactivated'));
      },
      { for: ['staff'] },
    );
    for (const [path, file] of [
      ['/service-carte/impression.csv', 'csv'],
      ['/service-carte/impression.zip', 'zip'],
    ] as const) {
      app.get(path, { schema: { hide: true } }, async (request, reply) => {
        const ctx = await kit.context(request, reply);
        if (ctx.user?.kind !== 'staff') return kit.send(ctx, redirectTo('/personnels/connexion'));
        try {
          if (file === 'csv')
            return reply
              .type('text/csv; charset=utf-8')
              .header('content-disposition', 'attachment; filename="liste-impression.csv"')
              .send(await cards.printCsv(ctx.user.id));
          return reply
            .type('application/zip')
            .header('content-disposition', 'attachment; filename="photos-impression.zip"')
            .send(await cards.printZip(ctx.user.id));
        } catch (error) {
          return kit.send(ctx, kit.errorResult(ctx, error));
        }
      });
    }
  };
}
