import { text } from '../text.js';

/**
 * The page kit's own words (api/pages/): the frame every page shares (skip link, navigation,
 * language switch, logout, footer), forms (error summary, required fields), flash messages,
 * pagination and the error pages. Each journey's pages have their own `page<Journey>` file.
 */
export const pageMessages = {
  skipToContent: text('Aller au contenu', 'Skip to content'),
  homeLink: text<{ institution: string }>(
    (p) => `${p.institution} — accueil`,
    (p) => `${p.institution} — home`,
  ),
  mainNavigation: text('Menu principal', 'Main menu'),
  navHome: text('Accueil', 'Home'),
  navProgrammes: text('Offre de formation', 'Programmes'),
  navAssistance: text('Assistance', 'Help'),
  navLogin: text('Connexion', 'Log in'),
  navMySpace: text('Mon espace', 'My space'),
  loggedInAs: text<{ name: string }>(
    (p) => `Connecté(e) : ${p.name}`,
    (p) => `Logged in: ${p.name}`,
  ),
  logout: text('Déconnexion', 'Log out'),
  languageSwitch: text('Langue', 'Language'),
  switchTo: text('English', 'Français'),
  switchToLabel: text('Read this site in English', 'Lire ce site en français'),
  footer: text('Pied de page', 'Footer'),
  footerApi: text('API (développeurs)', 'API (developers)'),
  footerAccessibility: text('Accessibilité : partiellement conforme', 'Accessibility: partially compliant'),
  footerContact: text('Contact', 'Contact'),
  titleError: text<{ title: string }>(
    (p) => `Erreur : ${p.title}`,
    (p) => `Error: ${p.title}`,
  ),

  // Forms.
  requiredNote: text('Les champs marqués d’un astérisque (*) sont obligatoires.', 'Fields marked with an asterisk (*) are required.'),
  requiredMark: text('obligatoire', 'required'),
  errorSummaryTitle: text('Le formulaire contient des erreurs', 'There is a problem with the form'),
  fileHint: text<{ maxMegabytes: number }>(
    (p) => `Fichier PDF, ${p.maxMegabytes} Mo au plus.`,
    (p) => `PDF file, at most ${p.maxMegabytes} MB.`,
  ),
  select: text('— Choisir —', '— Choose —'),

  // Lists.
  pagination: text('Pagination', 'Pagination'),
  previous: text('Précédent', 'Previous'),
  next: text('Suivant', 'Next'),
  tableScrollHint: text('Tableau défilant horizontalement', 'Table scrolls horizontally'),
  empty: text('Aucun élément.', 'Nothing here.'),

  // What a form POST says when it cannot be trusted, and the pages of errors.
  formRejectedTitle: text('Formulaire expiré', 'Form expired'),
  formRejected: text(
    'Ce formulaire a expiré ou ne provient pas de ce site : rechargez la page et recommencez.',
    'This form has expired or did not come from this site: reload the page and try again.',
  ),
  loginRequiredTitle: text('Connexion requise', 'Login required'),
  loginRequired: text('Connectez-vous pour accéder à cette page.', 'Log in to open this page.'),
  wrongAccountTitle: text('Accès réservé', 'Restricted access'),
  wrongAccount: text('Cette page n’est pas accessible avec votre compte.', 'This page is not available with your account.'),
  errorTitle: text('Une erreur est survenue', 'Something went wrong'),
  notFoundTitle: text('Page introuvable', 'Page not found'),
  notFound: text(
    'Cette page n’existe pas ou plus. Vérifiez l’adresse, ou repartez de l’accueil.',
    'This page does not exist (any more). Check the address, or start again from the home page.',
  ),
  backHome: text('Retour à l’accueil', 'Back to the home page'),

  // Flash messages shown once after a redirect.
  languageChanged: text('La langue du site est maintenant le français.', 'The site is now in English.'),
  loggedOut: text('Vous êtes déconnecté(e).', 'You are logged out.'),
};
