import { text } from '../text.js';

/** « ENTREPRISES / PARTENAIRES »: registration with the terms, and the right to post offers. */
export const recruiterRegistrationMessages = {
  created: text(
    'Votre inscription est enregistrée : consultez vos courriels pour valider votre adresse. Elle sera ensuite validée par l’administrateur.',
    'Your registration is recorded: check your e-mails to validate your address. The administrator will then validate it.',
  ),
  alreadyExists: text(
    'Une inscription avec cette adresse mail est déjà en cours ou validée',
    'A registration with this e-mail address is already in progress or validated',
  ),
  linkResent: text(
    'Si une inscription en attente de validation correspond à cette adresse, un nouveau lien vient d’y être envoyé.',
    'If a registration awaiting validation matches this address, a new link has just been sent to it.',
  ),
  adminOnly: text(
    'Seul un administrateur peut accorder ou retirer le droit de déposer des offres.',
    'Only an administrator can grant or withdraw the right to post offers.',
  ),
  notFound: text('Recruteur introuvable.', 'Recruiter not found.'),
  notValidated: text('L’inscription de ce recruteur n’est pas validée.', 'This recruiter’s registration is not validated.'),
  termsLabel: text('J’accepte les conditions générales d’utilisations', 'I accept the general terms of use'),
  termsChanged: text(
    'Les conditions générales d’utilisation ont changé depuis l’affichage de la page : lisez la nouvelle version et acceptez-la.',
    'The general terms of use changed since the page was shown: read the new version and accept it.',
  ),
  noTerms: text(
    'Aucune version des conditions générales d’utilisation n’est publiée.',
    'No version of the general terms of use is published.',
  ),
  termsRequired: text(
    'Vous devez cocher « J’accepte les conditions générales d’utilisations » pour vous inscrire',
    'You must tick « I accept the general terms of use » to register',
  ),
  siret: text('Le SIRET compte 14 chiffres', 'The SIRET number has 14 digits'),
  website: text('Le site web n’est pas une adresse valide', 'The website is not a valid address'),
  companyRequired: text('Les informations de l’entreprise sont obligatoires', 'The company’s details are required'),
  contactRequired: text('Les informations de la personne à contacter sont obligatoires', 'The contact person’s details are required'),
  allowedBoolean: text('Indiquez allowed: true ou false', 'Give allowed: true or false'),
  companyNameLabel: text('La raison sociale', 'The company name'),
  companyAddressLabel: text('L’adresse de l’entreprise', 'The company’s address'),
};
