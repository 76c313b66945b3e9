import { text } from '../text.js';

/** eCandidat accounts: creation, validation link, forgotten credentials, change of address. */
export const candidateAccountMessages = {
  created: text(
    'Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider',
    'Your account has been created: check your e-mails to validate it',
  ),
  alreadyExists: text('Un compte avec cette adresse mail existe déjà', 'An account with this e-mail address already exists'),
  recoveryHint: text('J’ai oublié mes identifiants', 'I forgot my credentials'),
  linkResent: text(
    'Si un compte en attente de validation correspond à cette adresse, un nouveau lien de validation vient d’y être envoyé.',
    'If an account awaiting validation matches this address, a new validation link has just been sent to it.',
  ),
  recoverySent: text(
    'Si un compte correspond à cette adresse, un courriel contenant votre identifiant et un lien pour choisir un nouveau mot de passe vient d’y être envoyé.',
    'If an account matches this address, an e-mail with your login and a link to choose a new password has just been sent to it.',
  ),
  emailChangeStarted: text(
    'Votre adresse a été modifiée : vous avez été déconnecté. Consultez vos courriels pour valider la nouvelle adresse, puis reconnectez-vous.',
    'Your address has been changed and you have been logged out. Check your e-mails to validate the new address, then log in again.',
  ),
  wrongCurrentPassword: text('Mot de passe actuel incorrect.', 'The current password is incorrect.'),
  wrongCurrentPasswordField: text('Mot de passe actuel incorrect', 'The current password is incorrect'),
  sameEmail: text('La nouvelle adresse est identique à l’actuelle.', 'The new address is the same as the current one.'),
  sameEmailField: text('La nouvelle adresse est identique à l’actuelle', 'The new address is the same as the current one'),
  emailChangePending: text(
    'Une modification d’adresse est déjà en attente de validation.',
    'A change of address is already awaiting validation.',
  ),
};
