import { text } from '../text.js';

/** Status codes and kinds of an offer (`OfferStatus`, `OfferKind` of workflows/jobOffer/contract.ts). */
type OfferStatus = 'pending_review' | 'changes_requested' | 'published' | 'refused' | 'expired' | 'withdrawn';
type OfferKind = 'emploi' | 'stage' | 'alternance' | 'volontariat' | 'these';

const statusFr: Record<OfferStatus, string> = {
  pending_review: 'en attente de validation',
  changes_requested: 'à modifier',
  published: 'publiée',
  refused: 'refusée',
  expired: 'expirée',
  withdrawn: 'retirée',
};
const statusEn: Record<OfferStatus, string> = {
  pending_review: 'awaiting validation',
  changes_requested: 'to be changed',
  published: 'published',
  refused: 'refused',
  expired: 'expired',
  withdrawn: 'withdrawn',
};
const kindFr: Record<OfferKind, string> = {
  emploi: 'Emploi',
  stage: 'Stage',
  alternance: 'Alternance',
  volontariat: 'Volontariat (VIE, service civique)',
  these: 'Thèse',
};
const kindEn: Record<OfferKind, string> = {
  emploi: 'Job',
  stage: 'Internship',
  alternance: 'Work-study',
  volontariat: 'Volunteering (VIE, civic service)',
  these: 'PhD',
};

