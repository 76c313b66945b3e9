import { text } from '../text.js';

/** The graduates' pages (seed 000, « Profils diplômés »). */
export const pageGraduateMessages = {
  registerTitle: text('Inscription des diplômés', 'Graduate registration'),
  registerIntro: text(
    'Vous êtes sorti(e) diplômé(e) de l’université. L’application vérifie si vous êtes dans la base des diplômés suivant vos nom, prénom et date de naissance, puis vous envoie les instructions à l’adresse mail saisie.',
    'You graduated from the university. The application looks you up in the graduates’ registry by your name, first name and date of birth, then sends the instructions to the e-mail address you type.',
  ),
  lastName: text('Nom', 'Last name'),
  lastNameHint: text('Votre nom d’usage ou votre nom de naissance.', 'Your current name or your birth name.'),
  firstNames: text('Prénom(s)', 'First name(s)'),
  birthDate: text('Date de naissance', 'Date of birth'),
  email: text('Adresse mail', 'E-mail address'),
  password: text('Mot de passe', 'Password'),
  register: text('S’inscrire', 'Register'),
  sentTitle: text('Consultez vos courriels', 'Check your e-mails'),
  sentText: text(
    'Les instructions pour poursuivre votre inscription ont été envoyées à l’adresse mail saisie. Ouvrez le lien du courriel pour valider votre adresse : la suite de votre inscription s’affichera.',
    'The instructions to go on with your registration were sent to the e-mail address you typed. Open the link in the e-mail to validate your address: the next step will be shown.',
  ),
  sentNothing: text(
    'Rien reçu ? Vérifiez vos courriers indésirables, ou demandez un nouveau lien :',
    'Nothing received? Check your spam folder, or ask for a new link:',
  ),
  resend: text('Renvoyer le lien', 'Send the link again'),

  followTitle: text('Mon inscription de diplômé', 'My graduate registration'),
  followSignIn: text(
    'Pour suivre votre inscription sur cet appareil, saisissez l’adresse mail et le mot de passe de votre inscription.',
    'To follow your registration on this device, type your registration’s e-mail address and password.',
  ),
  followButton: text('Suivre mon inscription', 'Follow my registration'),
  status: text('Statut', 'Status'),
  statusPendingEmail: text('adresse à valider', 'address to validate'),
  statusPendingDiploma: text('diplôme à choisir', 'diploma to choose'),
  statusPendingForm: text('formulaire complet à remplir', 'complete form to fill in'),
  statusPendingApproval: text('en attente de validation', 'awaiting validation'),
  statusActive: text('validé', 'validated'),
  statusRefused: text('refusé', 'refused'),
  statusExpired: text('expiré', 'expired'),
  statusDuplicate: text('compte déjà existant', 'account already exists'),
  pendingEmailText: text(
    'Ouvrez le lien du courriel reçu pour valider votre adresse.',
    'Open the link in the e-mail you received to validate your address.',
  ),
  validators: text('Peut valider votre compte', 'Who may validate your account'),
  validatorsThen: text('puis, sans réponse,', 'then, without an answer,'),
  roleVet: text<{ scope: string }>(
    (p) => `le responsable de la formation (VET ${p.scope})`,
    (p) => `the programme’s manager (VET ${p.scope})`,
  ),
  roleComposante: text<{ scope: string }>(
    (p) => `le responsable de la composante ${p.scope}`,
    (p) => `the manager of the composante ${p.scope}`,
  ),
  roleAdmin: text('l’administrateur', 'the administrator'),
  approvalText: text(
    'Votre demande est examinée : vous serez informé(e) de la décision par courriel.',
    'Your request is being examined: you will be told of the decision by e-mail.',
  ),
  diploma: text('Diplôme', 'Diploma'),
  diplomaNotFound: text('non trouvé', 'not found'),
  groups: text('Groupes', 'Groups'),
  groupComposante: text<{ code: string }>(
    (p) => `composante ${p.code}`,
    (p) => `composante ${p.code}`,
  ),
  groupVet: text<{ code: string }>(
    (p) => `formation (VET) ${p.code}`,
    (p) => `programme (VET) ${p.code}`,
  ),
  activeText: text(
    'Votre compte est validé : connectez-vous avec votre adresse mail et votre mot de passe.',
    'Your account is validated: log in with your e-mail address and your password.',
  ),
  login: text('Se connecter', 'Log in'),
  refusedText: text('Votre demande a été refusée.', 'Your request was refused.'),
  reason: text('Motif', 'Reason'),
  again: text('Refaire une demande d’inscription', 'Register again'),
  expiredText: text(
    'Votre demande n’a pas abouti dans les délais et a été close.',
    'Your request did not complete in time and was closed.',
  ),
  duplicateText: text(
    'La personne de la base des diplômés que vous êtes a déjà un compte validé : connectez-vous avec l’adresse de ce compte.',
    'The registry person you are already has a validated account: log in with that account’s address.',
  ),
  history: text('Historique', 'History'),
  historyCaption: text('Les étapes de votre inscription', 'The steps of your registration'),
  historyStep: text('Étape', 'Step'),
  historyDate: text('Date', 'Date'),

  chooseTitle: text('Choisissez votre diplôme', 'Choose your diploma'),
  chooseIntro: text(
    'Vous figurez dans la base des diplômés. Choisissez votre diplôme (code VET) : votre compte sera validé par le responsable de la formation, de la composante ou l’administrateur. Si vous ne le trouvez pas, indiquez « diplôme non trouvé » et votre composante : le responsable de la composante ou l’administrateur validera votre compte.',
    'You are in the graduates’ registry. Choose your diploma (VET code): the programme’s manager, the composante’s or the administrator will validate your account. If you cannot find it, say « diploma not found » with your composante: the composante’s manager or the administrator will validate your account.',
  ),
  chooseLegend: text('Votre diplôme', 'Your diploma'),
  diplomaOption: text<{ label: string; code: string; year: number }>(
    (p) => `${p.label} (${p.code}), ${p.year}`,
    (p) => `${p.label} (${p.code}), ${p.year}`,
  ),
  notFoundOption: text('Diplôme non trouvé', 'Diploma not found'),
  notFoundHint: text('Précisez alors votre composante ci-dessous.', 'Then give your composante below.'),
  composante: text('Composante (si diplôme non trouvé)', 'Composante (if diploma not found)'),
  rememberedTitle: text('Intitulé du diplôme (facultatif)', 'Title of the diploma (optional)'),
  rememberedYear: text('Année d’obtention (facultatif)', 'Year obtained (optional)'),
  confirmChoice: text('Valider mon choix', 'Confirm my choice'),

  formTitle: text('Formulaire complet', 'Complete form'),
  formIntro: text(
    'Vous ne figurez pas dans la base des diplômés : ce formulaire sera soumis à l’administrateur, qui validera votre compte.',
    'You are not in the graduates’ registry: this form goes to the administrator, who will validate your account.',
  ),
  phone: text('Téléphone', 'Phone'),
  postalAddress: text('Adresse postale', 'Postal address'),
  diplomaLegend: text('Le diplôme tel que vous vous en souvenez', 'The diploma as you remember it'),
  diplomaTitle: text('Intitulé du diplôme', 'Title of the diploma'),
  diplomaYear: text('Année d’obtention', 'Year obtained'),
  diplomaComposante: text('Composante', 'Composante'),
  sendForm: text('Envoyer le formulaire', 'Send the form'),

  loginTitle: text('Connexion des diplômés', 'Graduate login'),
  loginFollow: text('Inscription en cours ? Suivre mon inscription', 'Registration in progress? Follow my registration'),
  loginRegister: text('Pas encore de compte ? Inscription des diplômés', 'No account yet? Graduate registration'),
  accountTitle: text('Mon compte diplômé', 'My graduate account'),
  validatedOn: text('Validé le', 'Validated on'),
};
