import { text } from '../text.js';

type RequestStatus =
  | 'draft'
  | 'under_review'
  | 'awaiting_supervisor'
  | 'awaiting_project_manager'
  | 'waitlisted'
  | 'seat_offered'
  | 'accepted'
  | 'refused'
  | 'withdrawn'
  | 'cancelled'
  | 'completed'
  | 'accepted_communicated'
  | 'refused_communicated'
  | 'waitlisted_communicated';

const statusFr: Record<RequestStatus, string> = {
  draft: 'brouillon (non envoyée)',
  under_review: 'en cours d’analyse',
  awaiting_supervisor: 'en attente de votre supérieur hiérarchique',
  awaiting_project_manager: 'en attente du/de la chargé(e) de projet',
  waitlisted: 'sur liste d’attente',
  seat_offered: 'place proposée : à confirmer',
  accepted: 'validée',
  refused: 'refusée',
  withdrawn: 'désistement',
  cancelled: 'session annulée',
  completed: 'terminée',
  accepted_communicated: 'décision communiquée : validée',
  refused_communicated: 'décision communiquée : refusée',
  waitlisted_communicated: 'décision communiquée : liste d’attente',
};
const statusEn: Record<RequestStatus, string> = {
  draft: 'draft (not sent)',
  under_review: 'under review',
  awaiting_supervisor: 'awaiting your line manager',
  awaiting_project_manager: 'awaiting the project manager',
  waitlisted: 'on the waiting list',
  seat_offered: 'seat offered: to confirm',
  accepted: 'accepted',
  refused: 'refused',
  withdrawn: 'withdrawn',
  cancelled: 'session cancelled',
  completed: 'completed',
  accepted_communicated: 'decision communicated: accepted',
  refused_communicated: 'decision communicated: refused',
  waitlisted_communicated: 'decision communicated: waiting list',
};

