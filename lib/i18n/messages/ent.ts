import { text } from '../text.js';

/** Students and staff through the ENT (single sign-on), and the staff charter. */
export const entMessages = {
  notConfigured: text(
    'Connexion ENT non configurée : contactez l’administrateur de la plateforme.',
    'ENT login is not configured: contact the platform’s administrator.',
  ),
  loginExpired: text(
    'Cette tentative de connexion a expiré ou a déjà été utilisée : recommencez la connexion.',
    'This login attempt has expired or was already used: log in again.',
  ),
  notAllowed: text(
    'Votre profil ENT (ni étudiant, ni personnel) ne permet pas d’accéder à la plateforme.',
    'Your ENT profile (neither student nor staff) does not give access to the platform.',
  ),
  sessionInvalid: text('Session invalide : reconnectez-vous.', 'Invalid session: log in again.'),
  noTicket: text('Retour de l’ENT sans ticket : recommencez la connexion.', 'The ENT answered without a ticket: log in again.'),
  providerDown: text(
    'Le service ENT ne répond pas : réessayez dans quelques instants.',
    'The ENT service does not answer: try again in a few moments.',
  ),
  providerUnreadable: text(
    'Réponse illisible du service ENT : réessayez dans quelques instants.',
    'Unreadable answer from the ENT service: try again in a few moments.',
  ),
  refusedWithCode: text<{ code: string }>(
    (p) => `L’ENT a refusé la connexion (${p.code}) : recommencez la connexion.`,
    (p) => `The ENT refused the login (${p.code}): log in again.`,
  ),
  refused: text('L’ENT a refusé la connexion : recommencez la connexion.', 'The ENT refused the login: log in again.'),
  workspaceStaffOnly: text('Cet espace est réservé aux personnels de l’université.', 'This space is reserved for university staff.'),

  // The staff charter.
  charterCheckbox: text(
    'J’ai lu et j’accepte les conditions d’utilisation de la plateforme',
    'I have read and accept the platform’s terms of use',
  ),
  charterConfirm: text('Vous êtes sur le point d’accepter la charte', 'You are about to accept the charter'),
  charterRequired: text(
    'Vous devez accepter la charte d’utilisation de la plateforme avant de continuer (GET /ent/charte).',
    'You must accept the platform’s charter before going on (GET /ent/charte).',
  ),
  charterStale: text(
    'La charte a changé depuis l’affichage de la page : relisez la nouvelle version.',
    'The charter changed since the page was shown: read the new version.',
  ),
  charterStaffOnly: text('La charte concerne les personnels de l’université.', 'The charter is for university staff.'),
  charterVersionRequired: text('La version de la charte lue est obligatoire', 'The version of the charter you read is required'),
  charterTick: text(
    'Cochez « J’ai lu et j’accepte les conditions d’utilisation de la plateforme »',
    'Tick « I have read and accept the platform’s terms of use »',
  ),
  charterTickToContinue: text(
    'Cochez « J’ai lu et j’accepte les conditions d’utilisation de la plateforme » pour continuer.',
    'Tick « I have read and accept the platform’s terms of use » to go on.',
  ),
  charterConfirmField: text(
    'Confirmez : « Vous êtes sur le point d’accepter la charte »',
    'Confirm: « You are about to accept the charter »',
  ),
};
