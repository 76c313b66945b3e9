import { text } from '../text.js';

/** « Profils diplômés »: registration, the registry lookup, the diploma choice. */
export const graduateRegistrationMessages = {
  created: text(
    'Votre demande est enregistrée : consultez vos courriels pour valider votre adresse.',
    'Your request is recorded: check your e-mails to validate your address.',
  ),
  alreadyExists: text(
    'Une inscription avec cette adresse mail est déjà en cours ou validée',
    'A registration with this e-mail address is already in progress or validated',
  ),
  absent: text(
    'Vous ne figurez pas dans la base des diplômés : complétez le formulaire complet (téléphone, adresse postale, et le diplôme tel que vous vous en souvenez : intitulé, année, composante). Il sera examiné par l’administrateur.',
    'You are not in the graduates’ registry: fill in the complete form (phone, postal address, and the diploma as you remember it: title, year, composante). The administrator will examine it.',
  ),
  rememberedDiplomaRequired: text(
    'Le diplôme tel que vous vous en souvenez est obligatoire (intitulé, année, composante)',
    'The diploma as you remember it is required (title, year, composante)',
  ),
  notChoosing: text(
    'Le choix du diplôme n’est pas possible à cette étape de votre inscription.',
    'Choosing a diploma is not possible at this step of your registration.',
  ),
  notYours: text('Ce diplôme ne figure pas parmi les vôtres.', 'This diploma is not one of yours.'),
  choiceRecorded: text(
    'Votre choix est enregistré : votre compte sera validé par le responsable concerné. Vous serez informé(e) par courriel.',
    'Your choice is recorded: the person in charge will validate your account. You will be told by e-mail.',
  ),
  linkResent: text(
    'Si une inscription en attente de validation correspond à cette adresse, un nouveau lien vient d’y être envoyé.',
    'If a registration awaiting validation matches this address, a new link has just been sent to it.',
  ),
  // The lifecycle's own refusals (workflows/graduateRegistration).
  validateEmailFirst: text(
    'Validez d’abord votre adresse mail avec le lien reçu.',
    'First validate your e-mail address with the link you received.',
  ),
  diplomaAlreadyChosen: text('Votre diplôme a déjà été choisi.', 'Your diploma has already been chosen.'),
  formAlreadySent: text('Votre formulaire complet a déjà été envoyé.', 'Your complete form has already been sent.'),
  notCompleting: text(
    'Le formulaire complet n’est pas demandé à cette étape de votre inscription.',
    'The complete form is not asked at this step of your registration.',
  ),
  formRecorded: text(
    'Votre formulaire est enregistré : il est soumis à l’administrateur. Vous serez informé(e) par courriel.',
    'Your form is recorded: it goes to the administrator. You will be told by e-mail.',
  ),

  // Request bodies.
  birthDateRequired: text('La date de naissance est obligatoire', 'The date of birth is required'),
  birthDateFormat: text('La date de naissance doit être au format AAAA-MM-JJ', 'The date of birth must be in the format YYYY-MM-DD'),
  birthDateInvalid: text('La date de naissance n’est pas une date valide', 'The date of birth is not a valid date'),
  yearNumber: text('L’année doit être un nombre', 'The year must be a number'),
  yearInteger: text('L’année doit être un nombre entier', 'The year must be a whole number'),
  yearInvalid: text('Année invalide', 'Invalid year'),
  diplomaIncomplete: text('Le diplôme doit préciser intitulé, année et composante', 'The diploma must give its title, year and composante'),
  diplomaInvalid: text('Diplôme invalide', 'Invalid diploma'),
  chooseDiploma: text(
    'Choisissez un diplôme de la liste, ou « diplôme non trouvé » avec la composante',
    'Choose a diploma from the list, or « diploma not found » with the composante',
  ),
  diplomaTitleLabel: text('L’intitulé du diplôme', 'The title of the diploma'),
  postalAddressLabel: text('L’adresse postale', 'The postal address'),
};
