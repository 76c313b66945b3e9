import { text } from '../text.js';

/** The page an approver's decision link opens (any lifecycle's `requestDecision`). */
export const pageDecisionMessages = {
  title: text('Décision attendue', 'Decision requested'),
  hello: text<{ name: string }>(
    (p) => `Bonjour ${p.name},`,
    (p) => `Hello ${p.name},`,
  ),
  asks: text<{ requester: string; title: string }>(
    (p) => `${p.requester} demande votre décision : ${p.title}.`,
    (p) => `${p.requester} asks for your decision: ${p.title}.`,
  ),
  onBehalfOf: text<{ name: string }>(
    (p) => `Vous décidez en remplacement de ${p.name}.`,
    (p) => `You decide on behalf of ${p.name}.`,
  ),
  before: text<{ when: string }>(
    (p) => `À décider avant ${p.when}.`,
    (p) => `To decide before ${p.when}.`,
  ),
  reasonRequired: text('Motif (obligatoire en cas de refus)', 'Reason (required to refuse)'),
  reason: text('Motif', 'Reason'),
  comment: text('Commentaire (facultatif)', 'Comment (optional)'),
  commentRequired: text(
    'Commentaire (obligatoire pour demander des modifications : ce qu’il faut changer)',
    'Comment (required to request changes: what must change)',
  ),
  yourDecision: text('Votre décision', 'Your decision'),
  recordedTitle: text('Décision enregistrée', 'Decision recorded'),
  recorded: text('Votre décision a été enregistrée. Merci.', 'Your decision is recorded. Thank you.'),
  settledTitle: text('Demande déjà traitée', 'Request already settled'),
  settled: text('Aucune décision n’est plus attendue de votre part.', 'No decision is expected from you any more.'),
  reasonShown: text<{ reason: string }>(
    (p) => `Motif : ${p.reason}`,
    (p) => `Reason: ${p.reason}`,
  ),
  commentShown: text<{ comment: string }>(
    (p) => `Commentaire : ${p.comment}`,
    (p) => `Comment: ${p.comment}`,
  ),
  theRequest: text('La demande', 'The request'),
  unusableTitle: text('Lien de décision inutilisable', 'Decision link unusable'),
  unusableHint: text(
    'Si une décision est encore attendue de vous, le prochain rappel contiendra un nouveau lien ; les personnels la retrouvent aussi dans leurs décisions en attente.',
    'If a decision is still expected from you, the next reminder will carry a new link; staff also find it among their pending decisions.',
  ),
};
