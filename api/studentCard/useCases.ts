import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import yazl from 'yazl';
import { approvalRequestsOf } from '../../db/approvals.js';
import { findPhoto, photoBytes, photoQueue, photosOf, replacePendingPhoto } from '../../db/cardPhotos.js';
import { findEntAccountById } from '../../db/entAccounts.js';
import { listLifecycleEvents } from '../../db/lifecycleEvents.js';
import type { PrincipalKind } from '../../db/sessions.js';
import { cardsAt, cardsOf, currentCardOf, finalCardStatuses, findCard, insertCard, type OppositionMotive } from '../../db/studentCards.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { checkCardPhoto } from '../../lib/images/cardPhoto.js';
import {
  advanceUpdate,
  type CardState,
  opposeUpdate,
  orderReplacementUpdate,
  type ProductionStep,
  photoUploadedSignal,
  reactivateUpdate,
  studentCardWorkflowId,
} from '../../workflows/studentCard/contract.js';
import type { studentCard } from '../../workflows/studentCard/index.js';
import { createDecisionSender } from '../approvals/decide.js';
import type { ApiDeps } from '../deps.js';
import { refusalAsAppError, toHttpError } from '../errors.js';
import { startLifecycle } from '../lifecycles.js';
import { createStaffUseCases, type StaffPrincipal } from '../staff/useCases.js';

export interface Principal {
  kind: PrincipalKind;
  id: string;
}

export interface PhotoDecision {
  photoId: string;
  outcome: 'approve' | 'refuse';
  reason?: string | undefined;
  comment?: string | undefined;
}

const photoStatuses = new Set(['awaiting_photo', 'photo_pending', 'photo_refused']);

/**
 * The student card's use cases, shared by the JSON API and the pages: the student's card and photo,
 * opposition and replacement; the card office's queue, decisions, production steps and print files.
 */