/** Continuing education (seed 004): the catalogue, an action's sheet, the five steps, « mes candidatures ». */
export const pageTrainingMessages = {
  nav: text('Formation continue', 'Continuing education'),
  navMine: text('Mes candidatures', 'My applications'),
  status: text<{ status: string }>(
    (p) => statusFr[p.status as RequestStatus] ?? p.status,
    (p) => statusEn[p.status as RequestStatus] ?? p.status,
  ),

  // The catalogue.
  catalogueTitle: text('Catalogue de la formation continue', 'Continuing education catalogue'),
  catalogueIntro: text(
    'Choisissez votre action dans le catalogue en utilisant la fonction recherche ou en naviguant dans le catalogue par thématique.',
    'Choose your training action in the catalogue with the search, or browse the catalogue by theme.',
  ),
  themes: text('Thématiques', 'Themes'),
  allThemes: text('Toutes les thématiques', 'All themes'),
  themeCount: text<{ theme: string; count: number }>(
    (p) => `${p.theme} (${p.count})`,
    (p) => `${p.theme} (${p.count})`,
  ),
  searchLabel: text('Rechercher une action', 'Search for an action'),
  searchHint: text('Un mot du titre, de la thématique ou de la description.', 'A word of the title, theme or description.'),
  themeLabel: text('Thématique', 'Theme'),
  search: text('Rechercher', 'Search'),
  results: text<{ total: number; page: number; pages: number }>(
    (p) => `${p.total} action${p.total > 1 ? 's' : ''} — page ${p.page} sur ${p.pages}`,
    (p) => `${p.total} action${p.total > 1 ? 's' : ''} — page ${p.page} of ${p.pages}`,
  ),
  noResults: text('Aucune action ne correspond à cette recherche.', 'No action matches this search.'),
  openSessions: text<{ count: number }>(
    (p) =>
      p.count
        ? `${p.count} session${p.count > 1 ? 's' : ''} ouverte${p.count > 1 ? 's' : ''} aux pré-inscriptions`
        : 'Aucune session ouverte',
    (p) => (p.count ? `${p.count} session${p.count > 1 ? 's' : ''} open for pre-registration` : 'No open session'),
  ),

  // An action's sheet.
  theme: text('Thématique', 'Theme'),
  code: text('Code', 'Code'),
  description: text('Description', 'Description'),
  objectives: text('Objectifs', 'Objectives'),
  audience: text('Public', 'Audience'),
  sessions: text('Sessions', 'Sessions'),
  sessionsIntro: text(
    'Chaque action peut proposer différentes sessions. Sélectionnez la session qui vous convient puis cliquez sur le bouton « pré-inscription ».',
    'Each action may offer several sessions. Select the session that suits you, then press the « pre-registration » button.',
  ),
  sessionsCaption: text('Les sessions de cette action', 'The sessions of this action'),
  colDates: text('Dates', 'Dates'),
  colHours: text('Horaires', 'Hours'),
  colPlace: text('Lieu', 'Place'),
  colSeats: text('Places restantes', 'Seats left'),
  colRegistration: text('Pré-inscriptions', 'Pre-registration'),
  open: text('ouvertes', 'open'),
  closed: text('fermées', 'closed'),
  cancelledSession: text('session annulée', 'session cancelled'),
  sessionLabel: text('Session', 'Session'),
  sessionOption: text<{ dates: string; place: string; seats: number }>(
    (p) => `${p.dates} — ${p.place} (${p.seats} place${p.seats > 1 ? 's' : ''} restante${p.seats > 1 ? 's' : ''})`,
    (p) => `${p.dates} — ${p.place} (${p.seats} seat${p.seats > 1 ? 's' : ''} left)`,
  ),
  dates: text<{ from: string; to: string }>(
    (p) => (p.from === p.to ? `le ${p.from}` : `du ${p.from} au ${p.to}`),
    (p) => (p.from === p.to ? `on ${p.from}` : `from ${p.from} to ${p.to}`),
  ),
  hours: text<{ from: string; to: string }>(
    (p) => `${p.from} – ${p.to}`,
    (p) => `${p.from} – ${p.to}`,
  ),
  preRegister: text('pré-inscription', 'pre-registration'),
  noOpenSession: text(
    'Aucune session de cette action n’est ouverte aux pré-inscriptions pour le moment.',
    'No session of this action is open for pre-registration at the moment.',
  ),
  loginToRegister: text(
    'Pour vous pré-inscrire, connectez-vous d’abord à votre « espace personnel » : l’ENT pour les étudiants et les personnels, eCandidat sinon.',
    'To pre-register, first log in to your « personal space »: the ENT for students and staff, eCandidat otherwise.',
  ),
  loginEnt: text('Connexion ENT (étudiants, personnels)', 'ENT login (students, staff)'),
  loginCandidate: text('Connexion eCandidat', 'eCandidat login'),
  backToCatalogue: text('Retour au catalogue', 'Back to the catalogue'),

  // The five steps.
  stepTitle: text<{ step: number; title: string }>(
    (p) => `Étape ${p.step} sur 5 : ${p.title}`,
    (p) => `Step ${p.step} of 5: ${p.title}`,
  ),
  stepsNav: text('Étapes de la pré-inscription', 'Pre-registration steps'),
  stepDone: text('enregistrée', 'saved'),
  stepTodo: text('à remplir', 'to fill in'),
  stepCurrent: text('étape en cours', 'current step'),
  forSession: text<{ action: string; dates: string; place: string }>(
    (p) => `Pré-inscription à « ${p.action} », session ${p.dates}, ${p.place}.`,
    (p) => `Pre-registration for « ${p.action} », session ${p.dates}, ${p.place}.`,
  ),
  draftNote: text(
    'Chaque étape est enregistrée comme brouillon : vous pouvez partir et reprendre plus tard depuis « mes candidatures ».',
    'Each step is saved as a draft: you can leave and come back later from « my applications ».',
  ),
  saveAndContinue: text('Enregistrer et continuer', 'Save and continue'),
  previousStep: text('Étape précédente', 'Previous step'),
  stepSaved: text<{ step: number }>(
    (p) => `Étape ${p.step} enregistrée.`,
    (p) => `Step ${p.step} saved.`,
  ),
  started: text(
    'Votre pré-inscription est commencée : remplissez les cinq étapes.',
    'Your pre-registration has started: fill in the five steps.',
  ),
  resumed: text(
    'Vous avez déjà une pré-inscription en cours pour cette session : reprenez-la.',
    'You already have a pre-registration in progress for this session: carry on with it.',
  ),
  civility: text('Civilité', 'Title'),
  civilityMadame: text('Madame', 'Ms'),
  civilityMonsieur: text('Monsieur', 'Mr'),
  civilityOther: text('Autre', 'Other'),
  lastName: text('Nom', 'Last name'),
  firstName: text('Prénom', 'First name'),
  birthDate: text('Date de naissance', 'Date of birth'),
  phone: text('Téléphone (facultatif)', 'Phone (optional)'),
  employer: text('Établissement ou employeur', 'Institution or employer'),
  department: text('Service', 'Department'),
  jobTitle: text('Fonction', 'Job title'),
  category: text('Catégorie', 'Category'),
  categoryContract: text('contractuel', 'contract staff'),
  categoryOther: text('autre', 'other'),
  motivation: text('Contexte professionnel', 'Professional context'),
  motivationHint: text(
    'En quoi cette formation sert votre poste ? 20 caractères au moins.',
    'How does this training serve your job? At least 20 characters.',
  ),
  expectations: text('Vos attentes', 'Your expectations'),
  supervisorIntro: text(
    'Votre supérieur hiérarchique reçoit une demande de validation par courriel : il valide ou refuse votre pré-inscription, sans avoir besoin d’un compte.',
    'Your line manager receives a request by e-mail to validate or refuse your pre-registration; they need no account.',
  ),
  supervisorLastName: text('Nom du supérieur hiérarchique', 'Line manager’s last name'),
  supervisorFirstName: text('Prénom du supérieur hiérarchique', 'Line manager’s first name'),
  supervisorEmail: text('Adresse mail du supérieur hiérarchique', 'Line manager’s e-mail address'),

  // Step 5.
  recapIntro: text(
    'Vérifiez vos réponses. Après l’envoi, vous recevez une confirmation par courriel et votre supérieur hiérarchique est sollicité.',
    'Check your answers. Once sent, you receive a confirmation by e-mail and your line manager is asked.',
  ),
  missingSteps: text('Ces étapes sont encore à remplir :', 'These steps are still to fill in:'),
  change: text('Modifier', 'Change'),
  changeStep: text<{ step: number }>(
    (p) => `Modifier l’étape ${p.step}`,
    (p) => `Change step ${p.step}`,
  ),
  sendRequest: text('Envoyer', 'Send'),
  sent: text(
    'Votre pré-inscription est envoyée : vous allez recevoir une confirmation par courriel, et votre supérieur hiérarchique une demande de validation.',
    'Your pre-registration is sent: you will receive a confirmation by e-mail, and your line manager a request for validation.',
  ),

  // « mes candidatures ».
  mineTitle: text('Mes candidatures', 'My applications'),
  mineIntro: text(
    'Le parcours de chaque candidature : votre supérieur hiérarchique valide ou refuse, puis le/la chargé(e) de projet décide. La décision est communiquée environ un mois avant l’action.',
    'The path of each application: your line manager validates or refuses, then the project manager decides. The decision is communicated about a month before the action.',
  ),
  mineCaption: text('Mes pré-inscriptions, les plus récentes d’abord', 'My pre-registrations, newest first'),
  mineEmpty: text('Vous n’avez pas encore de candidature.', 'You have no application yet.'),
  colAction: text('Action', 'Action'),
  colSession: text('Session', 'Session'),
  colStatus: text('Statut', 'Status'),
  colSent: text('Envoyée le', 'Sent on'),
  resume: text('Reprendre', 'Resume'),
  see: text('Voir', 'See'),
  requestTitle: text<{ action: string }>(
    (p) => `Ma candidature : ${p.action}`,
    (p) => `My application: ${p.action}`,
  ),
  historyTitle: text('Historique', 'History'),
  historyCaption: text('Chaque étape de la demande, qui a décidé et pourquoi', 'Each step of the request, who decided and why'),
  historyEmpty: text('La demande n’a pas encore été envoyée.', 'The request has not been sent yet.'),
  colDate: text('Date', 'Date'),
  colDecidedBy: text('Décidé par', 'Decided by'),
  colReason: text('Motif ou commentaire', 'Reason or comment'),
  withdraw: text('Me désister', 'Withdraw'),
  withdrawTitle: text<{ action: string }>(
    (p) => `Me désister : ${p.action}`,
    (p) => `Withdraw: ${p.action}`,
  ),
  withdrawIntro: text(
    'Votre demande sera close et les personnes qui devaient se prononcer en seront informées. Si une place vous était réservée, elle sera proposée à la personne suivante.',
    'Your request will be closed and the people who were to decide will be told. A seat reserved for you goes to the next person.',
  ),
  withdrawReason: text('Motif (facultatif)', 'Reason (optional)'),
  withdrawn: text('Votre désistement est enregistré.', 'Your withdrawal is recorded.'),
  cancel: text('Annuler', 'Cancel'),
  backToMine: text('Retour à mes candidatures', 'Back to my applications'),
};
