import { text } from '../text.js';

const stepFr: Record<number, string> = {
  1: 'Renseignements sur votre identité',
  2: 'Renseignements professionnels',
  3: 'Contexte professionnel et attentes',
  4: 'Identification du supérieur hiérarchique pour validation de votre pré-inscription',
  5: 'Récapitulatif avant envoi',
};
const stepEn: Record<number, string> = {
  1: 'About you',
  2: 'Professional details',
  3: 'Professional context and expectations',
  4: 'Your line manager, who validates your pre-registration',
  5: 'Summary before sending',
};

/** Continuing education: the catalog, its sessions, the five-step pre-registration. */
export const trainingPreRegistrationMessages = {
  stepTitle: text<{ step: number }>(
    (p) => stepFr[p.step] ?? String(p.step),
    (p) => stepEn[p.step] ?? String(p.step),
  ),

  // The catalog.
  notManager: text('Vous ne gérez pas cette action de formation.', 'You do not manage this training action.'),
  actionNotFound: text('Action de formation introuvable.', 'Training action not found.'),
  sessionNotFound: text('Session introuvable.', 'Session not found.'),
  codeTaken: text('Ce code d’action existe déjà.', 'This action code already exists.'),
  codeTakenField: text('Ce code d’action existe déjà', 'This action code already exists'),
  unknownProjectManager: text('Chargé de projet inconnu.', 'Unknown project manager.'),
  unknownProjectManagerField: text('Chargé de projet inconnu', 'Unknown project manager'),
  endBeforeStart: text('La date de fin doit suivre la date de début.', 'The end date must come after the start date.'),
  endBeforeStartField: text('La date de fin doit suivre la date de début', 'The end date must come after the start date'),

  // Drafts and sending.
  applicantsOnly: text(
    'La pré-inscription est réservée aux personnes connectées à leur espace personnel : ENT (étudiants, personnels) ou compte eCandidat.',
    'Pre-registration is for people logged in to their personal space: the ENT (students, staff) or an eCandidat account.',
  ),
  notFound: text('Pré-inscription introuvable.', 'Pre-registration not found.'),
  registrationClosed: text('Les pré-inscriptions à cette session sont fermées.', 'Pre-registrations for this session are closed.'),
  alreadyInProgress: text(
    'Vous avez déjà une pré-inscription en cours pour cette session.',
    'You already have a pre-registration in progress for this session.',
  ),
  sentNoChange: text(
    'Cette pré-inscription a déjà été envoyée : elle ne peut plus être modifiée.',
    'This pre-registration has already been sent: it can no longer be changed.',
  ),
  alreadySent: text('Cette pré-inscription a déjà été envoyée.', 'This pre-registration has already been sent.'),
  invalidStep: text<{ step: number }>(
    (p) => `L’étape ${p.step} contient des champs invalides.`,
    (p) => `Step ${p.step} has invalid fields.`,
  ),
  supervisorIsYou: text(
    'Le supérieur hiérarchique doit être une autre personne que vous.',
    'Your line manager must be someone other than you.',
  ),
  supervisorIsYouField: text(
    'Indiquez l’adresse de votre supérieur hiérarchique, pas la vôtre',
    'Give your line manager’s address, not yours',
  ),
  noEmail: text(
    'Votre compte n’a pas d’adresse mail : vous ne pourriez pas être informé(e) des décisions.',
    'Your account has no e-mail address: you could not be told of the decisions.',
  ),
  completeStepsFirst: text<{ steps: string }>(
    (p) => `Complétez d’abord les étapes ${p.steps}.`,
    (p) => `First complete steps ${p.steps}.`,
  ),
  /** Also the lifecycle's refusal of a withdrawal (workflows/trainingPreRegistration). */
  alreadyClosed: text('Cette pré-inscription est déjà close.', 'This pre-registration is already closed.'),

  // Request bodies.
  civility: text('Choisissez une civilité : Madame, Monsieur ou Autre', 'Choose a title: Madame, Monsieur or Autre'),
  birthDatePast: text('La date de naissance doit être passée', 'The date of birth must be in the past'),
  phoneInvalid: text('Le numéro de téléphone n’est pas valide', 'The phone number is not valid'),
  category: text('Choisissez une catégorie : A, B, C, contractuel ou autre', 'Choose a category: A, B, C, contractuel or autre'),
  contextTooShort: text(
    'Décrivez votre contexte professionnel en au moins 20 caractères',
    'Describe your professional context in at least 20 characters',
  ),
  stepNumber: text('L’étape doit être un nombre de 1 à 4', 'The step must be a number from 1 to 4'),
  stepRange: text('L’étape doit être entre 1 et 4', 'The step must be between 1 and 4'),
  projectManagerId: text('Identifiant de chargé de projet invalide', 'Invalid project manager identifier'),
  capacityNumber: text('La capacité doit être un nombre', 'The capacity must be a number'),
  capacityNegative: text('La capacité ne peut pas être négative', 'The capacity cannot be negative'),
  timeFormat: text('L’heure doit être au format HH:MM (heure de Paris)', 'The time must be in the format HH:MM (Paris time)'),
  hoursInOrder: text('L’heure de fin doit suivre l’heure de début', 'The end time must come after the start time'),
  practicalInfoTooLong: text(
    'Les informations pratiques ne peuvent pas dépasser 2000 caractères',
    'The practical details cannot be longer than 2000 characters',
  ),
  nothingToChange: text('Rien à modifier', 'Nothing to change'),
  employerLabel: text('L’établissement ou l’employeur', 'The institution or employer'),
  departmentLabel: text('Le service', 'The department'),
  contextLabel: text('Le contexte professionnel', 'The professional context'),
  expectationsLabel: text('Vos attentes', 'Your expectations'),
  supervisorLastNameLabel: text('Le nom du supérieur hiérarchique', 'The line manager’s last name'),
  supervisorFirstNameLabel: text('Le prénom du supérieur hiérarchique', 'The line manager’s first name'),
  supervisorEmailLabel: text('L’adresse mail du supérieur hiérarchique', 'The line manager’s e-mail address'),
  codeLabel: text('Le code', 'The code'),
  titleLabel: text('Le titre', 'The title'),
  themeLabel: text('La thématique', 'The theme'),
};
