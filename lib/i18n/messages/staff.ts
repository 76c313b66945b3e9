import { text } from '../text.js';

/** Staff accounts: the administrateur's management API, absences and delegation. */
export const staffMessages = {
  adminOnly: text('Action réservée aux administrateurs.', 'This action is reserved for administrators.'),
  emailTaken: text('Un compte personnel existe déjà avec cette adresse mail.', 'A staff account already exists with this e-mail address.'),
  emailTakenField: text('Adresse déjà utilisée', 'Address already in use'),
  notFound: text('Compte personnel introuvable.', 'Staff account not found.'),
  absenceNotFound: text('Absence introuvable.', 'Absence not found.'),
  absenceOrder: text('La fin de l’absence doit suivre son début.', 'The absence must end after it starts.'),
  absenceOrderField: text('La fin doit être après le début', 'The end must come after the start'),
  selfDelegation: text('Vous ne pouvez pas vous déléguer à vous-même.', 'You cannot delegate to yourself.'),
  selfDelegationField: text('Choisissez une autre personne', 'Choose someone else'),
  unknownDelegate: text('La personne déléguée n’existe pas.', 'The delegate does not exist.'),
  unknownDelegateField: text('Personne inconnue', 'Unknown person'),
  notHandedOver: text('Tâche non transmise.', 'Task not handed over.'),
  startDate: text('Date de début invalide', 'Invalid start date'),
  endDate: text('Date de fin invalide', 'Invalid end date'),
  delegateId: text('Personne déléguée invalide', 'Invalid delegate'),
  displayNameLabel: text('Le nom affiché', 'The display name'),
};
