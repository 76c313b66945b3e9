import { text } from '../text.js';

/** « Mon compte » (seed 003): personal information, connection and security, image rights (issue 22). */
export const monCompteMessages = {
  title: text('Mon compte', 'My account'),
  tabsLabel: text('Rubriques de mon compte', 'Sections of my account'),
  tabInformation: text('Mes informations personnelles', 'My personal information'),
  tabCard: text('Badge et accès', 'Card and access'),
  tabSecurity: text('Connexion et sécurité', 'Login and security'),
  tabImage: text('Confidentialité et droit à l’image', 'Privacy and image rights'),
  cardSoon: text('« Badge et accès » sera bientôt disponible.', '« Card and access » will be available soon.'),
  notLoggedIn: text('Connectez-vous avec l’ENT pour accéder à votre compte.', 'Log in with the ENT to reach your account.'),
  entOnly: text(
    '« Mon compte » est réservé aux étudiants et personnels connectés par l’ENT.',
    '« My account » is for students and staff logged in through the ENT.',
  ),
  // Mes informations personnelles
  identityHeading: text('Identité (fournie par l’ENT)', 'Identity (from the ENT)'),
  lastName: text('Nom', 'Last name'),
  firstName: text('Prénom', 'First name'),
  studentNumber: text('Numéro d’étudiant', 'Student number'),
  login: text('Identifiant ENT', 'ENT login'),
  identityCorrection: text<{ email: string }>(
    (p) => `Ces informations viennent de la scolarité et ne se modifient pas ici : pour une correction, écrivez à ${p.email}.`,
    (p) => `These come from the registrar and cannot be changed here: to correct them, write to ${p.email}.`,
  ),
  contactHeading: text('Mes coordonnées', 'My contact details'),
  phone: text('Téléphone', 'Phone'),
  phoneInvalid: text(
    'Le téléphone : 6 à 20 chiffres, espaces, points, tirets ou « + » initial.',
    'Phone: 6 to 20 digits, spaces, dots, dashes or a leading « + ».',
  ),
  postalAddress: text('Adresse postale', 'Postal address'),
  postalAddressTooLong: text('L’adresse postale : 400 caractères au plus.', 'Postal address: 400 characters at most.'),
  saveDetails: text('Enregistrer mes coordonnées', 'Save my contact details'),
  detailsSaved: text('Vos coordonnées sont enregistrées.', 'Your contact details are saved.'),
  personalEmail: text('Adresse mail personnelle', 'Personal e-mail address'),
  personalEmailHint: text(
    'Elle sert à « Première connexion ? » et « Mot de passe oublié ? ». Une nouvelle adresse compte une fois validée par le lien qui lui est envoyé.',
    'It is used by « Première connexion ? » and « Mot de passe oublié ? ». A new address counts once confirmed by the link mailed to it.',
  ),
  personalEmailNone: text('Aucune', 'None'),
  personalEmailPending: text<{ email: string }>(
    (p) => `En attente de validation : ${p.email} (consultez cette boîte).`,
    (p) => `Waiting for confirmation: ${p.email} (check that mailbox).`,
  ),
  changePersonalEmail: text('Changer mon adresse personnelle', 'Change my personal address'),
  newPersonalEmail: text('Nouvelle adresse personnelle', 'New personal address'),
  personalEmailSent: text(
    'Un lien de validation est envoyé à la nouvelle adresse : elle comptera une fois validée.',
    'A confirmation link was mailed to the new address: it will count once confirmed.',
  ),
  personalEmailApplied: text('Votre nouvelle adresse personnelle est validée.', 'Your new personal address is confirmed.'),
  linkInvalid: text(
    'Ce lien n’est plus valable (déjà utilisé, expiré ou remplacé).',
    'This link is no longer valid (already used, expired or replaced).',
  ),
  // Connexion et sécurité
  directoryNotConfigured: text(
    'L’annuaire de l’établissement n’est pas configuré sur cette plateforme : le mot de passe ENT ne peut pas être modifié ici.',
    'The institution’s directory is not configured on this platform: the ENT password cannot be changed here.',
  ),
  directoryUnavailable: text(
    'Service indisponible : l’annuaire de l’établissement ne répond pas. Rien n’a été modifié ; réessayez dans quelques minutes.',
    'Service unavailable: the institution’s directory does not answer. Nothing was changed; try again in a few minutes.',
  ),
  criteriaHeading: text('Critères de sécurité du mot de passe', 'Password security criteria'),
  criteriaLength: text<{ min: number }>(
    (p) => `au moins ${p.min} caractères (une phrase de passe convient très bien), 128 au plus ;`,
    (p) => `at least ${p.min} characters (a passphrase is fine), 128 at most;`,
  ),
  criteriaGuessable: text(
    'ni mot de passe courant ou déjà divulgué, ni mot du dictionnaire, ni suite du clavier ;',
    'no common or leaked password, no dictionary word, no keyboard sequence;',
  ),
  criteriaIdentity: text('sans votre nom, votre prénom ni votre identifiant ;', 'without your name or your login;'),
  criteriaHistory: text<{ count: number }>(
    (p) => `différent de vos ${p.count} derniers mots de passe (règle de l’annuaire).`,
    (p) => `different from your last ${p.count} passwords (the directory’s rule).`,
  ),
  currentPassword: text('Mot de passe actuel', 'Current password'),
  newPassword: text('Nouveau mot de passe', 'New password'),
  newPasswordConfirmation: text('Confirmation du nouveau mot de passe', 'New password again'),
  changePassword: text('Modifier mon mot de passe', 'Change my password'),
  passwordChanged: text(
    'Votre mot de passe ENT est modifié. Un courriel de confirmation vous est envoyé ; vos autres sessions sur cette plateforme sont fermées.',
    'Your ENT password is changed. A confirmation was mailed to you; your other sessions on this platform are closed.',
  ),
  ssoNotice: text(
    'Les sessions déjà ouvertes auprès du service d’authentification de l’établissement (CAS) ne sont pas fermées par ce changement : déconnectez-vous de l’ENT sur les autres appareils.',
    'Sessions already open at the institution’s authentication service (CAS) are not ended by this change: log out of the ENT on your other devices.',
  ),
  refusal_wrongCurrent: text('Le mot de passe actuel est incorrect.', 'The current password is wrong.'),
  refusal_tooShort: text('L’annuaire refuse ce mot de passe : il est trop court.', 'The directory refuses this password: it is too short.'),
  refusal_quality: text(
    'L’annuaire refuse ce mot de passe : il ne respecte pas ses critères de qualité.',
    'The directory refuses this password: it does not meet its quality criteria.',
  ),
  refusal_inHistory: text(
    'L’annuaire refuse ce mot de passe : vous l’avez déjà utilisé récemment. Choisissez-en un nouveau.',
    'The directory refuses this password: you used it recently. Choose a new one.',
  ),
  refusal_tooYoung: text(
    'L’annuaire refuse le changement : votre mot de passe a été changé trop récemment.',
    'The directory refuses the change: your password was changed too recently.',
  ),
  refusal_sameAsCurrent: text(
    'L’annuaire refuse ce mot de passe : c’est le mot de passe actuel.',
    'The directory refuses this password: it is the current one.',
  ),
  refusal_refused: text('L’annuaire a refusé ce changement.', 'The directory refused this change.'),
  passwordConfirmationMismatch: text('Les deux mots de passe diffèrent.', 'The two passwords differ.'),
  // Première connexion ? / Mot de passe oublié ?
  activationTitle: text('Première connexion ?', 'First login?'),
  activationIntro: text(
    'Activez votre compte ENT : indiquez votre numéro d’étudiant et votre date de naissance ; un code est envoyé à l’adresse personnelle connue de l’établissement.',
    'Activate your ENT account: give your student number and birth date; a code is mailed to the personal address the institution knows.',
  ),
  birthDate: text('Date de naissance', 'Birth date'),
  birthDateInvalid: text('La date de naissance : une date valide (jj/mm/aaaa).', 'Birth date: a valid date.'),
  studentNumberRequired: text('Le numéro d’étudiant est obligatoire.', 'The student number is required.'),
  sendCode: text('Recevoir mon code', 'Send me a code'),
  codeSent: text(
    'Si ces informations correspondent à un compte à activer, un code vient d’être envoyé à l’adresse personnelle connue de l’établissement. Saisissez-le ci-dessous avec le mot de passe choisi.',
    'If these details match an account to activate, a code was just mailed to the personal address the institution knows. Enter it below with the password you choose.',
  ),
  code: text('Code reçu par courriel (8 chiffres)', 'Code received by e-mail (8 digits)'),
  codeFormat: text('Le code : 8 chiffres.', 'The code: 8 digits.'),
  codeInvalid: text('Code incorrect ou expiré.', 'Wrong or expired code.'),
  activate: text('Activer mon compte', 'Activate my account'),
  activated: text(
    'Votre compte est activé : connectez-vous avec votre identifiant ENT et ce mot de passe.',
    'Your account is active: log in with your ENT login and this password.',
  ),
  loginRequired: text('L’identifiant ENT est obligatoire.', 'The ENT login is required.'),
  recoveryTitle: text('Mot de passe oublié ?', 'Forgotten password?'),
  recoveryIntro: text(
    'Indiquez votre identifiant ENT : un lien pour choisir un nouveau mot de passe est envoyé à votre adresse personnelle.',
    'Give your ENT login: a link to choose a new password is mailed to your personal address.',
  ),
  sendLink: text('Recevoir le lien', 'Send me the link'),
  linkSent: text(
    'Si cet identifiant correspond à un compte actif avec une adresse personnelle, un lien vient d’y être envoyé.',
    'If this login matches an active account with a personal address, a link was just mailed to it.',
  ),
  choosePassword: text('Choisir mon nouveau mot de passe', 'Choose my new password'),
  passwordSet: text(
    'Votre nouveau mot de passe est enregistré : connectez-vous à l’ENT avec lui.',
    'Your new password is saved: log in to the ENT with it.',
  ),
  // Confidentialité et droit à l’image
  imageIntro: text(
    'Votre photo sert d’abord à éditer votre carte d’étudiant. Vous choisissez ici, usage par usage, si elle peut aussi apparaître sur d’autres services numériques de l’université. Sans votre accord, elle ne sert qu’à la carte, et un service qui la demande ne reçoit rien. Vous pouvez retirer votre accord à tout moment.',
    'Your photo is first used to print your student card. Here you choose, use by use, whether it may also appear on other digital services of the university. Without your consent it serves the card only, and a service asking for it gets nothing. You may withdraw your consent at any time.',
  ),
  useCard: text('Carte d’étudiant (toujours, nécessaire à son édition)', 'Student card (always, needed to print it)'),
  useDirectory: text('Annuaire interne et listes de classe (trombinoscope)', 'Internal directory and class lists'),
  consentGranted: text('Accord donné', 'Consent given'),
  consentRefused: text('Pas d’accord', 'No consent'),
  consentSince: text<{ at: string; version: string }>(
    (p) => `depuis le ${p.at} (texte version ${p.version})`,
    (p) => `since ${p.at} (text version ${p.version})`,
  ),
  grant: text('Donner mon accord', 'Give my consent'),
  withdraw: text('Retirer mon accord', 'Withdraw my consent'),
  consentSaved: text('Votre choix est enregistré.', 'Your choice is saved.'),
  historyHeading: text('Historique de mes choix', 'History of my choices'),
  historyEmpty: text('Aucun choix enregistré : votre photo ne sert qu’à la carte.', 'No choice recorded: your photo serves the card only.'),
  historyDate: text('Date', 'Date'),
  historyUse: text('Usage', 'Use'),
  historyChoice: text('Choix', 'Choice'),
  historyVersion: text('Version du texte', 'Text version'),
  unknownUse: text('Usage inconnu.', 'Unknown use.'),
  serviceUnauthorized: text('Service non autorisé.', 'Service not authorised.'),
  noPhoto: text('Aucune photo disponible pour ce service.', 'No photo available for this service.'),
};
