import { text } from '../text.js';

/** The public pages of the portal: home (seed 000's entrances, seed 001's eCandidat), accessibility. */
export const pagePortalMessages = {
  homeTitle: text<{ institution: string }>(
    (p) => `Bienvenue sur la plateforme de ${p.institution}`,
    (p) => `Welcome to the ${p.institution} platform`,
  ),
  homeIntro: text(
    'Choisissez votre entrée : chaque profil a la sienne. Consulter l’offre de formation et l’assistance ne demande pas de compte.',
    'Choose your entrance: each profile has its own. The programmes and the help pages need no account.',
  ),
  graduatesTitle: text('Profils diplômés', 'Graduates'),
  graduatesText: text(
    'Vous êtes sorti(e) diplômé(e) de l’université : inscrivez-vous avec vos nom, prénom et date de naissance. Si vous êtes dans la base des diplômés, les instructions vous sont envoyées par courriel ; sinon, vous remplirez un formulaire complet.',
    'You graduated from the university: register with your name, first name and date of birth. If you are in the graduates’ registry, the instructions are sent to you by e-mail; otherwise you will fill in a complete form.',
  ),
  graduatesRegister: text('Inscription des diplômés', 'Graduate registration'),
  graduatesLogin: text('Connexion des diplômés', 'Graduate login'),
  studentsTitle: text('Profils étudiants', 'Students'),
  studentsText: text(
    'Étudiant(e) de l’université : passez par l’entrée « étudiant », qui vous renvoie vers votre ENT.',
    'University students: use the « student » entrance, which takes you to your ENT (digital workspace).',
  ),
  studentsLogin: text('Connexion étudiant (ENT)', 'Student login (ENT)'),
  companiesTitle: text('ENTREPRISES/PARTENAIRES', 'COMPANIES/PARTNERS'),
  companiesText: text(
    'Entreprises et partenaires : inscrivez-vous, acceptez les conditions générales d’utilisation ; votre inscription est validée par l’administrateur.',
    'Companies and partners: register and accept the general terms of use; the administrator validates your registration.',
  ),
  companiesRegister: text('Inscription', 'Register'),
  companiesLogin: text('Connexion', 'Log in'),
  candidatesTitle: text('Candidater à une formation (eCandidat)', 'Apply to a programme (eCandidat)'),
  candidatesText: text(
    'Vous n’êtes pas étudiant(e) de l’université : créez un compte eCandidat (un seul compte pour toutes vos candidatures), validez-le par courriel, puis connectez-vous pour gérer votre dossier.',
    'You are not a student of the university: create an eCandidat account (one account for all your applications), validate it by e-mail, then log in to manage your file.',
  ),
  candidatesLogin: text('Connexion', 'Log in'),
  candidatesCreate: text('Créer un compte', 'Create an account'),
  candidatesProgrammes: text('Offre de formation', 'Programmes'),
  candidatesAssistance: text('Assistance', 'Help'),
  staffTitle: text('Connexion personnels', 'Staff login'),
  staffText: text(
    'Personnels de l’université : connectez-vous avec vos identifiants ENT.',
    'University staff: log in with your ENT credentials.',
  ),
  staffLogin: text('Connexion personnels (ENT)', 'Staff login (ENT)'),

  accessibilityTitle: text('Accessibilité', 'Accessibility'),
  accessibilityStatus: text(
    'Ce site vise la conformité au référentiel général d’amélioration de l’accessibilité (RGAA 4.1), niveau WCAG 2.1 AA. Il est partiellement conforme : chaque page est vérifiée automatiquement (axe-core) et parcourue au clavier lors des tests, sans audit complet à ce jour.',
    'This site aims at conformance with the French accessibility framework (RGAA 4.1), WCAG 2.1 level AA. It is partially compliant: every page is checked automatically (axe-core) and used with the keyboard only in the tests; no full audit has been made yet.',
  ),
  accessibilityFeatures: text(
    'Le site fonctionne sans JavaScript, au clavier (lien d’évitement, focus visible), sur un écran de 375 pixels de large, en français et en anglais.',
    'The site works without JavaScript, with the keyboard (skip link, visible focus), on a 375-pixel-wide screen, in French and English.',
  ),
  accessibilityContact: text<{ email: string }>(
    (p) =>
      `Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez à ${p.email} : nous vous répondrons et vous proposerons une alternative.`,
    (p) => `If you cannot reach some content or service, write to ${p.email}: we will answer and offer an alternative.`,
  ),
};
