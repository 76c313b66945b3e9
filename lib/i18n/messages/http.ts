import { text } from '../text.js';

/** What any route may answer: malformed requests, unknown paths, unavailable dependencies. */
export const httpMessages = {
  invalidFields: text('Certains champs sont invalides.', 'Some fields are invalid.'),
  inconsistentValue: text('Une valeur envoyée est incohérente ou hors limites.', 'A value sent is inconsistent or out of range.'),
  requestEnded: text('Cette demande est terminée : le lien n’est plus valide.', 'This request has ended: the link is no longer valid.'),
  unsupportedMediaType: text(
    'Type de contenu non pris en charge : envoyez du JSON (application/json).',
    'Unsupported content type: send JSON (application/json).',
  ),
  payloadTooLarge: text('Le contenu envoyé est trop volumineux.', 'The content sent is too large.'),
  invalidJson: text('Le corps de la requête n’est pas un JSON valide.', 'The request body is not valid JSON.'),
  invalidContentLength: text('En-tête Content-Length invalide.', 'Invalid Content-Length header.'),
  badRequest: text('Requête invalide.', 'Invalid request.'),
  badUrl: text('Adresse invalide.', 'Invalid address.'),
  uriTooLong: text('Adresse trop longue.', 'Address too long.'),
  nulInUrl: text('Caractère nul interdit dans l’adresse.', 'A null character is not allowed in the address.'),
  nulInBody: text('Caractère nul interdit dans les données envoyées.', 'A null character is not allowed in the data sent.'),
  methodNotAllowed: text<{ method: string; allowed: string }>(
    (p) => `Méthode ${p.method} non permise ici : ${p.allowed}.`,
    (p) => `Method ${p.method} is not allowed here: ${p.allowed}.`,
  ),
  notFound: text<{ method: string; path: string }>(
    (p) => `Aucune ressource à ${p.method} ${p.path}`,
    (p) => `No resource for ${p.method} ${p.path}`,
  ),
  unavailable: text(
    'Service momentanément indisponible : réessayez dans quelques instants.',
    'Service temporarily unavailable: try again in a few moments.',
  ),
  internal: text('Erreur interne : l’incident a été enregistré.', 'Internal error: the incident has been logged.'),
  formExpired: text('Formulaire expiré : rechargez la page et recommencez.', 'This form has expired: reload the page and try again.'),

  // What a refusal says when it came without a text meant for people (e.g. an activity's own
  // failure, whose message is written for developers): one sentence per error kind.
  Validation: text('Certaines valeurs envoyées sont invalides.', 'Some values sent are invalid.'),
  NotFound: text('Élément introuvable.', 'Not found.'),
  Conflict: text('Cette action n’est pas possible dans l’état actuel.', 'This action is not possible in the current state.'),
  AlreadyDone: text('Cette action a déjà été faite.', 'This has already been done.'),
  Expired: text(
    'Ce lien ou cette demande n’est plus valide : le délai est dépassé.',
    'This link or request is no longer valid: it has expired.',
  ),
  Superseded: text('Ce lien a été remplacé par un lien plus récent.', 'This link has been replaced by a newer one.'),
  Forbidden: text('Vous n’avez pas le droit de faire cette action.', 'You are not allowed to do this.'),
  Unauthenticated: text('Authentification requise : connectez-vous.', 'Authentication required: please log in.'),
  TooManyAttempts: text('Trop de tentatives : réessayez dans quelques minutes.', 'Too many attempts: try again in a few minutes.'),
  Unavailable: text(
    'Service momentanément indisponible : réessayez dans quelques instants.',
    'Service temporarily unavailable: try again in a few moments.',
  ),
};
