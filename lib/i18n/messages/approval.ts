import { dateTime, text } from '../text.js';

/** Outcomes as the decision step names them (`Outcome` of workflows/kit/approval/contract.ts). */
type Outcome = 'approve' | 'refuse' | 'wait_list' | 'request_changes';
type DoneOutcome = Outcome | 'withdrawn' | 'expired';

const outcomeFr: Record<Outcome, string> = {
  approve: 'Approuver',
  refuse: 'Refuser',
  wait_list: 'Mettre en liste d’attente',
  request_changes: 'Demander des modifications',
};
const outcomeEn: Record<Outcome, string> = {
  approve: 'Approve',
  refuse: 'Refuse',
  wait_list: 'Put on the waiting list',
  request_changes: 'Request changes',
};

/** Past tense, for « approuvée par … le … ». */
const doneFr: Record<DoneOutcome, string> = {
  approve: 'approuvée',
  refuse: 'refusée',
  wait_list: 'mise en liste d’attente',
  request_changes: 'renvoyée pour modifications',
  withdrawn: 'retirée par le demandeur',
  expired: 'expirée sans décision',
};
const doneEn: Record<DoneOutcome, string> = {
  approve: 'approved',
  refuse: 'refused',
  wait_list: 'put on the waiting list',
  request_changes: 'sent back for changes',
  withdrawn: 'withdrawn by the requester',
  expired: 'closed without a decision (expired)',
};

/** `at` is epoch ms; no `at`, no date (the projection of an expiry does not say when). */
const when = (at: number | undefined, lang: 'fr' | 'en') => (at === undefined ? '' : dateTime(at, lang));

