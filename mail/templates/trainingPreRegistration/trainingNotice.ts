import { type Locale, renderMail } from '../../layout.js';

/** Every message the pre-registration lifecycle sends to the applicant (seed 004). */
export type TrainingNotice =
  | 'received'
  | 'supervisorRefused'
  | 'accepted'
  | 'refused'
  | 'waitlisted'
  | 'seatOffered'
  | 'seatConfirmed'
  | 'seatLapsed'
  | 'withdrawn'
  | 'sessionCancelled'
  | 'sessionRescheduled';

export interface TrainingNoticeParams {
  firstName: string;
  actionTitle: string;
  /** DD/MM/YYYY. */
  startsOn: string;
  endsOn?: string;
  place: string;
  reason?: string;
  rank?: number;
  /** HH:MM, Paris time: the daily hours, given with an acceptance. */
  dayStartsAt?: string;
  dayEndsAt?: string;
  practicalInfo?: string;
  /** The request in « mes candidatures ». */
  link?: string;
}

/** Given with an acceptance (and a confirmed seat): when, where, what to know; the calendar file is attached. */
const acceptedNotices: readonly TrainingNotice[] = ['accepted', 'seatConfirmed'];

function practicalDetails(p: TrainingNoticeParams, locale: Locale): string[] {
  const days =
    p.endsOn && p.endsOn !== p.startsOn
      ? locale === 'fr'
        ? `du ${p.startsOn} au ${p.endsOn}`
        : `from ${p.startsOn} to ${p.endsOn}`
      : locale === 'fr'
        ? `le ${p.startsOn}`
        : `on ${p.startsOn}`;
  const hours =
    p.dayStartsAt && p.dayEndsAt ? (locale === 'fr' ? `, de ${p.dayStartsAt} à ${p.dayEndsAt}` : `, ${p.dayStartsAt}–${p.dayEndsAt}`) : '';
  return locale === 'fr'
    ? [
        `Informations pratiques : ${days}${hours} (heure de Paris) — ${p.place}.`,
        ...(p.practicalInfo ? [p.practicalInfo] : []),
        'Le fichier joint (.ics) ajoute la session à votre agenda.',
      ]
    : [
        `Practical details: ${days}${hours} (Paris time) — ${p.place}.`,
        ...(p.practicalInfo ? [p.practicalInfo] : []),
        'The attached file (.ics) adds the session to your calendar.',
      ];
}

const fr: Record<TrainingNotice, (p: TrainingNoticeParams) => [string, string[]]> = {
  received: (p) => [
    `Pré-inscription enregistrée : ${p.actionTitle}`,
    [
      'Votre demande de pré-inscription a bien été enregistrée.',
      'Votre supérieur hiérarchique va recevoir une demande de validation. Vous serez informé(e) de chaque étape.',
    ],
  ],
  supervisorRefused: (p) => [
    `Pré-inscription refusée par votre supérieur hiérarchique`,
    [
      'Votre supérieur hiérarchique a refusé votre pré-inscription : le processus se termine et vous ne pouvez pas participer à cette session.',
      ...(p.reason ? [`Motif : ${p.reason}`] : []),
    ],
  ],
  accepted: () => [`Votre candidature est validée`, ['Votre candidature est validée : une place vous est réservée.']],
  refused: (p) => [
    `Votre candidature n’a pas été retenue`,
    ['Le/La chargé(e) de projet n’a pas retenu votre candidature pour cette session.', ...(p.reason ? [`Motif : ${p.reason}`] : [])],
  ],
  waitlisted: (p) => [
    `Vous êtes sur liste d’attente`,
    [
      `Votre candidature est sur liste d’attente${p.rank ? ` (rang ${p.rank})` : ''}. Si une place se libère, elle vous sera proposée par courriel.`,
    ],
  ],
  seatOffered: () => [
    `Une place s’est libérée pour vous`,
    [
      'Une place s’est libérée : vous allez recevoir un lien pour confirmer votre participation. Sans réponse dans le délai indiqué, la place sera proposée à la personne suivante.',
    ],
  ],
  seatConfirmed: () => [`Votre participation est confirmée`, ['Vous avez accepté la place proposée : votre participation est confirmée.']],
  seatLapsed: () => [
    `Place non confirmée`,
    ['La place proposée n’a pas été confirmée : elle a été proposée à la personne suivante et votre demande est close.'],
  ],
  withdrawn: () => [
    `Pré-inscription retirée`,
    ['Votre pré-inscription a été retirée. Les personnes qui devaient se prononcer en ont été informées.'],
  ],
  sessionCancelled: () => [
    `Session annulée`,
    [
      'La session à laquelle vous étiez pré-inscrit(e) est annulée. Votre demande est close ; vous pouvez vous pré-inscrire à une autre session.',
    ],
  ],
  sessionRescheduled: (p) => [
    `Session déplacée`,
    [`La session est déplacée : elle commence désormais le ${p.startsOn}. Votre demande suit son cours.`],
  ],
};

const en: Record<TrainingNotice, (p: TrainingNoticeParams) => [string, string[]]> = {
  received: (p) => [
    `Pre-registration received: ${p.actionTitle}`,
    ['Your pre-registration was received; your line manager will be asked to validate it.'],
  ],
  supervisorRefused: (p) => [
    `Pre-registration refused by your line manager`,
    ['Your line manager refused your pre-registration.', ...(p.reason ? [`Reason: ${p.reason}`] : [])],
  ],
  accepted: () => [`Your application is accepted`, ['Your application is accepted: a seat is reserved for you.']],
  refused: (p) => [
    `Your application was not accepted`,
    ['The project manager did not accept your application.', ...(p.reason ? [`Reason: ${p.reason}`] : [])],
  ],
  waitlisted: (p) => [`You are on the waiting list`, [`Your application is on the waiting list${p.rank ? ` (position ${p.rank})` : ''}.`]],
  seatOffered: () => [`A seat is available for you`, ['A seat became available: you will receive a link to confirm.']],
  seatConfirmed: () => [`Your seat is confirmed`, ['You accepted the seat: your participation is confirmed.']],
  seatLapsed: () => [`Seat not confirmed`, ['The seat was not confirmed in time and was offered to the next person.']],
  withdrawn: () => [`Pre-registration withdrawn`, ['Your pre-registration was withdrawn.']],
  sessionCancelled: () => [`Session cancelled`, ['The session was cancelled; your request is closed.']],
  sessionRescheduled: (p) => [`Session rescheduled`, [`The session now starts on ${p.startsOn}.`]],
};

export function trainingNotice(notice: TrainingNotice, p: TrainingNoticeParams, locale: Locale = 'fr') {
  const [subject, body] = (locale === 'fr' ? fr : en)[notice](p);
  const hello = locale === 'fr' ? `Bonjour ${p.firstName},` : `Hello ${p.firstName},`;
  const about =
    locale === 'fr'
      ? `Action : ${p.actionTitle} — session du ${p.startsOn}, ${p.place}.`
      : `Training: ${p.actionTitle} — session of ${p.startsOn}, ${p.place}.`;
  const details = acceptedNotices.includes(notice) ? practicalDetails(p, locale) : [];
  const link = p.link ? { label: locale === 'fr' ? 'Voir ma candidature' : 'See my application', url: p.link } : undefined;
  return renderMail(subject, [hello, ...body, about, ...details], link);
}

/** True for the notices that carry the session's practical details and its calendar file. */
export const carriesCalendar = (notice: TrainingNotice) => acceptedNotices.includes(notice);
