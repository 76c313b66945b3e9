import { text } from '../text.js';

/**
 * One-time links from mails (validate an address, choose a new password): what the API says of a
 * link's state and what the lifecycle's validator says when it refuses a use. One text each.
 */
export const linkMessages = {
  unknown: text(
    'Ce lien n’est pas valide. Vérifiez que vous l’avez copié en entier.',
    'This link is not valid. Check that you copied all of it.',
  ),
  used: text('Ce lien a déjà été utilisé.', 'This link has already been used.'),
  superseded: text(
    'Ce lien a été remplacé par un lien plus récent : utilisez le dernier courriel reçu.',
    'This link has been replaced by a newer one: use the latest e-mail you received.',
  ),
  expired: text('Ce lien a expiré.', 'This link has expired.'),
  useFailed: text('Ce lien n’a pas pu être utilisé : demandez-en un nouveau.', 'This link could not be used: ask for a new one.'),
  passwordRejected: text('Le mot de passe ne convient pas.', 'The password is not acceptable.'),
  wrongOrigin: text(
    'La demande ne provient pas de la page du lien : rouvrez le lien reçu par courriel.',
    'The request did not come from the link’s page: open the link from the e-mail again.',
  ),
};
