import { text } from '../text.js';

/** Logging in and being logged in, for every kind of account. */
export const sessionMessages = {
  invalid: text('Session invalide.', 'Invalid session.'),
  required: text('Authentification requise : connectez-vous.', 'Authentication required: please log in.'),
  staffOnly: text('Cette action est réservée aux personnels de l’université.', 'This action is reserved for university staff.'),
  wrongAccount: text('Cette action n’est pas possible avec ce compte.', 'This action is not possible with this account.'),
  badCredentials: text('Identifiant ou mot de passe incorrect', 'Incorrect login or password'),
  badEmailOrPassword: text('Adresse mail ou mot de passe incorrect', 'Incorrect e-mail address or password'),
  throttled: text(
    'Trop de tentatives de connexion échouées. Réessayez dans quelques minutes ou utilisez « J’ai oublié mes identifiants ».',
    'Too many failed login attempts. Try again in a few minutes or use « I forgot my credentials ».',
  ),
  notValidated: text(
    // The seed's sentence exactly, its apostrophe included (ASCII, as eCandidat writes it).
    "Connexion impossible. Votre compte n'a pas été validé, veuillez consulter vos courriels pour le valider",
    'Cannot log in. Your account has not been validated yet: check your e-mails to validate it',
  ),
  // Why a graduate or recruiter with the right password cannot log in yet (or any more).
  pendingEmail: text(
    'Connexion impossible : votre adresse mail n’a pas encore été validée. Consultez vos courriels pour la valider.',
    'Cannot log in: your e-mail address has not been validated yet. Check your e-mails to validate it.',
  ),
  pendingDiploma: text(
    'Connexion impossible : choisissez d’abord votre diplôme (instructions reçues par courriel).',
    'Cannot log in: first choose your diploma (instructions sent by e-mail).',
  ),
  pendingApproval: text(
    'Connexion impossible : votre inscription est en attente de validation. Vous serez informé(e) de la décision par courriel.',
    'Cannot log in: your registration is awaiting validation. You will be told of the decision by e-mail.',
  ),
  refused: text(
    'Connexion impossible : votre inscription a été refusée (motif envoyé par courriel). Vous pouvez refaire une demande d’inscription.',
    'Cannot log in: your registration was refused (reason sent by e-mail). You may register again.',
  ),
  expired: text(
    'Connexion impossible : votre demande d’inscription a expiré. Vous pouvez refaire une demande d’inscription.',
    'Cannot log in: your registration request has expired. You may register again.',
  ),
};
