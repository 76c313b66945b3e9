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
  motiveRequired: text('Choisissez le motif de l’opposition.', 'Choose the reason for blocking the card.'),
  reasonRequired: text('Choisissez le motif du refus.', 'Choose the reason for the refusal.'),
};

/** The pages of the student card: « Badge et accès », the photo, the card office. */
export const pageStudentCardMessages = {
  nav: text('Badge et accès', 'Badge and access'),
  tabs: text('Mon compte', 'My account'),
  tabPersonal: text('Mes informations personnelles', 'My personal information'),
  tabPhoto: text('Ma photo', 'My photo'),
  badgeTitle: text('Badge et accès', 'Badge and access'),
  photoTitle: text('Ma photo pour la carte étudiante', 'My photo for the student card'),
  noCard: text(
    'Vous n’avez pas encore de carte étudiante : commencez par déposer votre photo.',
    'You have no student card yet: start by uploading your photo.',
  ),
  uploadPhoto: text('Déposer ma photo', 'Upload my photo'),
  state: text('État de la carte', 'Card state'),
  rejections: text('Photos refusées', 'Photos refused'),
  motive: text('Motif de l’opposition', 'Reason for blocking'),
  disabledAt: text('En opposition depuis', 'Blocked since'),
  validUntil: text('Valable jusqu’au', 'Valid until'),
  history: text('Historique de la carte', 'Card history'),
  date: text('Date', 'Date'),
  step: text('Étape', 'Step'),
  oppositionTitle: text('Mettre ma carte en opposition', 'Block my card'),
  oppositionHint: text(
    'L’opposition prend effet immédiatement : la carte n’ouvre plus les accès de l’université.',
    'The card is blocked at once: it no longer opens the university’s doors.',
  ),
  oppositionSubmit: text('Mettre en opposition', 'Block the card'),
  replacementTitle: text('Commander une nouvelle carte', 'Order a new card'),
  replacementPhotoReused: text(
    'Votre photo acceptée sera réutilisée si elle est encore valable ; sinon une nouvelle photo vous sera demandée.',
    'Your accepted photo is reused while it is still valid; otherwise you will be asked for a new one.',
  ),
  replacementFee: text<{ euros: string }>(
    (p) => `Le remplacement est payant : ${p.euros} €.`,
    (p) => `The replacement is charged: €${p.euros}.`,
  ),
  photoRules: text('Ce qui est vérifié', 'What is checked'),
  photoRule1: text(
    'une photo JPEG ou PNG de 10 Mo au plus (sur téléphone, la photo est convertie en JPEG)',
    'a JPEG or PNG photo of 10 MB at most (on a phone, the photo is converted to JPEG)',
  ),
  photoRule2: text(
    'au format portrait, au moins 300 × 385 pixels, le visage centré',
    'portrait format, at least 300 × 385 pixels, the face centred',
  ),
  photoRule3: text(
    'nette, ni trop sombre ni surexposée, sur un fond clair et uni',
    'sharp, neither too dark nor overexposed, on a plain light background',
  ),
  photoRule4: text(
    'la photo est recadrée au format de la carte et ses métadonnées (position GPS comprise) sont effacées',
    'the photo is cropped to the card’s format and its metadata (GPS position included) are erased',
  ),
  photoField: text('Photo (JPEG ou PNG)', 'Photo (JPEG or PNG)'),
  photoHint: text('Prenez-vous en photo ou choisissez un fichier.', 'Take a picture of yourself or choose a file.'),
  currentPhoto: text('Votre dernière photo', 'Your latest photo'),
  photoAlt: text('Votre photo telle qu’elle sera imprimée', 'Your photo as it will be printed'),
  photoPending: text(
    'Votre photo est en cours de vérification par le service de la carte.',
    'Your photo is being checked by the card office.',
  ),
  photoAccepted: text('Votre photo est acceptée.', 'Your photo is accepted.'),
  photoRefused: text<{ reason: string }>(
    (p) => `Votre photo a été refusée. Motif : ${p.reason}.`,
    (p) => `Your photo was refused. Reason: ${p.reason}.`,
  ),
  photoComment: text<{ comment: string }>(
    (p) => `Commentaire du service de la carte : ${p.comment}`,
    (p) => `The card office’s comment: ${p.comment}`,
  ),
  photoNotNeeded: text(
    'Votre photo est acceptée : aucune nouvelle photo n’est nécessaire.',
    'Your photo is accepted: no new photo is needed.',
  ),
  // The card office.
  officeTitle: text('Service de la carte : photos à vérifier', 'Card office: photos to check'),
  officeCardsTitle: text('Service de la carte : fabrication et remise', 'Card office: production and collection'),
  officeNav: text('Navigation du service de la carte', 'Card office navigation'),
  officePhotos: text('Photos à vérifier', 'Photos to check'),
  officeCards: text('Fabrication et remise', 'Production and collection'),
  queueCaption: text('Photos en attente, les plus anciennes d’abord', 'Pending photos, oldest first'),
  queueEmpty: text('Aucune photo à vérifier.', 'No photo to check.'),
  select: text('Choisir', 'Select'),
  student: text('Étudiant', 'Student'),
  studentNumber: text('N° étudiant', 'Student no.'),
  uploadedAt: text('Déposée', 'Uploaded'),
  photo: text('Photo', 'Photo'),
  photoOf: text<{ name: string }>(
    (p) => `Photo de ${p.name}`,
    (p) => `Photo of ${p.name}`,
  ),
  selectPhoto: text<{ name: string }>(
    (p) => `Choisir la photo de ${p.name}`,
    (p) => `Select the photo of ${p.name}`,
  ),
  decision: text('Décision pour les photos cochées', 'Decision for the ticked photos'),
  accept: text('Accepter', 'Accept'),
  refuse: text('Refuser', 'Refuse'),
  reason: text('Motif du refus', 'Reason for refusal'),
  comment: text('Commentaire pour l’étudiant (facultatif)', 'Comment for the student (optional)'),
  decide: text('Enregistrer la décision', 'Record the decision'),
  decisionRequired: text('Choisissez : accepter ou refuser.', 'Choose: accept or refuse.'),
  startPrint: text('Envoyer à l’impression les demandes validées', 'Send the checked requests to print'),
  printCsv: text('Liste d’impression (CSV)', 'Print list (CSV)'),
  printZip: text('Photos à imprimer (ZIP)', 'Photos to print (ZIP)'),
  cardsCaption: text<{ status: string }>(
    (p) => `Cartes : ${p.status}`,
    (p) => `Cards: ${p.status}`,
  ),
  action: text('Action', 'Action'),
  markPrinted: text('Marquer imprimée', 'Mark printed'),
  markEncoded: text('Marquer encodée', 'Mark encoded'),
  markReady: text('Marquer disponible', 'Mark ready'),
  markCollected: text('Marquer remise (carte active)', 'Mark collected (card active)'),
  reactivate: text('Carte retrouvée : réactiver', 'Card found: reactivate'),
  noCards: text('Aucune carte.', 'No card.'),
};
