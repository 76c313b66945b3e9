import { text } from '../text.js';

/** The portal's content maintained by staff: programmes (« Offre de formation »), FAQ, recruiters' terms. */
export const portalMessages = {
  programmeNotFound: text('Formation introuvable.', 'Programme not found.'),
  faqNotFound: text('Question introuvable.', 'Question not found.'),
  termsVersionTaken: text('Cette version des conditions existe déjà.', 'This version of the terms already exists.'),
  cursorInvalid: text('Position de page invalide', 'Invalid page position'),
  titleLabel: text('L’intitulé', 'The title'),
  levelLabel: text('Le niveau', 'The level'),
  descriptionLabel: text('La description', 'The description'),
  opensOnLabel: text('La date d’ouverture de la campagne', 'The campaign opening date'),
  closesOnLabel: text('La date de clôture de la campagne', 'The campaign closing date'),
  closesAfterOpens: text('La clôture de la campagne doit suivre son ouverture', 'The campaign must close after it opens'),
  questionLabel: text('La question', 'The question'),
  answerLabel: text('La réponse', 'The answer'),
  versionLabel: text('La version', 'The version'),
  bodyLabel: text('Le texte', 'The text'),
};
