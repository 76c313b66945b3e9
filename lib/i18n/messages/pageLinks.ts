import { text } from '../text.js';

/** The pages a mailed link opens (GET shows, the button POSTs): one title, intro and button per purpose. */
export const pageLinksMessages = {
  accountValidationTitle: text('Validation de votre compte', 'Validate your account'),
  accountValidationIntro: text(
    'Confirmez la validation de votre compte en cliquant sur le bouton ci-dessous.',
    'Confirm the validation of your account with the button below.',
  ),
  accountValidationButton: text('Valider mon compte', 'Validate my account'),
  emailChangeTitle: text('Validation de votre nouvelle adresse', 'Validate your new address'),
  emailChangeIntro: text(
    'Confirmez votre nouvelle adresse mail en cliquant sur le bouton ci-dessous.',
    'Confirm your new e-mail address with the button below.',
  ),
  emailChangeButton: text('Valider ma nouvelle adresse', 'Validate my new address'),
  passwordResetTitle: text('Choisir un nouveau mot de passe', 'Choose a new password'),
  passwordResetIntro: text(
    'Au moins 10 caractères, avec au moins trois types parmi : minuscules, majuscules, chiffres, caractères spéciaux.',
    'At least 10 characters, with at least three kinds among: lower case, upper case, digits, special characters.',
  ),
  passwordResetButton: text('Enregistrer le mot de passe', 'Save the password'),
  newPassword: text('Nouveau mot de passe', 'New password'),
  newPasswordConfirmation: text('Confirmation du mot de passe', 'Password confirmation'),
  graduateTitle: text('Diplômés : validation de votre adresse', 'Graduates: validate your address'),
  graduateIntro: text(
    'Confirmez votre adresse mail pour poursuivre votre inscription de diplômé.',
    'Confirm your e-mail address to go on with your graduate registration.',
  ),
  recruiterTitle: text('Entreprises / partenaires : validation de votre adresse', 'Companies / partners: validate your address'),
  recruiterIntro: text(
    'Confirmez votre adresse mail : votre inscription sera ensuite examinée par l’administrateur.',
    'Confirm your e-mail address: the administrator will then examine your registration.',
  ),
  validateAddressButton: text('Valider mon adresse', 'Validate my address'),
  unusableTitle: text('Lien inutilisable', 'Link unusable'),
  unusableHint: text(
    'Vous pouvez demander un nouveau lien depuis la page de connexion (« Renvoyer le lien » ou « J’ai oublié mes identifiants »).',
    'You can ask for a new link from the login page (« Send the link again » or « I forgot my credentials »).',
  ),
  addressValidatedTitle: text('Adresse validée', 'Address validated'),
  addressValidated: text('Votre adresse est validée.', 'Your address is validated.'),
  continue: text('Continuer mon inscription', 'Continue my registration'),
  recruiterNext: text(
    'Votre inscription est transmise à l’administrateur : vous serez informé(e) de sa décision par courriel.',
    'Your registration goes to the administrator: you will be told of the decision by e-mail.',
  ),
};
