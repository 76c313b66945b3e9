import { text } from '../text.js';

/** The ENT's pages: the landing page of students and staff, the staff charter, logging out. */
export const pageEntMessages = {
  homeTitle: text('Mon espace ENT', 'My ENT space'),
  connected: text('Vous êtes connecté avec votre compte ENT.', 'You are logged in with your ENT account.'),
  lastName: text('Nom', 'Last name'),
  firstName: text('Prénom', 'First name'),
  profile: text('Profil', 'Profile'),
  student: text('Étudiant', 'Student'),
  staff: text('Personnel', 'Staff'),
  email: text('Adresse mail', 'E-mail address'),
  studentNumber: text('Numéro étudiant', 'Student number'),
  charterAcceptedOn: text('Charte acceptée le', 'Charter accepted on'),
  entrances: text('Vos entrées', 'Your entrances'),
  entranceProgrammes: text('Offre de formation', 'Programmes'),
  entranceAssistance: text('Assistance', 'Help'),
  logout: text('Se déconnecter', 'Log out'),
  notLoggedIn: text('Vous n’êtes pas connecté.', 'You are not logged in.'),
  retry: text('Recommencer la connexion ENT', 'Log in with the ENT again'),
  loginTitle: text('Connexion ENT', 'ENT login'),
  charterTitle: text('Charte d’utilisation de la plateforme', 'Platform charter'),
  charterIntro: text<{ version: string }>(
    (p) =>
      `Avant votre première utilisation, et à chaque nouvelle version, les personnels acceptent la charte d’utilisation de la plateforme (version ${p.version}).`,
    (p) => `Before their first use, and at each new version, staff accept the platform’s charter (version ${p.version}).`,
  ),
  charterBody: text(
    'Les données des démarches sont confidentielles : elles ne servent qu’au traitement des demandes, et chaque décision est enregistrée à votre nom.',
    'The data of the requests is confidential: it only serves to handle them, and each decision is recorded in your name.',
  ),
  validate: text('Valider', 'Confirm'),
  confirmTitle: text('Confirmation', 'Confirmation'),
  cancel: text('Annuler', 'Cancel'),
  reread: text('Relire la charte', 'Read the charter again'),
  logoutTitle: text('Déconnexion', 'Logout'),
  loggedOut: text('Vous êtes déconnecté de la plateforme et de l’ENT.', 'You are logged out of the platform and of the ENT.'),
};
