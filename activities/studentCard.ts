import { createHash, randomUUID } from 'node:crypto';
import { log } from '@temporalio/activity';
import { countAttempt, markAcknowledged, recordAccessControlEvent } from '../db/accessControlEvents.js';
import { decidePhoto, findPhoto, photosOf } from '../db/cardPhotos.js';
import { findEntAccountById } from '../db/entAccounts.js';
import { readFreeText } from '../db/freeTexts.js';
import { type CardStatus, findCard, insertCard, setCardStatus, updateCard } from '../db/studentCards.js';
import { t } from '../lib/i18n/index.js';
import { refusalReasonText } from '../lib/images/refusalReasons.js';
import { deliverWebhook } from '../lib/webhooks/deliver.js';
import { mailLink } from '../mail/links.js';
import { type CardNotice, cardNotice } from '../mail/templates/studentCard/cardNotice.js';
import type { OppositionMotive } from '../workflows/studentCard/contract.js';
import { type ActivityDeps, currentWorkflowId, stepKey } from './kit/context.js';
import type { PhaseProjections } from './kit/lifecycle.js';
import { deliverOnce } from './kit/mailing.js';
import { missingRow } from './kit/missingRow.js';

/** `student_cards.status` follows the lifecycle; an opposition also records its motive and time. */
export const phaseProjections: PhaseProjections = {
  studentCard: async (tx, { subjectId, status, details }) => {
    await setCardStatus(tx, subjectId, status as CardStatus);
    if (status === 'disabled')
      await updateCard(tx, subjectId, { disabled_motive: details.motive as OppositionMotive, disabled_at: new Date(details.at as number) });
    if (status === 'enabled') await updateCard(tx, subjectId, { disabled_motive: null, disabled_at: null });
  },
};