export function createStudentCardUseCases(deps: ApiDeps) {
  const { db, temporal, config } = deps;
  const settings = config.studentCard;
  const staff = createStaffUseCases(deps);
  const sendDecision = createDecisionSender(deps);
  const handle = (cardId: string) => temporal.workflow.getHandle(studentCardWorkflowId(cardId));

  /** A lifecycle's refusal (already opposed, wrong step) becomes the AppError the pages and the API show. */
  async function update(run: () => Promise<CardState>): Promise<CardState> {
    try {
      return await run();
    } catch (error) {
      const refused = refusalAsAppError(error);
      if (refused) throw refused;
      throw error;
    }
  }

  function requireStudent(me: Principal) {
    if (me.kind !== 'student') throw new AppError(ErrorKind.Forbidden, msg('studentCard.studentsOnly'));
  }

  async function liveCardOf(me: Principal) {
    requireStudent(me);
    const card = await currentCardOf(db, me.id);
    if (!card || finalCardStatuses.includes(card.status)) throw new AppError(ErrorKind.NotFound, msg('studentCard.noCard'));
    return card;
  }

  /** A card request with its lifecycle, in one transaction (a failed start leaves no row). */
  async function requestCard(entAccountId: string) {
    return db.transaction(async (tx) => {
      const card = (await insertCard(tx, { id: randomUUID(), entAccountId }))!;
      await startLifecycle<typeof studentCard>(temporal, config.temporal.taskQueue, {
        workflowType: 'studentCard',
        workflowId: studentCardWorkflowId(card.id),
        input: {
          cardId: card.id,
          holderId: entAccountId,
          photoAlreadyAccepted: false,
          timers: {
            photoReminderMs: settings.photoReminderMs,
            requestExpiryMs: settings.requestExpiryMs,
            collectionReminderMs: settings.collectionReminderMs,
            validityMs: settings.validityMs,
            refusedPhotoRetentionMs: settings.refusedPhotoRetentionMs,
          },
          review: settings.review,
        },
        kind: 'studentCard',
        subjectId: card.id,
        summary: 'Carte étudiante',
      });
      return card;
    });
  }

  async function requireCardOffice(staffId: string): Promise<StaffPrincipal> {
    const me = await staff.requirePrincipal(staffId);
    if (!me.roles.some((r) => r.role === 'service_carte' || r.role === 'administrateur'))
      throw new AppError(ErrorKind.Forbidden, msg('studentCard.cardOfficeOnly'));
    return me;
  }

  return {
    requireCardOffice,

    /** « Badge et accès »: the card, its photos, its history (every card of the student, newest first). */
    async myCard(me: Principal) {
      requireStudent(me);
      const cards = await cardsOf(db, me.id);
      const current = cards.find((c) => !finalCardStatuses.includes(c.status)) ?? cards[0];
      const history = (
        await Promise.all(
          cards.map(async (c) =>
            (await listLifecycleEvents(db, c.id)).map((e: { status: string; at: Date }) => ({ cardId: c.id, status: e.status, at: e.at })),
          ),
        )
      )
        .flat()
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      const photos = current ? await photosOf(db, current.id) : [];
      return { card: current, photos, history };
    },

    /**
     * A photo from « Mon compte »: checked by its content, normalised, then handed to the card's
     * lifecycle (a new upload withdraws the pending one). The first photo creates the card request.
     */
    async uploadPhoto(me: Principal, bytes: Buffer | undefined) {
      requireStudent(me);
      if (!bytes || bytes.length === 0)
        throw new AppError(ErrorKind.Validation, msg('studentCard.photo_required'), { photo: msg('studentCard.photo_required') });
      const verdict = await checkCardPhoto(bytes);
      if (!verdict.ok) {
        const text = msg(`studentCard.photo_${verdict.refusal}`);
        throw new AppError(ErrorKind.Validation, text, { photo: text }, { refusal: verdict.refusal });
      }
      let card = await currentCardOf(db, me.id);
      if (!card || finalCardStatuses.includes(card.status)) card = await requestCard(me.id);
      if (!photoStatuses.has(card.status))
        throw new AppError(ErrorKind.Conflict, msg('studentCard.photoNotExpected', { status: card.status }));
      const photoId = randomUUID();
      const cardId = card.id;
      await db.transaction((tx) =>
        replacePendingPhoto(tx, {
          id: photoId,
          cardId,
          jpeg: verdict.jpeg,
          width: verdict.width,
          height: verdict.height,
          measures: verdict.measures,
        }),
      );
      await handle(cardId).signal(photoUploadedSignal, { photoId });
      return { cardId, photoId, measures: verdict.measures };
    },

    /** The student's own photos; the card office sees every photo. */
    async photoImage(viewer: Principal, photoId: string): Promise<Buffer> {
      const photo = await findPhoto(db, photoId);
      const card = photo ? await findCard(db, photo.card_id) : undefined;
      const allowed =
        card &&
        (viewer.kind === 'student' ? card.ent_account_id === viewer.id : viewer.kind === 'staff' && (await requireCardOffice(viewer.id)));
      const bytes = allowed ? await photoBytes(db, photoId) : undefined;
      if (!bytes) throw new AppError(ErrorKind.NotFound, msg('studentCard.photoNotFound'));
      return bytes;
    },

    async oppose(me: Principal, motive: OppositionMotive) {
      const card = await liveCardOf(me);
      return update(() => handle(card.id).executeUpdate(opposeUpdate, { args: [{ motive }] }));
    },

    async orderReplacement(me: Principal) {
      const card = await liveCardOf(me);
      return update(() => handle(card.id).executeUpdate(orderReplacementUpdate, { args: [] }));
    },

    // The card office.

    async queue(staffId: string) {
      await requireCardOffice(staffId);
      return photoQueue(db);
    },

    /** Each photo is decided on its own, through the card's decision step; one refusal never stops the others. */
    async decidePhotos(staffId: string, items: PhotoDecision[]) {
      const me = await requireCardOffice(staffId);
      const results: { photoId: string; status: number; message?: string }[] = [];
      for (const item of items) {
        try {
          const photo = await findPhoto(db, item.photoId);
          if (photo?.status !== 'pending') throw new AppError(ErrorKind.NotFound, msg('studentCard.photoNotFound'));
          const workflowId = studentCardWorkflowId(photo!.card_id);
          const step = (await approvalRequestsOf(db, workflowId)).find((r) => r.status === 'pending' && r.details.Photo === item.photoId);
          if (!step) throw new AppError(ErrorKind.Conflict, msg('studentCard.photoNotFound'));
          // The comment is free text: it stays in PostgreSQL, never in the lifecycle's history.
          await db('card_photos')
            .where({ id: item.photoId, status: 'pending' })
            .update({ refusal_comment: item.comment ?? null });
          await sendDecision(workflowId, {
            step: step.step,
            decider: { key: me.key, roles: me.roles },
            channel: 'inbox',
            outcome: item.outcome,
            ...(item.reason ? { reason: item.reason } : {}),
          });
          results.push({ photoId: item.photoId, status: 200 });
        } catch (error) {
          const { status, body } = toHttpError(error);
          results.push({ photoId: item.photoId, status, message: body.message });
        }
      }
      return results;
    },

    async cards(staffId: string, statuses: Parameters<typeof cardsAt>[1]) {
      await requireCardOffice(staffId);
      return cardsAt(db, statuses);
    },

    async advance(staffId: string, cardId: string, to: ProductionStep) {
      const me = await requireCardOffice(staffId);
      if (!(await findCard(db, cardId))) throw new AppError(ErrorKind.NotFound, msg('studentCard.cardNotFound'));
      return update(() => handle(cardId).executeUpdate(advanceUpdate, { args: [{ to, by: me.key }] }));
    },

    /** « Lancer l'impression »: every checked request goes to print; the print list then lists them. */
    async startPrint(staffId: string) {
      const me = await requireCardOffice(staffId);
      const ready = await cardsAt(db, ['request_checked']);
      let count = 0;
      for (const card of ready) {
        try {
          await handle(card.id).executeUpdate(advanceUpdate, { args: [{ to: 'in_print', by: me.key }] });
          count += 1;
        } catch (error) {
          if (!(error instanceof WorkflowUpdateFailedError)) throw error;
        }
      }
      return { count };
    },

    /** The print list: one line per card in print (CSV, `;`-separated for French spreadsheets, UTF-8 with BOM). */
    async printCsv(staffId: string): Promise<string> {
      await requireCardOffice(staffId);
      const rows = await cardsAt(db, ['in_print']);
      const cell = (v: string | null) => `"${(v ?? '').replace(/"/g, '""').replace(/^([=+\-@\t\r])/, "'$1")}"`;
      const lines = [
        ['card_id', 'student_number', 'last_name', 'first_name', 'email', 'photo_file'].join(';'),
        ...rows.map((r) => [r.id, r.student_number, r.last_name, r.first_name, r.email, `${photoName(r)}`].map(cell).join(';')),
      ];
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },

    /** The normalised photos of the cards in print, one JPEG per card, named as in the CSV. */
    async printZip(staffId: string): Promise<Buffer> {
      await requireCardOffice(staffId);
      const rows = await cardsAt(db, ['in_print']);
      const zip = new yazl.ZipFile();
      for (const r of rows) {
        const bytes = r.photo_id ? await photoBytes(db, r.photo_id) : undefined;
        if (bytes) zip.addBuffer(bytes, photoName(r), { compress: false });
      }
      zip.end();
      const chunks: Buffer[] = [];
      for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },

    async reactivate(staffId: string, cardId: string) {
      const me = await requireCardOffice(staffId);
      if (!(await findCard(db, cardId))) throw new AppError(ErrorKind.NotFound, msg('studentCard.cardNotFound'));
      return update(() => handle(cardId).executeUpdate(reactivateUpdate, { args: [{ by: me.key }] }));
    },

    async holder(cardId: string) {
      const card = await findCard(db, cardId);
      return card ? findEntAccountById(db, card.ent_account_id) : undefined;
    },
  };
}

const photoName = (r: { id: string; student_number: string | null }) => `${(r.student_number ?? r.id).replace(/[^\w-]/g, '_')}.jpg`;

export type StudentCardUseCases = ReturnType<typeof createStudentCardUseCases>;
