import type { DecisionResult } from '../kit/approval/contract.js';
import { decidedBy } from '../kit/lifecycle.js';
import type { JobOfferInput, OfferStatus } from './contract.js';
import { followOffer, type Offer, offers } from './offer.js';

/**
 * Seed 002, « Comment déposer une offre d'emploi ou un stage ? »: « Toute offre est soumise à
 * validation d'un webmaster avant publication ». The webmaster publishes, refuses (with a reason)
 * or sends the offer back « à modifier »; the author resubmits and it goes back to moderation.
 * A published offer stays visible until its expiry (a durable timer), then it is archived and the
 * author told. The author may withdraw it before moderation or close it early; editing a published
 * offer unpublishes it until the webmaster validates the new version (the API hides it at once).
 */
export async function jobOffer(input: JobOfferInput): Promise<OfferStatus> {
  const offer = followOffer(input);
  return offer.life.run(
    async () => {
      // 1. « Remplir tous les champs pour déposer votre offre, puis enregistrez » (the API did).
      await offer.life.enter('pending_review');
      await offer.notify('received', 'received-mail');
      for (;;) {
        const decision = await moderate(offer);
        if (decision.outcome === 'refuse') return refused(offer, decision);
        if (decision.outcome === 'expired')
          return expired(offer, `unmoderated-mail-${offer.round}`, 'Aucune décision du webmaster dans le délai.');
        const ended = decision.outcome === 'request_changes' ? await changesRequested(offer, decision) : await published(offer, decision);
        if (ended) return ended;
        // A new version: back to moderation.
      }
    },
    (stop) => withdrawn(offer, stop.reasonId),
  );
}

/** 2. « Toute offre est soumise à validation d'un webmaster avant publication. » (the version of now) */
async function moderate(offer: Offer): Promise<DecisionResult> {
  offer.round += 1;
  return offer.life.decide({
    step: `moderation-${offer.round}`,
    kind: 'jobOffer',
    // The version of now is read from PostgreSQL when the step opens (activities/kit/describe.ts).
    subject: offer.input.offerId,
    requester: offer.input.author,
    approvers: [{ role: 'webmaster' }],
    outcomes: ['approve', 'refuse', 'request_changes'],
    plan: offer.input.moderationPlan,
  });
}

/** 3. « à modifier »: the author edits and resubmits (undefined: moderate again), or lets the window pass. */
async function changesRequested(offer: Offer, decision: DecisionResult): Promise<OfferStatus | undefined> {
  const seen = offer.revisions;
  await offer.life.enter('changes_requested', decidedBy(decision));
  await offer.notify('changesRequested', `changes-requested-mail-${offer.round}`, { reasonId: decision.commentId });
  if (!(await offer.revisedSince(seen, offer.input.changesWindowMs)))
    return expired(offer, `changes-lapsed-mail-${offer.round}`, 'L’offre n’a pas été modifiée dans le délai demandé.');
  await offer.life.enter('pending_review', { revision: true });
  return undefined;
}

/**
 * 4. Published until expiry, then archived (or, edited meanwhile, undefined: moderate again). The
 * period starts at the first publication: validating an edited offer does not extend it (else
 * editing would keep an offer up for ever).
 */
async function published(offer: Offer, decision: DecisionResult): Promise<OfferStatus | undefined> {
  const seen = offer.revisions;
  offer.expiresAt = await offers.publishOffer({ offerId: offer.input.offerId, at: Date.now() });
  await offer.life.enter('published', { ...decidedBy(decision), expiresAt: new Date(offer.expiresAt).toISOString() });
  await offer.notify('published', `published-mail-${offer.round}`);
  if (!(await offer.revisedSince(seen, offer.expiresAt - Date.now()))) return expired(offer, 'expired-mail');
  await offer.life.enter('pending_review', { revision: true, note: 'modifiée après publication' });
  return undefined;
}

async function refused(offer: Offer, decision: DecisionResult): Promise<OfferStatus> {
  await offer.life.enter('refused', decidedBy(decision));
  await offer.notify('refused', `refused-mail-${offer.round}`, { reasonId: decision.reasonId });
  return offer.life.end('refused');
}

async function expired(offer: Offer, mailStep: string, reason?: string): Promise<OfferStatus> {
  await offer.life.enter('expired', reason ? { reason } : {});
  await offer.notify('expired', mailStep, { reason });
  return offer.life.end('expired');
}

/** Withdrawal before moderation, or early close: the status change is what unpublishes it (browsing reads it). */
async function withdrawn(offer: Offer, reasonId?: string): Promise<OfferStatus> {
  await offer.life.enter('withdrawn', reasonId ? { reasonId } : {});
  await offer.notify('withdrawn', 'withdrawn-mail');
  return offer.life.end('withdrawn');
}
