import type { EntAccount } from '../../db/entAccounts.js';
import { t } from '../../lib/i18n/index.js';
import { escapeHtml, page, paragraph } from '../pages/legacyLayout.js';

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
const profileLabel = { student: 'Étudiant', staff: 'Personnel' } as const;

export function logoutButton(csrf: string): string {
  return `<form method="post" action="/ent/deconnexion">${hidden('csrf', csrf)}<button type="submit">Se déconnecter</button></form>`;
}

export function entHomePage(account: EntAccount, csrf: string, charterAcceptedAt: Date | null): string {
  const rows: [string, string][] = [
    ['Nom', account.last_name],
    ['Prénom', account.first_name],
    ['Profil', profileLabel[account.profile]],
    ['Adresse mail', account.email ?? '—'],
    ...(account.student_number ? [['Numéro étudiant', account.student_number] as [string, string]] : []),
    ...(charterAcceptedAt
      ? [['Charte acceptée le', charterAcceptedAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })] as [string, string]]
      : []),
  ];
  const details = `<dl>${rows.map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
  return page('Mon espace ENT', `${paragraph('Vous êtes connecté avec votre compte ENT.', 'ok')}${details}${logoutButton(csrf)}`);
}

/** Step 1 of the seed: read the charter and tick « J'ai lu et j'accepte… ». */
export function charterPage(p: { version: string; csrf: string; error?: string }): string {
  return page(
    'Charte d’utilisation de la plateforme',
    `${p.error ? paragraph(p.error, 'error') : ''}
<p>Avant votre première utilisation, et à chaque nouvelle version, les personnels acceptent la charte d’utilisation de la plateforme (version ${escapeHtml(p.version)}).</p>
<p class="muted">Les données des démarches sont confidentielles : elles ne servent qu’au traitement des demandes, et chaque décision est enregistrée à votre nom.</p>
<form method="post" action="/ent/charte">${hidden('csrf', p.csrf)}${hidden('version', p.version)}
<label style="font-weight:400"><input type="checkbox" name="accept" value="on" required style="width:auto;margin-right:.5rem">${escapeHtml(t('ent.charterCheckbox', 'fr'))}</label>
<button type="submit">Valider</button>
</form>`,
  );
}

/** Step 2 of the seed: « Vous êtes sur le point d'accepter la charte » → OK (a page, so no script is needed). */
export function charterConfirmPage(p: { version: string; csrf: string }): string {
  return page(
    'Confirmation',
    `<div role="alertdialog" aria-labelledby="confirm-text"><p id="confirm-text">${escapeHtml(t('ent.charterConfirm', 'fr'))}</p>
<form method="post" action="/ent/charte">${hidden('csrf', p.csrf)}${hidden('version', p.version)}${hidden('accept', 'on')}${hidden('confirm', 'ok')}
<button type="submit">OK</button> <a href="/ent/charte">Annuler</a>
</form></div>`,
  );
}

export function entMessagePage(title: string, text: string, kind: 'ok' | 'error', extra = ''): string {
  return page(title, `${paragraph(text, kind)}${extra}<p><a href="/">Accueil</a></p>`);
}

export const retryLink = '<p><a href="/ent/connexion">Recommencer la connexion ENT</a></p>';
