import { text } from '../text.js';

/** Security (issue 12): throttles and quotas, origin checks, passwords, uploads, registry answers. */
export const securityMessages = {
  loginDelayed: text<{ seconds: number }>(
    (p) =>
      `Trop de tentatives de connexion échouées depuis cet appareil : réessayez dans ${p.seconds} s, ou utilisez « J’ai oublié mes identifiants ».`,
    (p) => `Too many failed login attempts from this device: try again in ${p.seconds} s, or use « I forgot my credentials ».`,
  ),
  tooManyRequests: text<{ seconds: number }>(
    (p) => `Trop de demandes depuis votre adresse réseau : réessayez dans ${p.seconds} s.`,
    (p) => `Too many requests from your network address: try again in ${p.seconds} s.`,
  ),
  tooManyMails: text<{ seconds: number }>(
    (p) => `Trop de courriels ont déjà été demandés pour cette adresse ou ce compte : réessayez dans ${Math.ceil(p.seconds / 60)} min.`,
    (p) => `Too many e-mails have already been requested for this address or account: try again in ${Math.ceil(p.seconds / 60)} min.`,
  ),
  foreignOrigin: text(
    'Cette action doit être envoyée depuis les pages de la plateforme (origine refusée).',
    'This action must be sent from the platform’s own pages (origin refused).',
  ),
  formOnApi: text(
    'L’API n’accepte pas les formulaires HTML : envoyez du JSON (application/json).',
    'The API does not accept HTML forms: send JSON (application/json).',
  ),
  tooDeep: text('Les données envoyées sont trop imbriquées.', 'The data sent is nested too deeply.'),
  cvUnreadable: text(
    'Le CV doit être un fichier PDF lisible : ce fichier n’a pas pu être lu comme un PDF.',
    'The CV must be a readable PDF file: this file could not be read as a PDF.',
  ),
  cvTooManyPages: text<{ max: number }>(
    (p) => `Le CV ne peut pas dépasser ${p.max} pages.`,
    (p) => `The CV cannot be longer than ${p.max} pages.`,
  ),
  passwordTooShort: text<{ min: number }>(
    (p) => `Le mot de passe doit contenir au moins ${p.min} caractères`,
    (p) => `The password must be at least ${p.min} characters long`,
  ),
  passwordGuessable: text(
    'Ce mot de passe est trop courant ou trop facile à deviner (mot du dictionnaire, suite de caractères, mot de passe déjà divulgué…) : choisissez-en un autre, par exemple une phrase de plusieurs mots.',
    'This password is too common or too easy to guess (dictionary word, sequence, already leaked password…): choose another one, for example a phrase of several words.',
  ),
  passwordContainsIdentity: text(
    'Le mot de passe ne doit pas reprendre votre nom ou votre adresse mail',
    'The password must not reuse your name or e-mail address',
  ),
  reminderTooFrequent: text<{ minimum: string }>(
    (p) => `Les relances ne peuvent pas être plus fréquentes que ${p.minimum}`,
    (p) => `Reminders cannot be more frequent than ${p.minimum}`,
  ),
  approverNoLongerAllowed: text(
    'Vous ne pouvez plus décider de cette demande : votre compte a été désactivé.',
    'You can no longer decide on this request: your account has been deactivated.',
  ),
  graduateRegistered: text(
    'Votre demande est enregistrée. Si vous êtes présent dans la base des diplômés, on vous envoie les instructions via l’adresse mail saisie ; sinon, ce courriel vous indiquera comment compléter votre demande. Commencez par valider votre adresse avec le lien reçu.',
    'Your request is recorded. If you are in the graduates’ registry, the instructions are sent to the e-mail address you typed; otherwise that e-mail tells you how to complete your request. Start by validating your address with the link you received.',
  ),
  graduateNotCompleting: text(
    'Le formulaire complet n’est pas attendu à cette étape de votre inscription.',
    'The complete form is not expected at this step of your registration.',
  ),
  graduateFormRecorded: text(
    'Votre formulaire est enregistré : il sera examiné par l’administrateur. Vous serez informé(e) par courriel.',
    'Your form is recorded: the administrator will examine it. You will be told by e-mail.',
  ),
  graduateFormAlreadySent: text('Votre formulaire complet a déjà été envoyé.', 'Your complete form has already been sent.'),
};
