import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { photoRules } from '../../lib/images/photoChecks.js';
import type { ApiDeps } from '../deps.js';
import { say } from '../language.js';
import { errorResponse } from '../schemas.js';
import { requireSession, requireSessionOf } from '../sessions/auth.js';
import { createSessionUseCases } from '../sessions/sessions.js';
import { cardParams, cardState, decisionsBody, myCard, oppositionBody, stepBody } from './schemas.js';
import { createStudentCardUseCases } from './useCases.js';

const student = ['Carte étudiante : « Badge et accès » et photo'];
const office = ['Carte étudiante : service de la carte'];
const denied = { 401: errorResponse, 403: errorResponse };

/** The student card's JSON API: the student's side (`/api/student-card`) and the card office's (`/api/card-office`). */
export function studentCardApiRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const cards = createStudentCardUseCases(deps);
  const { authenticate } = createSessionUseCases(deps);
  const signedIn = requireSession(authenticate);
  const asStaff = requireSessionOf('staff', authenticate);
  const who = (request: { session?: { principal_kind: string; principal_id: string } }) => ({
    kind: request.session!.principal_kind as 'student',
    id: request.session!.principal_id,
  });

  return async (app) => {
    // Scoped to these routes: only the photo upload accepts multipart, 10 MB at most.
    await app.register(multipart, { limits: { fileSize: photoRules.maxBytes, files: 1, fields: 2, fieldSize: 1024, parts: 3 } });

    app.get('/student-card', {
      preHandler: signedIn,
      schema: { tags: student, summary: 'Ma carte étudiante : état, photos, historique', response: { 200: myCard, ...denied } },
      handler: async (request) => {
        const { card, photos, history } = await cards.myCard(who(request));
        return {
          card: card
            ? {
                id: card.id,
                status: card.status,
                rejections: card.rejections,
                disabledMotive: card.disabled_motive,
                disabledAt: card.disabled_at,
                validUntil: card.valid_until,
                replacesCardId: card.replaces_card_id,
              }
            : null,
          photos: photos.map((p) => ({
            id: p.id,
            status: p.status,
            uploadedAt: p.uploaded_at,
            refusalReason: p.refusal_reason,
            refusalComment: p.refusal_comment,
          })),
          history,
        };
      },
    });

    app.post('/student-card/photo', {
      preHandler: signedIn,
      schema: {
        tags: student,
        summary: 'Déposer ma photo (multipart/form-data, fichier « photo », JPEG ou PNG, 10 Mo au plus)',
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({ cardId: z.uuid(), photoId: z.uuid(), measures: z.record(z.string(), z.number()) }),
          400: errorResponse,
          409: errorResponse,
          413: errorResponse,
          ...denied,
        },
      },
      handler: async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError(ErrorKind.Validation, msg('studentCard.photo_required'), { photo: msg('studentCard.photo_required') });
        let bytes: Buffer | undefined;
        try {
          for await (const part of request.parts())
            if (part.type === 'file' && part.fieldname === 'photo' && !bytes) bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
          const message = say('studentCard.photo_tooLarge');
          return reply.status(413).send({ error: 'PayloadTooLarge', message, fields: { photo: message } });
        }
        return reply.status(201).send(await cards.uploadPhoto(who(request), bytes));
      },
    });

    app.post('/student-card/opposition', {
      preHandler: signedIn,
      schema: {
        tags: student,
        summary: 'Mettre ma carte en opposition (perte, vol, carte défectueuse) : effet immédiat',
        body: oppositionBody,
        response: { 200: cardState, 400: errorResponse, 404: errorResponse, 409: errorResponse, ...denied },
      },
      handler: async (request) => cards.oppose(who(request), request.body.motive),
    });

    app.post('/student-card/replacement', {
      preHandler: signedIn,
      schema: {
        tags: student,
        summary: 'Commander une nouvelle carte (après une opposition)',
        response: { 200: cardState, 404: errorResponse, 409: errorResponse, ...denied },
      },
      handler: async (request) => cards.orderReplacement(who(request)),
    });

    app.get('/card-office/photos', {
      preHandler: asStaff,
      schema: {
        tags: office,
        summary: 'Photos à vérifier, avec l’identité de l’étudiant (service de la carte)',
        response: {
          200: z.array(
            z.object({
              id: z.uuid(),
              card_id: z.uuid(),
              uploaded_at: z.date(),
              rejections: z.number(),
              first_name: z.string(),
              last_name: z.string(),
              student_number: z.string().nullable(),
            }),
          ),
          ...denied,
        },
      },
      handler: async (request) => cards.queue(request.session!.principal_id),
    });

    app.post('/card-office/photos/decisions', {
      preHandler: asStaff,
      schema: {
        tags: office,
        summary: 'Accepter ou refuser des photos (motif de la liste + commentaire), une réponse par photo',
        body: decisionsBody,
        response: {
          200: z.array(z.object({ photoId: z.uuid(), status: z.number(), message: z.string().optional() })),
          400: errorResponse,
          ...denied,
        },
      },
      handler: async (request) => cards.decidePhotos(request.session!.principal_id, request.body.items),
    });

    app.post('/card-office/cards/:cardId/steps', {
      preHandler: asStaff,
      schema: {
        tags: office,
        summary: 'Marquer une carte : en impression, imprimée, encodée, disponible, remise (active)',
        params: cardParams,
        body: stepBody,
        response: { 200: cardState, 400: errorResponse, 404: errorResponse, 409: errorResponse, ...denied },
      },
      handler: async (request) => cards.advance(request.session!.principal_id, request.params.cardId, request.body.to),
    });

    app.post('/card-office/cards/:cardId/reactivation', {
      preHandler: asStaff,
      schema: {
        tags: office,
        summary: 'Réactiver une carte retrouvée (service de la carte seulement)',
        params: cardParams,
        response: { 200: cardState, 404: errorResponse, 409: errorResponse, ...denied },
      },
      handler: async (request) => cards.reactivate(request.session!.principal_id, request.params.cardId),
    });

    app.post('/card-office/print-runs', {
      preHandler: asStaff,
      schema: {
        tags: office,
        summary: 'Envoyer à l’impression toutes les demandes validées',
        response: { 200: z.object({ count: z.number() }), ...denied },
      },
      handler: async (request) => cards.startPrint(request.session!.principal_id),
    });

    app.get('/card-office/print-list.csv', {
      preHandler: asStaff,
      schema: { tags: office, summary: 'La liste d’impression (CSV)', produces: ['text/csv'], response: { 200: z.string(), ...denied } },
      handler: async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="liste-impression.csv"')
          .send(await cards.printCsv(request.session!.principal_id)),
    });

    app.get('/card-office/print-photos.zip', {
      preHandler: asStaff,
      schema: {
        tags: office,
        summary: 'Les photos normalisées des cartes en impression (ZIP)',
        produces: ['application/zip'],
        response: { 200: z.any(), ...denied },
      },
      handler: async (request, reply) =>
        reply
          .type('application/zip')
          .header('content-disposition', 'attachment; filename="photos-impression.zip"')
          .send(await cards.printZip(request.session!.principal_id)),
    });
  };
}
