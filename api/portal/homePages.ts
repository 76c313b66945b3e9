import { linkButton } from '../pages/components.js';
import { type Html, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';

function entrance(title: string, textBody: string, actions: Html[], id?: string): Html {
  // « ENTREPRISES/PARTENAIRES » is one long word on a phone: it may break after the slash.
  const heading = title.split('/').map((part, i) => (i === 0 ? html`${part}` : html`/<wbr>${part}`));
  return html`<li class="card"${id ? html` id="${id}"` : ''}><h2>${heading}</h2><p>${textBody}</p><div class="actions">${actions}</div></li>`;
}

/**
 * The home page: the four entrances of seed 000 (« Profils diplômés », « Profils étudiants »,
 * « ENTREPRISES/PARTENAIRES » with « Inscription » and « Connexion », and « Connexion personnels »
 * at the bottom, as the seed places it) and seed 001's eCandidat entrance.
 */
export function homePage(ctx: PageContext, institution: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pagePortal.homeTitle', { institution }),
    wide: true,
    body: html`<p class="lead">${t('pagePortal.homeIntro')}</p>
<ul class="cards">
${entrance(t('pagePortal.graduatesTitle'), t('pagePortal.graduatesText'), [
  linkButton('/diplomes/inscription', t('pagePortal.graduatesRegister')),
  linkButton('/diplomes/connexion', t('pagePortal.graduatesLogin'), 'secondary'),
])}
${entrance(t('pagePortal.studentsTitle'), t('pagePortal.studentsText'), [linkButton('/ent/connexion', t('pagePortal.studentsLogin'))])}
${entrance(t('pagePortal.companiesTitle'), t('pagePortal.companiesText'), [
  linkButton('/entreprises/inscription', t('pagePortal.companiesRegister')),
  linkButton('/entreprises/connexion', t('pagePortal.companiesLogin'), 'secondary'),
])}
${entrance(
  t('pagePortal.candidatesTitle'),
  t('pagePortal.candidatesText'),
  [
    linkButton('/connexion', t('pagePortal.candidatesLogin')),
    linkButton('/compte/creation', t('pagePortal.candidatesCreate'), 'secondary'),
    linkButton('/offre-de-formation', t('pagePortal.candidatesProgrammes'), 'secondary'),
    linkButton('/assistance', t('pagePortal.candidatesAssistance'), 'secondary'),
  ],
  'ecandidat',
)}
${entrance(t('pagePortal.staffTitle'), t('pagePortal.staffText'), [linkButton('/ent/connexion', t('pagePortal.staffLogin'))], 'personnels')}
</ul>`,
  };
}

export function accessibilityPage(ctx: PageContext, assistanceEmail: string): PageContent {
  const { t } = ctx;
  return {
    title: t('pagePortal.accessibilityTitle'),
    body: html`<p>${t('pagePortal.accessibilityStatus')}</p><p>${t('pagePortal.accessibilityFeatures')}</p><p>${t('pagePortal.accessibilityContact', { email: assistanceEmail })}</p>`,
  };
}
