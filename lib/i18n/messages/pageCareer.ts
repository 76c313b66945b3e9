import { text } from '../text.js';

/** « Carrière » (seed 002): browsing and answering offers, posting them, « Mes offres d’emploi ». */
export const pageCareerMessages = {
  nav: text('Carrière', 'Career'),
  title: text('Carrière', 'Career'),
  intro: text(
    'Les offres d’emploi et de stage du réseau, réservées aux membres : étudiants et diplômés (Alumni).',
    'The network’s job and internship offers, for members: students and graduates (Alumni).',
  ),
  studentEntrance: text('Etudiant recherche un stage', 'Student looking for an internship'),
  studentEntranceText: text('Les offres de stage publiées, les plus récentes d’abord.', 'The published internship offers, newest first.'),
  alumniEntrance: text('Alumni recherche une offre d’emploi ou un stage', 'Alumni looking for a job or an internship'),
  alumniEntranceText: text(
    'Toutes les offres publiées, avec leurs filtres : type, lieu, entreprise, mots-clés, date.',
    'Every published offer, with filters: kind, place, company, keywords, date.',
  ),
  postEntrance: text('Déposer une offre ou un stage', 'Post a job or an internship'),
  postEntranceText: text(
    'Toute offre est soumise à validation d’un webmaster avant publication.',
    'Every offer is validated by a webmaster before it is published.',
  ),
  mineEntrance: text('Mes offres d’emploi', 'My job offers'),
  mineEntranceText: text(
    'Le statut de vos offres, leur historique, les candidatures reçues.',
    'The status of your offers, their history, the applications received.',
  ),
  noPostingRight: text(
    'Votre compte recruteur n’a pas encore le droit de déposer des offres : il est accordé par un administrateur de la plateforme.',
    'Your recruiter account may not post offers yet: this right is granted by an administrator of the platform.',
  ),

  // The search.
  searchTitle: text('Offres d’emploi et de stage', 'Job and internship offers'),
  searchStudentTitle: text('Offres de stage', 'Internship offers'),
  filters: text('Filtrer les offres', 'Filter the offers'),
  kindLabel: text('Type d’offre', 'Kind of offer'),
  anyKind: text('Tous les types', 'Any kind'),
  placeLabel: text('Lieu', 'Place'),
  companyLabel: text('Entreprise', 'Company'),
  textLabel: text('Mots-clés', 'Keywords'),
  textHint: text('Dans le titre et la description, par exemple « données Python ».', 'In the title and description, e.g. « data Python ».'),
  sinceLabel: text('Publiées depuis le', 'Published since'),
  search: text('Rechercher', 'Search'),
  resetFilters: text('Effacer les filtres', 'Clear the filters'),
  results: text<{ total: number; page: number; pages: number }>(
    (p) => `${p.total} offre${p.total > 1 ? 's' : ''} publiée${p.total > 1 ? 's' : ''} — page ${p.page} sur ${p.pages}`,
    (p) => `${p.total} published offer${p.total > 1 ? 's' : ''} — page ${p.page} of ${p.pages}`,
  ),
  noResults: text(
    'Aucune offre publiée ne correspond à ces filtres. Élargissez la recherche.',
    'No published offer matches these filters. Widen the search.',
  ),
  publishedOn: text<{ date: string }>(
    (p) => `Publiée le ${p.date}`,
    (p) => `Published on ${p.date}`,
  ),

  // One offer.
  company: text('Entreprise', 'Company'),
  place: text('Lieu', 'Place'),
  kind: text('Type', 'Kind'),
  contract: text('Contrat', 'Contract'),
  startsOn: text('Date de début', 'Start date'),
  publishedAt: text('Publiée le', 'Published on'),
  expiresAt: text('Visible jusqu’au', 'Visible until'),
  description: text('Description', 'Description'),
  contactEmail: text('Adresse de contact (reçoit les candidatures)', 'Contact address (receives the applications)'),
  apply: text('Postuler', 'Apply'),
  backToSearch: text('Retour aux offres', 'Back to the offers'),

  // Applying.
  applyTitle: text<{ title: string }>(
    (p) => `Postuler : ${p.title}`,
    (p) => `Apply: ${p.title}`,
  ),
  applyIntro: text(
    'Votre message et votre CV sont transmis par courriel à l’adresse de contact de l’offre ; le recruteur vous répondra directement à votre adresse.',
    'Your message and CV are sent by e-mail to the offer’s contact address; the recruiter will answer you directly at your address.',
  ),
  messageLabel: text('Votre message', 'Your message'),
  messageHint: text('5000 caractères au plus.', 'At most 5000 characters.'),
  cvLabel: text('Votre CV', 'Your CV'),
  send: text('Envoyer ma candidature', 'Send my application'),
  applied: text(
    'Votre candidature est enregistrée : elle est transmise au contact de l’offre, vous recevrez une confirmation par courriel.',
    'Your application is recorded: it is sent to the offer’s contact and you will receive a confirmation by e-mail.',
  ),

  // Posting and editing.
  postTitle: text('Déposer une offre ou un stage', 'Post a job or an internship'),
  postIntro: text(
    'Remplissez tous les champs puis enregistrez. Toute offre est soumise à validation d’un webmaster avant publication : vous suivez son statut dans « Mes offres d’emploi ».',
    'Fill in every field, then save. Every offer is validated by a webmaster before it is published: follow its status in « My job offers ».',
  ),
  titleLabel: text('Titre de l’offre', 'Title of the offer'),
  contractLabel: text('Contrat', 'Contract'),
  contractHint: text('CDI, CDD, convention de stage…', 'Permanent, fixed-term, internship agreement…'),
  startsOnLabel: text('Date de début', 'Start date'),
  descriptionLabel: text('Description', 'Description'),
  descriptionHint: text(
    '30 caractères au moins : missions, profil recherché, rémunération.',
    'At least 30 characters: duties, profile, pay.',
  ),
  contactEmailLabel: text('Adresse mail de contact', 'Contact e-mail address'),
  contactEmailHint: text(
    'Les candidatures et CV des personnes intéressées y sont envoyés au fil de l’eau.',
    'The applications and CVs of interested people are sent there as they come.',
  ),
  durationLabel: text('Durée de publication', 'Publication period'),
  durationHint: text('À compter de la validation par le webmaster.', 'From the webmaster’s validation.'),
  days: text<{ days: number }>(
    (p) => `${p.days} jours`,
    (p) => `${p.days} days`,
  ),
  save: text('Enregistrer', 'Save'),
  posted: text(
    'Votre offre est enregistrée : elle sera publiée après validation d’un webmaster.',
    'Your offer is saved: it will be published once a webmaster validates it.',
  ),
  editTitle: text<{ title: string }>(
    (p) => `Modifier : ${p.title}`,
    (p) => `Edit: ${p.title}`,
  ),
  editIntro: text(
    'Une fois enregistrée, la nouvelle version repasse en validation : l’offre n’est plus visible des membres jusqu’à la décision du webmaster.',
    'Once saved, the new version goes back to validation: members no longer see the offer until the webmaster decides.',
  ),
  revised: text(
    'La nouvelle version est enregistrée : elle attend la validation d’un webmaster.',
    'The new version is saved: it awaits a webmaster’s validation.',
  ),

  // « Mes offres d’emploi ».
  mineTitle: text('Mes offres d’emploi', 'My job offers'),
  mineCaption: text('Mes offres, les plus récentes d’abord', 'My offers, newest first'),
  mineEmpty: text('Vous n’avez pas encore déposé d’offre.', 'You have not posted any offer yet.'),
  colOffer: text('Offre', 'Offer'),
  colStatus: text('Statut', 'Status'),
  colApplications: text('Candidatures', 'Applications'),
  colPostedOn: text('Déposée le', 'Posted on'),
  status: text('Statut', 'Status'),
  history: text('Historique', 'History'),
  historyCaption: text('Chaque étape de l’offre, qui a décidé et pourquoi', 'Each step of the offer, who decided and why'),
  colDate: text('Date', 'Date'),
  colDecidedBy: text('Décidé par', 'Decided by'),
  colReason: text('Motif', 'Reason'),
  colComment: text('Commentaire', 'Comment'),
  edit: text('Modifier l’offre', 'Edit the offer'),
  withdraw: text('Retirer l’offre', 'Withdraw the offer'),
  applicationsLink: text<{ count: number }>(
    (p) => `Candidatures reçues (${p.count})`,
    (p) => `Applications received (${p.count})`,
  ),
  changesAsked: text<{ comment: string }>(
    (p) => `Le webmaster demande des modifications : « ${p.comment} »`,
    (p) => `The webmaster asks for changes: « ${p.comment} »`,
  ),
  withdrawTitle: text<{ title: string }>(
    (p) => `Retirer l’offre : ${p.title}`,
    (p) => `Withdraw the offer: ${p.title}`,
  ),
  withdrawIntro: text(
    'L’offre ne sera plus visible et ne recevra plus de candidatures. Cette action est définitive.',
    'The offer will no longer be visible nor receive applications. This cannot be undone.',
  ),
  reasonLabel: text('Motif (facultatif)', 'Reason (optional)'),
  withdrawn: text('Votre offre est retirée.', 'Your offer is withdrawn.'),
  cancel: text('Annuler', 'Cancel'),
  applicationsTitle: text<{ title: string }>(
    (p) => `Candidatures reçues : ${p.title}`,
    (p) => `Applications received: ${p.title}`,
  ),
  applicationsCaption: text('Les candidatures, dans l’ordre d’arrivée', 'The applications, in order of arrival'),
  applicationsEmpty: text('Aucune candidature pour le moment.', 'No application yet.'),
  colApplicant: text('Candidat(e)', 'Applicant'),
  colMessage: text('Message', 'Message'),
  colCv: text('CV', 'CV'),
  colReceived: text('Reçue le', 'Received on'),
  cvDownload: text<{ name: string; kb: number }>(
    (p) => `${p.name} (PDF, ${p.kb} Ko)`,
    (p) => `${p.name} (PDF, ${p.kb} KB)`,
  ),
  forwarded: text('transmise par courriel', 'sent by e-mail'),
  backToMine: text('Retour à mes offres', 'Back to my offers'),
};