export function createActivities(deps: ActivityDeps) {
  const { db, config } = deps;
  const settings = config.studentCard;

  async function requireCard(cardId: string) {
    const card = await findCard(db, cardId);
    if (!card) throw missingRow(`student card ${cardId}`);
    return card;
  }

  return {
    /** The card office's decision on a photo; a refusal counts (ESUP-SGC's « rejets »). Idempotent. */
    async settlePhoto(input: {
      cardId: string;
      photoId: string;
      outcome: 'accepted' | 'refused';
      decidedBy: string;
      /** The refusal's reason, typed by the card office: in PostgreSQL (free_texts), never in the history. */
      reasonId?: string;
      at: number;
      purgeAfter: number;
    }) {
      const reason = await readFreeText(db, input.reasonId);
      await db.transaction(async (tx) => {
        const before = await findPhoto(tx, input.photoId);
        if (before?.status !== 'pending') return;
        await decidePhoto(tx, input.photoId, {
          status: input.outcome,
          ...(reason ? { reason } : {}),
          decidedBy: input.decidedBy,
          at: new Date(input.at),
          ...(input.outcome === 'refused' ? { purgeAfter: new Date(input.purgeAfter) } : {}),
        });
        if (input.outcome === 'accepted') await updateCard(tx, input.cardId, { photo_id: input.photoId });
        else await tx('student_cards').where({ id: input.cardId }).increment('rejections', 1);
      });
    },

    /** The refused photo's bytes are deleted once its keeping time is over (its row keeps the reason). */
    async purgeRefusedPhoto(input: { photoId: string }) {
      await db('card_photos').where({ id: input.photoId, status: 'refused' }).update({ jpeg: null });
    },

    async recordCardValidity(input: { cardId: string; validUntil: number }) {
      await updateCard(db, input.cardId, { valid_until: new Date(input.validUntil) });
    },

    /**
     * The replacement's row: the old card's accepted photo is reused while it is still valid. The
     * new id comes from the workflow, so a retry finds the row it wrote.
     */
    async createReplacementCard(input: { oldCardId: string }) {
      const old = await requireCard(input.oldCardId);
      const existing = await db('student_cards').where({ replaces_card_id: old.id }).first();
      if (existing) return { newCardId: existing.id as string, photoAlreadyAccepted: existing.photo_id !== null };
      const newCardId = randomUUID();
      const photo = old.photo_id ? await findPhoto(db, old.photo_id) : undefined;
      const stillValid =
        !!photo?.decided_at && photo.status === 'accepted' && photo.decided_at.getTime() + settings.photoValidityMs > Date.now();
      // The documented payment hook: a fee is recorded on the new card; the payment interface
      // (lib/payments/, the membership issue) will ask for it before production when it lands.
      const card = await insertCard(db, {
        id: newCardId,
        entAccountId: old.ent_account_id,
        photoId: stillValid ? photo!.id : null,
        replacesCardId: old.id,
        feeCents: settings.replacementFeeCents,
      });
      return { newCardId, photoAlreadyAccepted: stillValid && card?.photo_id === photo!.id };
    },

    /**
     * Tells the access-control system, retried (by Temporal) until it acknowledges. The outbox row is
     * written first, keyed by the event id: every retry sends the same id and body, so the receiver
     * deduplicates; a row already acknowledged is not sent again.
     */
    async notifyAccessControl(input: {
      cardId: string;
      eventKey: string;
      type: 'card.disabled' | 'card.enabled';
      motive?: OppositionMotive;
      at: number;
    }) {
      const card = await requireCard(input.cardId);
      const holder = await findEntAccountById(db, card.ent_account_id);
      const eventId = eventIdOf(`${currentWorkflowId()}:${input.eventKey}`);
      const event = await recordAccessControlEvent(db, {
        id: eventId,
        cardId: card.id,
        type: input.type,
        payload: {
          id: eventId,
          type: input.type,
          occurredAt: new Date(input.at).toISOString(),
          card: { id: card.id, studentNumber: holder?.student_number ?? null },
          ...(input.motive ? { motive: input.motive } : {}),
        },
      });
      if (event.acknowledged_at) return 'already_acknowledged';
      const { url, secret, timeoutMs } = settings.accessControl;
      if (!url || !secret) {
        log.warn('ACCESS_CONTROL_WEBHOOK_URL/SECRET not set: the access-control system is not told', { eventId: event.id });
        return 'not_configured';
      }
      await countAttempt(db, event.id);
      await deliverWebhook({ url, secret, timeoutMs }, { id: event.id, body: JSON.stringify(event.payload) });
      await markAcknowledged(db, event.id);
      return 'acknowledged';
    },

    async mailHolder(input: { cardId: string; notice: CardNotice; step: string }) {
      const card = await requireCard(input.cardId);
      const holder = await findEntAccountById(db, card.ent_account_id);
      if (!holder?.email) return 'no_address';
      const lang = (holder as { locale?: string }).locale === 'en' ? 'en' : 'fr';
      const lastRefused = input.notice === 'photoRefused' ? (await photosOf(db, card.id)).find((p) => p.status === 'refused') : undefined;
      const rendered = cardNotice(
        input.notice,
        {
          firstName: holder.first_name,
          cardUrl: mailLink(config, 'STUDENT_CARD'),
          photoUrl: mailLink(config, 'STUDENT_CARD_PHOTO'),
          ...(lastRefused?.refusal_reason ? { reason: refusalReasonText(lastRefused.refusal_reason, lang) } : {}),
          ...(lastRefused?.refusal_comment ? { comment: lastRefused.refusal_comment } : {}),
          ...(card.disabled_motive ? { motive: t(`studentCard.motive_${card.disabled_motive}`, lang) } : {}),
          ...(card.valid_until ? { validUntil: card.valid_until } : {}),
        },
        lang,
      );
      return deliverOnce(deps, { key: stepKey(input.step), template: `studentCard.${input.notice}`, to: holder.email, rendered });
    },
  };
}

export type StudentCardActivities = ReturnType<typeof createActivities>;

/** A stable event id (UUID-shaped, from a hash): every retry of one notification carries the same id. */
function eventIdOf(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
