import { dateTime, text } from '../text.js';

/** The student card (seed 003): the photo, the card's life, opposition, the card office. */
export const studentCardMessages = {
  // The card's states (ESUP-SGC's life, French labels shown to the student).
  status_awaiting_photo: text('Demande en attente de photo', 'Request awaiting a photo'),
  status_photo_pending: text('Photo en cours de vérification', 'Photo being checked'),
  status_photo_refused: text('Photo refusée : nouvelle photo attendue', 'Photo refused: a new photo is expected'),
  status_request_checked: text('Demande validée', 'Request checked'),
  status_in_print: text('En cours d’impression', 'Being printed'),
  status_printed: text('Imprimée', 'Printed'),
  status_encoded: text('Encodée', 'Encoded'),
  status_ready: text('Disponible au service de la carte', 'Ready for collection'),
  status_enabled: text('Active', 'Active'),
  status_disabled: text('En opposition', 'Blocked'),
  status_expired: text('Expirée', 'Expired'),
  status_replaced: text('Remplacée', 'Replaced'),
  status_cancelled: text('Demande annulée', 'Request cancelled'),
  motive_lost: text('Perte', 'Lost'),
  motive_theft: text('Vol', 'Theft'),
  motive_out_of_order: text('Carte défectueuse', 'Out of order'),
  // Photo refusals by the checks (the upload form shows them beside the file field).
  photo_tooLarge: text('Le fichier dépasse 10 Mo : choisissez une photo plus légère.', 'The file is over 10 MB: choose a lighter photo.'),
  photo_notAnImage: text(
    'Ce fichier n’est pas une photo JPEG ou PNG (son contenu a été vérifié, pas seulement son nom).',
    'This file is not a JPEG or PNG photo (its content was checked, not only its name).',
  ),
  photo_animated: text(
    'Les images animées (GIF, animations) ne sont pas acceptées : déposez une photo JPEG ou PNG.',
    'Animated images (GIF, animations) are not accepted: upload a JPEG or PNG photo.',
  ),
  photo_tooManyPixels: text('L’image est trop grande (plus de 40 millions de pixels).', 'The image is too large (over 40 million pixels).'),
  photo_unreadable: text(
    'La photo ne peut pas être lue : le fichier est abîmé ou incomplet.',
    'The photo cannot be read: the file is damaged or incomplete.',
  ),
  photo_tooSmall: text(
    'La photo est trop petite : au moins 300 × 385 pixels sont nécessaires.',
    'The photo is too small: at least 300 × 385 pixels are needed.',
  ),
  photo_notPortrait: text(
    'La photo doit être au format portrait (plus haute que large), le visage centré.',
    'The photo must be in portrait format (taller than wide), the face centred.',
  ),
  photo_tooDark: text('La photo est trop sombre : prenez-la face à la lumière.', 'The photo is too dark: take it facing the light.'),
  photo_tooBright: text(
    'La photo est surexposée : évitez le flash et le contre-jour.',
    'The photo is overexposed: avoid the flash and backlight.',
  ),
  photo_noContrast: text('La photo est uniforme : on n’y distingue aucun visage.', 'The photo is uniform: no face can be seen.'),
  photo_blurred: text(
    'La photo est floue : tenez l’appareil immobile et faites la mise au point sur le visage.',
    'The photo is blurred: hold the device still and focus on the face.',
  ),
  photo_required: text('Choisissez une photo.', 'Choose a photo.'),
  // The card office's reasons for refusing a photo (a list, plus a comment).
  reason_face_not_visible: text('Visage non visible', 'Face not visible'),
  reason_background_not_plain: text('Fond non uni', 'Background not plain'),
  reason_head_covered: text('Tête couverte ou lunettes teintées', 'Head covered or tinted glasses'),
  reason_several_people: text('Plusieurs personnes', 'Several people'),
  reason_not_recent: text('Photo non ressemblante ou trop ancienne', 'Photo not a likeness or too old'),
  reason_bad_quality: text(
    'Qualité insuffisante (floue, pixelisée, mal cadrée)',
    'Insufficient quality (blurred, pixelated, badly framed)',
  ),
  // Validator refusals and use-case answers.
  noCard: text('Vous n’avez pas de carte étudiante en cours.', 'You have no student card in progress.'),
  studentsOnly: text('Seuls les étudiants peuvent demander une carte étudiante.', 'Only students can request a student card.'),
  cardOfficeOnly: text('Cette page est réservée au service de la carte.', 'This page is for the card office only.'),
  photoNotExpected: text<{ status: string }>(
    (p) => `La carte n’attend plus de photo (état : ${p.status}).`,
    (p) => `The card no longer expects a photo (state: ${p.status}).`,
  ),
  alreadyOpposed: text<{ at: number }>(
    (p) => `L’opposition est déjà en vigueur depuis ${dateTime(p.at, 'fr')}.`,
    (p) => `The card is already blocked since ${dateTime(p.at, 'en')}.`,
  ),
  notOpposable: text<{ status: string }>(
    (p) => `Seule une carte active peut être mise en opposition (état : ${p.status}).`,
    (p) => `Only an active card can be blocked (state: ${p.status}).`,
  ),
  notReplaceable: text('Un remplacement se commande pour une carte en opposition.', 'A replacement is ordered for a blocked card.'),
  replacementAlreadyOrdered: text('Le remplacement de cette carte est déjà commandé.', 'A replacement of this card is already ordered.'),
  notReactivable: text('Seule une carte en opposition peut être réactivée.', 'Only a blocked card can be reactivated.'),
  wrongStep: text<{ from: string; to: string }>(
    (p) => `Passage impossible de « ${p.from} » à « ${p.to} » : les étapes se suivent dans l’ordre.`,
    (p) => `Cannot go from “${p.from}” to “${p.to}”: the steps follow one another.`,
  ),
  cardNotFound: text('Carte introuvable.', 'Card not found.'),
  photoNotFound: text('Photo introuvable.', 'Photo not found.'),
  // Confirmations.
  photoReceived: text(
    'Votre photo est déposée : le service de la carte va la vérifier. Vous serez prévenu par courriel.',
    'Your photo is uploaded: the card office will check it. You will be told by e-mail.',
  ),
  opposed: text(
    'Votre carte est en opposition : elle ne permet plus d’entrer dans les bâtiments. Vous pouvez commander une nouvelle carte.',
    'Your card is blocked: it no longer opens the buildings. You can order a new card.',
  ),
  replacementOrdered: text('Le remplacement de votre carte est commandé.', 'The replacement of your card is ordered.'),
  reactivated: text('La carte est réactivée.', 'The card is reactivated.'),
  stepDone: text('La carte est passée à l’étape suivante.', 'The card moved to the next step.'),
  decisionsDone: text<{ count: number; failed: number }>(
    (p) => `${p.count} décision(s) enregistrée(s)${p.failed ? `, ${p.failed} refusée(s) : voir ci-dessous` : ''}.`,
    (p) => `${p.count} decision(s) recorded${p.failed ? `, ${p.failed} refused: see below` : ''}.`,
  ),
  printStarted: text<{ count: number }>(
    (p) => `${p.count} carte(s) envoyée(s) à l’impression.`,
    (p) => `${p.count} card(s) sent to print.`,
  ),
  selectSomething: text('Cochez au moins une photo.', 'Tick at least one photo.'),
  reasonRequired: text('Choisissez le motif du refus.', 'Choose the reason for the refusal.'),
};
