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

  programmesTitle: text('Offre de formation', 'Programmes'),
  programmesIntro: text(
    'Les formations ouvertes à la candidature sur la plateforme, avec la date d’ouverture de la campagne de recrutement. Pour candidater, créez un compte puis connectez-vous.',
    'The programmes open to application on the platform, with the date the recruitment campaign opens. To apply, create an account, then log in.',
  ),
  programmesCaption: text('Formations ouvertes à la candidature', 'Programmes open to application'),
  programmesEmpty: text(
    'Aucune formation n’est ouverte à la candidature pour le moment.',
    'No programme is open to application at the moment.',
  ),
  columnProgramme: text('Formation', 'Programme'),
  columnComposante: text('Composante', 'Faculty (composante)'),
  columnLevel: text('Niveau', 'Level'),
  columnOpens: text('Ouverture de la campagne de recrutement', 'Recruitment campaign opens'),
  columnCloses: text('Clôture', 'Closes'),
  campaignOpen: text('campagne ouverte', 'campaign open'),
  campaignUpcoming: text('à venir', 'upcoming'),
  campaignClosed: text('campagne close', 'campaign closed'),
  assistanceTitle: text('Assistance', 'Help'),
  assistanceIntro: text('Vous pouvez :', 'You can:'),
  assistanceFaqLink: text('Consulter la FAQ', 'Read the FAQ'),
  assistanceDocumentation: text('Consulter la documentation', 'Read the documentation'),
  assistanceContact: text<{ email: string }>(
    (p) => `Envoyer un mail au référent de l’application : ${p.email}`,
    (p) => `E-mail the application's referent: ${p.email}`,
  ),
  faqTitle: text('Foire aux questions', 'Frequently asked questions'),
  faqEmpty: text('La foire aux questions est en cours de rédaction.', 'The FAQ is being written.'),
  guideTitle: text('Guide d’utilisation', 'User guide'),
  guideIntro: text('Chaque profil suit son propre parcours :', 'Each profile follows its own journey:'),
  guideCandidates: text(
    'Candidats (eCandidat) : « Créer un compte » (nom, prénom, adresse mail deux fois, mot de passe) ; cliquez sur le lien de validation reçu par courriel ; connectez-vous avec votre numéro de dossier ou votre adresse mail. Identifiants perdus : « J’ai oublié mes identifiants ».',
    'Candidates (eCandidat): « Create an account » (name, first name, e-mail twice, password); click the validation link in the e-mail you receive; log in with your file number or e-mail address. Lost credentials: « I forgot my credentials ».',
  ),
  guideGraduates: text(
    'Diplômés : « Inscription des diplômés » (nom, prénom, date de naissance, adresse mail, mot de passe) ; les instructions arrivent par courriel : choisissez votre diplôme, ou remplissez le formulaire complet si vous n’êtes pas dans la base ; un responsable valide votre compte, vous êtes informé(e) par courriel.',
    'Graduates: « Graduate registration » (name, first name, date of birth, e-mail, password); the instructions arrive by e-mail: choose your diploma, or fill in the complete form if you are not in the registry; a manager validates your account and you are told by e-mail.',
  ),
  guideCompanies: text(
    'Entreprises / partenaires : « Inscription », lisez et acceptez les conditions générales d’utilisation, validez votre adresse ; l’administrateur valide votre inscription ; connectez-vous avec « Connexion ».',
    'Companies / partners: « Register », read and accept the general terms of use, validate your address; the administrator validates your registration; log in with « Log in ».',
  ),
  guideEnt: text(
    'Étudiants et personnels : connectez-vous avec votre compte ENT ; les personnels acceptent la charte d’utilisation à la première connexion.',
    'Students and staff: log in with your ENT account; staff accept the platform charter at their first login.',
  ),
};
