import { type Locale, renderMail } from '../../layout.js';

/** Every step of the student card's life, mailed to the student (French, English). */
export type CardNotice =
  | 'photoReminder'
  | 'photoAccepted'
  | 'photoRefused'
  | 'in_print'
  | 'printed'
  | 'encoded'
  | 'ready'
  | 'collectionReminder'
  | 'enabled'
  | 'opposed'
  | 'reactivated'
  | 'replacementOrdered'
  | 'expired'
  | 'cancelled';

export interface CardNoticeParams {
  firstName: string;
  cardUrl: string;
  photoUrl: string;
  reason?: string;
  comment?: string;
  motive?: string;
  validUntil?: Date;
}

const date = (d: Date, locale: Locale) =>
  d.toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'long' });

export function cardNotice(notice: CardNotice, p: CardNoticeParams, locale: Locale = 'fr') {
  const fr = locale !== 'en';
  const hello = fr ? `Bonjour ${p.firstName},` : `Hello ${p.firstName},`;
  const card = { label: fr ? 'Voir ma carte' : 'See my card', url: p.cardUrl };
  const photo = { label: fr ? 'Déposer une photo' : 'Upload a photo', url: p.photoUrl };
  const subject = (s: string) => (fr ? `Carte étudiante : ${s}` : `Student card: ${s}`);
  const one = (frSubject: string, enSubject: string, frLines: string[], enLines: string[], link = card) =>
    renderMail(subject(fr ? frSubject : enSubject), [hello, ...(fr ? frLines : enLines)], link);
  switch (notice) {
    case 'photoReminder':
      return one(
        'votre photo est attendue',
        'your photo is expected',
        ['Votre demande de carte étudiante attend votre photo : déposez-la depuis « Mon compte ».'],
        ['Your student card request is waiting for your photo: upload it from “My account”.'],
        photo,
      );
    case 'photoAccepted':
      return one(
        'votre photo est acceptée',
        'your photo is accepted',
        ['Le service de la carte a accepté votre photo : votre carte part en fabrication.'],
        ['The card office accepted your photo: your card goes into production.'],
      );
    case 'photoRefused':
      return one(
        'votre photo est refusée',
        'your photo is refused',
        [
          `Le service de la carte a refusé votre photo. Motif : ${p.reason ?? '—'}.`,
          ...(p.comment ? [`Commentaire : ${p.comment}`] : []),
          'Déposez une nouvelle photo depuis « Mon compte ».',
        ],
        [
          `The card office refused your photo. Reason: ${p.reason ?? '—'}.`,
          ...(p.comment ? [`Comment: ${p.comment}`] : []),
          'Upload a new photo from “My account”.',
        ],
        photo,
      );
    case 'in_print':
      return one('en cours d’impression', 'being printed', ['Votre carte est en cours d’impression.'], ['Your card is being printed.']);
    case 'printed':
      return one(
        'imprimée',
        'printed',
        ['Votre carte est imprimée ; elle va être encodée.'],
        ['Your card is printed; it will now be encoded.'],
      );
    case 'encoded':
      return one(
        'encodée',
        'encoded',
        ['Votre carte est encodée ; elle sera bientôt disponible.'],
        ['Your card is encoded; it will soon be ready.'],
      );
    case 'ready':
      return one(
        'disponible',
        'ready for collection',
        ['Votre carte est disponible : venez la retirer au service de la carte, muni d’une pièce d’identité.'],
        ['Your card is ready: collect it at the card office with an identity document.'],
      );
    case 'collectionReminder':
      return one(
        'à retirer',
        'waiting for you',
        ['Votre carte vous attend toujours au service de la carte.'],
        ['Your card is still waiting for you at the card office.'],
      );
    case 'enabled':
      return one(
        'active',
        'active',
        [`Votre carte est active${p.validUntil ? ` jusqu’au ${date(p.validUntil, 'fr')}` : ''}.`],
        [`Your card is active${p.validUntil ? ` until ${date(p.validUntil, 'en')}` : ''}.`],
      );
    case 'opposed':
      return one(
        'opposition enregistrée',
        'card blocked',
        [
          `Votre carte est en opposition (${p.motive ?? ''}) : elle n’ouvre plus les accès. Vous pouvez commander une nouvelle carte depuis « Badge et accès ».`,
        ],
        [`Your card is blocked (${p.motive ?? ''}): it no longer opens the doors. You can order a new card from “Badge and access”.`],
      );
    case 'reactivated':
      return one(
        'réactivée',
        'reactivated',
        ['Votre carte a été retrouvée : le service de la carte l’a réactivée.'],
        ['Your card was found: the card office reactivated it.'],
      );
    case 'replacementOrdered':
      return one(
        'remplacement commandé',
        'replacement ordered',
        ['Une nouvelle carte est commandée ; nous vous écrirons à chaque étape.'],
        ['A new card is ordered; we will write to you at each step.'],
      );
    case 'expired':
      return one('expirée', 'expired', ['Votre carte étudiante a expiré.'], ['Your student card has expired.']);
    case 'cancelled':
      return one(
        'demande annulée',
        'request cancelled',
        ['Aucune photo acceptée dans les délais : votre demande de carte est annulée. Vous pouvez en refaire une.'],
        ['No photo was accepted in time: your card request is cancelled. You can make a new one.'],
      );
  }
}