/** « Carrière »: posting, moderating, browsing offers and answering them. */
export const jobOfferMessages = {
  status: text<{ status: OfferStatus }>(
    (p) => statusFr[p.status] ?? p.status,
    (p) => statusEn[p.status] ?? p.status,
  ),
  kind: text<{ kind: OfferKind }>(
    (p) => kindFr[p.kind] ?? p.kind,
    (p) => kindEn[p.kind] ?? p.kind,
  ),

  graduatesOnly: text(
    'Seuls les membres diplômés dont le compte est validé peuvent déposer une offre.',
    'Only graduate members whose account is validated can post an offer.',
  ),
  recruiterWithoutRight: text(
    'Votre compte recruteur n’a pas le droit de déposer des offres : il est accordé par un administrateur de la plateforme.',
    'Your recruiter account may not post offers: this right is granted by an administrator of the platform.',
  ),
  authorsOnly: text(
    'Le dépôt d’offres est réservé aux diplômés et aux recruteurs autorisés.',
    'Posting offers is reserved for graduates and authorised recruiters.',
  ),
  publicationTooLong: text<{ maxDays: number }>(
    (p) => `La durée de publication ne peut pas dépasser ${p.maxDays} jours.`,
    (p) => `The publication period cannot exceed ${p.maxDays} days.`,
  ),
  notFound: text('Offre introuvable.', 'Offer not found.'),
  notEditable: text<{ status: OfferStatus }>(
    (p) => `Cette offre ne peut pas être modifiée : elle est « ${statusFr[p.status]} ».`,
    (p) => `This offer cannot be changed: it is « ${statusEn[p.status]} ».`,
  ),
  alreadyClosed: text<{ status: OfferStatus }>(
    (p) => `Cette offre est déjà close : elle est « ${statusFr[p.status]} ».`,
    (p) => `This offer is already closed: it is « ${statusEn[p.status]} ».`,
  ),
  // The lifecycle's own refusals (workflows/jobOffer).
  closedInLifecycle: text<{ status: OfferStatus }>(
    (p) => `Cette offre est déjà close (${p.status}).`,
    (p) => `This offer is already closed (${statusEn[p.status] ?? p.status}).`,
  ),
  editableOnlyWhen: text(
    'Cette offre ne peut être modifiée que lorsqu’elle est « à modifier » ou « publiée ».',
    'This offer can only be changed while it is « to be changed » or « published ».',
  ),

  membersOnly: text(
    'Les offres d’emploi et de stage sont réservées aux membres : diplômés (Alumni) et étudiants.',
    'Job and internship offers are reserved for members: graduates (Alumni) and students.',
  ),
  notPublished: text('Offre introuvable ou plus publiée.', 'Offer not found or no longer published.'),
  noEmail: text(
    'Votre compte n’a pas d’adresse mail : le recruteur ne pourrait pas vous répondre.',
    'Your account has no e-mail address: the recruiter could not answer you.',
  ),
  ownOffer: text('Vous ne pouvez pas répondre à votre propre offre.', 'You cannot answer your own offer.'),
  alreadyApplied: text(
    'Vous avez déjà répondu à cette offre : votre candidature a été transmise.',
    'You have already answered this offer: your application was forwarded.',
  ),
  applicationRecorded: text(
    'Votre candidature est enregistrée : elle est transmise par courriel au contact de l’offre, vous recevrez une confirmation.',
    'Your application is recorded: it is forwarded by e-mail to the offer’s contact, and you will receive a confirmation.',
  ),

  // The application form (multipart).
  multipartRequired: text(
    'Envoyez le formulaire en multipart/form-data : un champ « message » et un fichier « cv ».',
    'Send the form as multipart/form-data: a « message » field and a « cv » file.',
  ),
  messageRequired: text('Le message est obligatoire', 'The message is required'),
  messageTooLong: text('Le message ne peut pas dépasser 5000 caractères', 'The message cannot be longer than 5000 characters'),
  cvRequired: text('Le CV (fichier PDF) est obligatoire', 'The CV (a PDF file) is required'),
  cvEmpty: text('Le CV est vide', 'The CV is empty'),
  cvNotPdf: text('Le CV doit être un fichier PDF', 'The CV must be a PDF file'),
  cvTooLarge: text<{ maxMegabytes: number }>(
    (p) => `Le CV ne doit pas dépasser ${p.maxMegabytes.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo.`,
    (p) => `The CV cannot be larger than ${p.maxMegabytes.toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB.`,
  ),

  // Request bodies.
  chooseKind: text<{ kinds: string }>(
    (p) => `Choisissez un type d’offre : ${p.kinds}`,
    (p) => `Choose a kind of offer: ${p.kinds}`,
  ),
  unknownKind: text<{ kinds: string }>(
    (p) => `Type d’offre inconnu : ${p.kinds}`,
    (p) => `Unknown kind of offer: ${p.kinds}`,
  ),
  descriptionTooShort: text('Décrivez l’offre en au moins 30 caractères', 'Describe the offer in at least 30 characters'),
  startDateRequired: text('La date de début est obligatoire', 'The start date is required'),
  startDateFormat: text('La date de début doit être au format AAAA-MM-JJ', 'The start date must be in the format YYYY-MM-DD'),
  startDateInvalid: text('La date de début n’est pas une date valide', 'The start date is not a valid date'),
  durationFormat: text(
    'La durée de publication doit être une durée ISO 8601, par exemple P30D',
    'The publication period must be an ISO 8601 duration, for example P30D',
  ),
  durationPositive: text(
    'La durée de publication doit être une durée ISO 8601 positive, par exemple P30D (30 jours)',
    'The publication period must be a positive ISO 8601 duration, for example P30D (30 days)',
  ),
  dateFormat: text('La date doit être au format AAAA-MM-JJ', 'The date must be in the format YYYY-MM-DD'),
  dateInvalid: text('Date invalide', 'Invalid date'),
  firstPage: text('La page commence à 1', 'Pages start at 1'),
  pageSizeMax: text('Au plus 50 offres par page', 'At most 50 offers per page'),
  reasonTooLong: text('Le motif ne peut pas dépasser 500 caractères', 'The reason cannot be longer than 500 characters'),
  titleLabel: text('Le titre de l’offre', 'The title of the offer'),
  companyLabel: text('L’entreprise', 'The company'),
  contractLabel: text('Le contrat (CDI, CDD, convention de stage…)', 'The contract (permanent, fixed-term, internship agreement…)'),
  contactEmailLabel: text(
    'L’adresse mail de contact (qui reçoit les candidatures)',
    'The contact e-mail address (which receives the applications)',
  ),
};