/** A decision step (requestDecision), its links, the inbox and the audit. */
export const approvalMessages = {
  outcome: text<{ outcome: Outcome }>(
    (p) => outcomeFr[p.outcome],
    (p) => outcomeEn[p.outcome],
  ),
  outcomeDone: text<{ outcome: DoneOutcome }>(
    (p) => doneFr[p.outcome],
    (p) => doneEn[p.outcome],
  ),

  /**
   * « Already decided », by the workflow's validator and by the API's projection alike: what was
   * decided, by whom (unless the requester withdrew) and when; an expiry says the deadline passed.
   */
  alreadySettled: text<{ outcome: DoneOutcome; by?: string; at?: number; deadline?: boolean }>(
    (p) =>
      p.deadline
        ? `Cette demande a déjà été ${doneFr[p.outcome]} : le délai de décision est dépassé${p.at === undefined ? '' : ` (${when(p.at, 'fr')})`}.`
        : `Cette demande a déjà été ${doneFr[p.outcome]}${p.by ? ` par ${p.by}` : ''} ${when(p.at, 'fr')}.`,
    (p) =>
      p.deadline
        ? `This request has already been ${doneEn[p.outcome]}: the decision deadline has passed${p.at === undefined ? '' : ` (${when(p.at, 'en')})`}.`
        : `This request has already been ${doneEn[p.outcome]}${p.by ? ` by ${p.by}` : ''} ${when(p.at, 'en')}.`,
  ),
  /** The decision page once the step is closed (`status` of the projection). */
  closed: text<{ status: 'withdrawn' | 'expired' | 'decided'; outcome?: DoneOutcome; by?: string; at?: number }>(
    (p) =>
      p.status === 'withdrawn'
        ? `Cette demande a été retirée par le demandeur ${when(p.at, 'fr')}.`
        : p.status === 'expired'
          ? p.outcome && p.outcome !== 'expired'
            ? `Le délai de décision est dépassé : la demande a été ${doneFr[p.outcome]} ${when(p.at, 'fr')}.`
            : `Le délai de décision est dépassé ${when(p.at, 'fr')} : aucune décision n’a été prise.`
          : `Cette demande a été ${doneFr[p.outcome ?? 'expired']} par ${p.by} ${when(p.at, 'fr')}.`,
    (p) =>
      p.status === 'withdrawn'
        ? `This request was withdrawn by the requester ${when(p.at, 'en')}.`
        : p.status === 'expired'
          ? p.outcome && p.outcome !== 'expired'
            ? `The decision deadline passed: the request was ${doneEn[p.outcome]} ${when(p.at, 'en')}.`
            : `The decision deadline passed ${when(p.at, 'en')}: no decision was made.`
          : `This request was ${doneEn[p.outcome ?? 'expired']} by ${p.by} ${when(p.at, 'en')}.`,
  ),
  /** The notice to the approvers who did not decide (activities/kit/approvalsClosing.ts). */
  closedNotice: text<{ channel: string; outcome: DoneOutcome; by: string; at: number }>(
    (p) =>
      p.channel === 'requester'
        ? `elle a été retirée par le demandeur ${when(p.at, 'fr')}`
        : p.channel === 'deadline'
          ? `le délai de décision est dépassé (${when(p.at, 'fr')}), la demande a été ${doneFr[p.outcome]}`
          : `elle a été ${doneFr[p.outcome]} par ${p.by} ${when(p.at, 'fr')}`,
    (p) =>
      p.channel === 'requester'
        ? `it was withdrawn by the requester ${when(p.at, 'en')}`
        : p.channel === 'deadline'
          ? `the decision deadline passed (${when(p.at, 'en')}), the request was ${doneEn[p.outcome]}`
          : `it was ${doneEn[p.outcome]} by ${p.by} ${when(p.at, 'en')}`,
  ),

  // The decision step's validators (workflows/kit/approval/requestDecision.ts).
  stepOver: text(
    'Cette étape de la demande est terminée : le lien n’est plus valide.',
    'This step of the request is over: the link is no longer valid.',
  ),
  deadlinePassed: text('Le délai de décision est dépassé.', 'The decision deadline has passed.'),
  ownRequest: text('Vous ne pouvez pas décider de votre propre demande.', 'You cannot decide on your own request.'),
  linkNotYours: text('Ce lien ne vous permet pas de décider de cette demande.', 'This link does not allow you to decide on this request.'),
  notAnApprover: text(
    'Vous ne faites pas partie des personnes pouvant décider de cette demande.',
    'You are not one of the people who may decide on this request.',
  ),
  outcomeNotAllowed: text('Cette décision n’est pas possible à cette étape.', 'This decision is not possible at this step.'),
  reasonRequired: text('Le motif du refus est obligatoire.', 'A reason is required to refuse.'),
  reasonRequiredField: text('Le motif du refus est obligatoire', 'A reason is required to refuse'),
  /** « Demander des modifications » says what to change: without it the requester has nothing to fix. */
  commentRequired: text(
    'Un commentaire est obligatoire pour demander des modifications : indiquez ce qu’il faut changer.',
    'A comment is required to request changes: say what must be changed.',
  ),
  commentRequiredField: text('Indiquez ce qu’il faut modifier', 'Say what must be changed'),
  onlyRequesterWithdraws: text('Seul le demandeur peut retirer sa demande.', 'Only the requester can withdraw the request.'),
  nothingToHandOver: text('Aucune tâche en attente à transmettre pour cette étape.', 'No pending task to hand over for this step.'),
  requesterCannotReceive: text(
    'Le demandeur ne peut pas recevoir la décision de sa propre demande.',
    'The requester cannot be given the decision on their own request.',
  ),

  // The API: requests, decision links, the inbox.
  requestNotFound: text('Demande introuvable.', 'Request not found.'),
  taskNotFound: text('Décision introuvable.', 'Decision not found.'),
  decisionLinkUnknown: text(
    'Ce lien de décision n’est pas valide. Vérifiez que vous l’avez copié en entier.',
    'This decision link is not valid. Check that you copied all of it.',
  ),
  decisionLinkExpired: text(
    'Ce lien de décision a expiré : le délai de décision est dépassé.',
    'This decision link has expired: the decision deadline has passed.',
  ),
  decisionPageOrigin: text(
    'La demande ne provient pas de la page de décision : rouvrez le lien reçu par courriel.',
    'The request did not come from the decision page: open the link from the e-mail again.',
  ),
  chooseOutcome: text('Choisissez une décision.', 'Choose a decision.'),
  chooseOutcomeField: text('Choisissez une décision', 'Choose a decision'),
  pageSize: text<{ max: number }>(
    (p) => `La taille de page doit être un entier entre 1 et ${p.max}`,
    (p) => `The page size must be a whole number between 1 and ${p.max}`,
  ),
  badCursor: text(
    'Curseur invalide : reprenez la valeur nextCursor de la page précédente, ou omettez-le pour la première page',
    'Invalid cursor: pass the nextCursor value of the previous page as is, or leave it out for the first page',
  ),

  // Request bodies of the inbox, the staff API and the demonstration.
  unknownRole: text<{ roles: string }>(
    (p) => `Rôle inconnu : ${p.roles}`,
    (p) => `Unknown role: ${p.roles}`,
  ),
  scopeRule: text(
    'Ce rôle demande un périmètre (code composante, code VET ou action de formation) ; les autres n’en ont pas',
    'This role needs a scope (composante code, VET code or training action); the other roles take none',
  ),
  unknownOutcome: text<{ outcomes: string }>(
    (p) => `Décision inconnue : ${p.outcomes}`,
    (p) => `Unknown decision: ${p.outcomes}`,
  ),
  reasonTooLong: text('Le motif ne peut pas dépasser 2000 caractères', 'The reason cannot be longer than 2000 characters'),
  commentTooLong: text('Le commentaire ne peut pas dépasser 2000 caractères', 'The comment cannot be longer than 2000 characters'),
  taskId: text('Identifiant de tâche invalide', 'Invalid task identifier'),
  noDecisions: text('Aucune décision', 'No decision'),
  tooManyDecisions: text('Au plus 200 décisions à la fois', 'At most 200 decisions at once'),
  isoDuration: text(
    'Durée ISO 8601 attendue, par exemple P3D, PT12H ou PT30S',
    'An ISO 8601 duration is expected, for example P3D, PT12H or PT30S',
  ),
  stepName: text('Nom d’étape : minuscules, chiffres et tirets', 'Step name: lower-case letters, digits and dashes'),
  approverRequired: text('Au moins une personne ou un rôle doit pouvoir décider', 'At least one person or role must be able to decide'),
  distinctSteps: text('Chaque étape doit avoir un nom différent', 'Each step must have a different name'),
  subjectLabel: text('L’objet de la demande', 'The subject of the request'),
  approverEmailLabel: text('L’adresse de la personne qui décide', 'The address of the person who decides'),
};
