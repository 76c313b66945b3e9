import type { DbOrTx } from '../connection.js';

/** A few programmes open to application (« Offre de formation ») and the FAQ of seeds 000 and 001. */
const programmes = [
  { title: 'Licence Informatique', composante: 'UFR Sciences et Techniques', level: 'Licence', opens: 30, closes: 120 },
  { title: 'Licence Lettres modernes', composante: 'UFR Lettres', level: 'Licence', opens: -10, closes: 60 },
  { title: 'Master Management des organisations', composante: 'IAE', level: 'Master', opens: -20, closes: 40 },
  { title: 'Master Chimie verte', composante: 'UFR Sciences et Techniques', level: 'Master', opens: 45, closes: 110 },
  { title: 'BUT Génie biologique', composante: 'IUT', level: 'BUT', opens: -5, closes: 75 },
  { title: 'DU Journalisme de données', composante: 'UFR Lettres', level: 'Diplôme d’université', opens: 90, closes: null },
];

const faq: { questionFr: string; answerFr: string; questionEn: string; answerEn: string }[] = [
  {
    questionFr: 'Comment me connecter ? (profils diplômés)',
    answerFr:
      'Un diplômé est un utilisateur sorti de l’université et diplômé de l’université. À l’inscription, l’application vérifie si vous êtes dans la base suivant les champs : Nom, Prénom, Date de naissance.\n\nSi vous êtes présent, on vous envoie les instructions via l’adresse mail saisie. Si vous trouvez votre diplôme (code VET), votre compte est validé par l’administrateur, le responsable composante ou le responsable VET : vous appartenez alors au groupe composante et VET/formation. Si vous ne trouvez pas votre diplôme, votre compte est validé par l’administrateur ou le responsable composante : vous appartenez alors au groupe composante.\n\nSi vous êtes absent de la base, vous remplissez un formulaire complet qui est soumis à l’administrateur.',
    questionEn: 'How do I log in? (graduates)',
    answerEn:
      'A graduate is someone who left the university with one of its degrees. At registration, the application looks you up by last name, first name and date of birth.\n\nIf you are in the registry, the instructions are sent to the e-mail address you typed: choose your diploma (VET code), and a manager validates your account; if you cannot find it, the administrator or the composante’s manager validates it.\n\nIf you are not in the registry, you fill in a complete form that the administrator examines.',
  },
  {
    questionFr: 'Comment me connecter ? (profils étudiants)',
    answerFr: 'En tant qu’étudiant, passez par l’entrée « étudiant », qui vous renvoie vers votre page ENT.',
    questionEn: 'How do I log in? (students)',
    answerEn: 'Students use the « student » entrance, which takes them to their ENT.',
  },
  {
    questionFr: 'Comment m’inscrire ? (profils recruteurs)',
    answerFr:
      'Inscrivez-vous via la rubrique « ENTREPRISES/PARTENAIRES » en cliquant sur « Inscription », renseignez les informations de votre compte, puis cochez « J’accepte les conditions générales d’utilisations ». Votre inscription est validée par l’administrateur (inscription simple sans dépôt d’offres). Connectez-vous ensuite avec « Connexion » dans la rubrique « Entreprises/Partenaires ».',
    questionEn: 'How do I register? (recruiters)',
    answerEn:
      'Register from « COMPANIES/PARTNERS » with « Register », fill in your account, then tick « I accept the general terms of use ». The administrator validates your registration (without the right to post offers). Then log in with « Log in » in « Companies/Partners ».',
  },
  {
    questionFr: 'Comment me connecter ? (personnels)',
    answerFr:
      'Connectez-vous avec le module « Connexion personnels » en bas de la page d’accueil, avec vos identifiants ENT. À la première connexion, cochez « J’ai lu et j’accepte les conditions d’utilisation de la plateforme » puis confirmez.',
    questionEn: 'How do I log in? (staff)',
    answerEn:
      'Use « Staff login » at the bottom of the home page, with your ENT credentials. At your first login, accept the platform charter and confirm.',
  },
  {
    questionFr: 'J’ai oublié mon mot de passe',
    answerFr:
      'Utilisez le lien « J’ai oublié mes identifiants » et saisissez l’adresse mail de création de votre compte : vous recevrez votre identifiant et un lien pour choisir un nouveau mot de passe.',
    questionEn: 'I forgot my password',
    answerEn:
      'Use « I forgot my credentials » with the e-mail address of your account: you will receive your login and a link to choose a new password.',
  },
  {
    questionFr: 'Un compte avec cette adresse mail existe déjà',
    answerFr: 'Vous avez déjà créé un compte avec cette adresse : demandez un nouveau mot de passe avec « J’ai oublié mes identifiants ».',
    questionEn: 'An account with this e-mail address already exists',
    answerEn: 'You already created an account with this address: ask for a new password with « I forgot my credentials ».',
  },
  {
    questionFr: 'Comment me déconnecter ?',
    answerFr: 'Cliquez sur « Déconnexion », en haut de chaque page, à côté de votre nom.',
    questionEn: 'How do I log out?',
    answerEn: 'Press « Log out », at the top of every page, next to your name.',
  },
];

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Idempotent: run at every `npm start`, it only adds what is missing (nothing once staff have edited). */
export async function seedDemoPortal(db: DbOrTx): Promise<void> {
  if (!(await db('degree_programmes').first())) {
    await db('degree_programmes').insert(
      programmes.map((p) => ({
        title: p.title,
        composante: p.composante,
        level: p.level,
        campaign_opens_on: dayFromToday(p.opens),
        campaign_closes_on: p.closes === null ? null : dayFromToday(p.closes),
      })),
    );
  }
  if (!(await db('faq_entries').first())) {
    await db('faq_entries').insert(
      faq.map((e, i) => ({
        position: (i + 1) * 10,
        question_fr: e.questionFr,
        answer_fr: e.answerFr,
        question_en: e.questionEn,
        answer_en: e.answerEn,
      })),
    );
  }
}
