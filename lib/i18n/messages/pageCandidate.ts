import { text } from '../text.js';

/** eCandidat's pages (seed 001): create an account, log in, forgotten credentials, my account. */
export const pageCandidateMessages = {
  createTitle: text('Création de compte', 'Create an account'),
  createWarning: text(
    'Attention, lorsque vous aurez modifié votre compte, vous serez déconnecté. Vous devrez consulter vos courriels pour valider votre adresse, puis vous pourrez vous reconnecter.',
    'Note: once you change your account, you will be logged out. You will have to check your e-mails to validate your address, then you can log in again.',
  ),
  lastName: text('Nom', 'Last name'),
  firstName: text('Prénom', 'First name'),
  email: text('Adresse mail', 'E-mail address'),
  emailConfirmation: text('Confirmation Adresse Mail', 'E-mail address confirmation'),
  password: text('Mot de passe', 'Password'),
  passwordHint: text(
    '10 caractères au moins, dont trois types parmi : minuscules, majuscules, chiffres, caractères spéciaux.',
    'At least 10 characters, with three kinds among: lower case, upper case, digits, special characters.',
  ),
  save: text('Enregistrer', 'Save'),
  cancel: text('Annuler', 'Cancel'),
  alreadyExistsHint: text(
    'Vous avez déjà un compte avec cette adresse : demandez un nouveau mot de passe avec « J’ai oublié mes identifiants ».',
    'You already have an account with this address: ask for a new password with « I forgot my credentials ».',
  ),

  loginTitle: text('Connexion', 'Log in'),
  studentsHeading: text('Je suis étudiant à l’université', 'I am a student of the university'),
  studentsText: text('Veuillez vous connecter avec votre compte ENT.', 'Please log in with your ENT account.'),
  studentsButton: text('Connexion ENT', 'ENT login'),
  othersHeading: text('Je ne suis pas étudiant à l’université', 'I am not a student of the university'),
  othersText: text(
    'Veuillez vous connecter avec votre compte eCandidat : votre numéro de dossier ou votre adresse mail.',
    'Please log in with your eCandidat account: your file number or your e-mail address.',
  ),
  user: text('Utilisateur', 'User'),
  userHint: text('Numéro de dossier (EC…) ou adresse mail', 'File number (EC…) or e-mail address'),
  loginButton: text('Connexion', 'Log in'),
  forgotten: text('J’ai oublié mes identifiants', 'I forgot my credentials'),
  create: text('Créer un compte', 'Create an account'),
  resend: text('Renvoyer le lien de validation', 'Send the validation link again'),
  otherProfilesHeading: text('Autres profils', 'Other profiles'),
  otherGraduates: text('Diplômés : connexion des diplômés', 'Graduates: graduate login'),
  otherCompanies: text('Entreprises / partenaires : connexion', 'Companies / partners: log in'),
  otherStaff: text('Personnels : connexion ENT', 'Staff: ENT login'),

  forgottenTitle: text('J’ai oublié mes identifiants', 'I forgot my credentials'),
  forgottenIntro: text(
    'Saisissez l’adresse mail utilisée pour la création de votre compte : un mail vous sera envoyé contenant votre identifiant et un lien pour choisir un nouveau mot de passe.',
    'Type the e-mail address you created your account with: you will receive your login and a link to choose a new password.',
  ),
  send: text('Envoyer', 'Send'),
  resendTitle: text('Renvoyer le lien de validation', 'Send the validation link again'),
  resendIntro: text(
    'Vous n’avez pas reçu le courriel de validation, ou son lien a expiré ? Saisissez votre adresse : un nouveau lien remplace le précédent.',
    'You did not receive the validation e-mail, or its link expired? Type your address: a new link replaces the previous one.',
  ),

  accountTitle: text('Mon compte', 'My account'),
  fileNumber: text('Numéro de dossier', 'File number'),
  status: text('Statut', 'Status'),
  statusActive: text('compte validé', 'account validated'),
  statusEmailChange: text('nouvelle adresse en attente de validation', 'new address awaiting validation'),
  statusPending: text('en attente de validation', 'awaiting validation'),
  language: text('Langue des courriels', 'Language of e-mails'),
  languageName: text('français', 'English'),
  changeEmail: text('Changer d’adresse mail', 'Change my e-mail address'),

  changeEmailTitle: text('Changer d’adresse mail', 'Change my e-mail address'),
  newEmail: text('Nouvelle adresse mail', 'New e-mail address'),
  newEmailConfirmation: text('Confirmation de la nouvelle adresse', 'New address confirmation'),
  currentPassword: text('Mot de passe actuel', 'Current password'),

  // After a link from a mail was used.
  validatedTitle: text('Compte validé', 'Account validated'),
  validated: text('Votre compte est validé.', 'Your account is validated.'),
  validatedLogin: text<{ fileNumber: string }>(
    (p) =>
      `Votre identifiant (numéro de dossier) est ${p.fileNumber}. Vous pouvez vous connecter avec cet identifiant ou votre adresse mail.`,
    (p) => `Your login (file number) is ${p.fileNumber}. You can log in with it or with your e-mail address.`,
  ),
  goToLogin: text('Se connecter', 'Log in'),
  emailChangedTitle: text('Adresse validée', 'Address validated'),
  emailChanged: text(
    'Votre nouvelle adresse est validée : vous pouvez vous reconnecter.',
    'Your new address is validated: you can log in again.',
  ),
  emailTakenTitle: text('Modification impossible', 'Change impossible'),
  emailTaken: text(
    'Cette adresse est désormais utilisée par un autre compte : votre adresse précédente est conservée.',
    'This address now belongs to another account: your previous address is kept.',
  ),
  passwordChangedTitle: text('Mot de passe modifié', 'Password changed'),
  passwordChanged: text(
    'Votre mot de passe a été modifié. Vos sessions ouvertes ont été fermées.',
    'Your password was changed. Your open sessions were closed.',
  ),
};
