import type { EntAccount } from '../../db/entAccounts.js';
import { dateTime } from '../../lib/i18n/index.js';
import { detailsList, linkButton, notice, postButton } from '../pages/components.js';
import { errorSummary, hidden } from '../pages/forms.js';
import { type Html, type HtmlValue, html } from '../pages/html.js';
import type { PageContext } from '../pages/kit.js';
import type { PageContent } from '../pages/layout.js';
import { navigation } from '../pages/navigation.js';

export const retryLink = (ctx: PageContext): Html => html`<p><a href="/ent/connexion">${ctx.t('pageEnt.retry')}</a></p>`;

/**
 * Where students and staff land after the ENT: who they are, and their entrances (each journey
 * adds its own to the menu, `api/pages/navigation.ts`, for the `student` or `staff_ent` kind).
 */
export function entHomePage(ctx: PageContext, account: EntAccount, charterAcceptedAt: Date | null): PageContent {
  const { t } = ctx;
  const kind = account.profile === 'staff' ? 'staff_ent' : 'student';
  const entrances = [
    ...navigation.filter((entry) => entry.for?.includes(kind)).map((entry) => ({ href: entry.href, label: t(entry.label) })),
    { href: '/offre-de-formation', label: t('pageEnt.entranceProgrammes') },
    { href: '/assistance', label: t('pageEnt.entranceAssistance') },
  ];
  return {
    title: t('pageEnt.homeTitle'),
    body: html`${notice('success', t('pageEnt.connected'))}
${detailsList([
  [t('pageEnt.lastName'), account.last_name],
  [t('pageEnt.firstName'), account.first_name],
  [t('pageEnt.profile'), account.profile === 'staff' ? t('pageEnt.staff') : t('pageEnt.student')],
  [t('pageEnt.email'), account.email ?? ''],
  ...(account.student_number ? [[t('pageEnt.studentNumber'), account.student_number] as const] : []),
  ...(charterAcceptedAt
    ? [[t('pageEnt.charterAcceptedOn'), dateTime(charterAcceptedAt.getTime(), ctx.lang).replace(/^(le|on) /, '')] as const]
    : []),
])}
<h2>${t('pageEnt.entrances')}</h2>
<ul>${entrances.map((e) => html`<li><a href="${e.href}">${e.label}</a></li>`)}</ul>
<p>${postButton({ action: '/ent/deconnexion', csrf: ctx.csrf, label: t('pageEnt.logout'), variant: 'secondary' })}</p>`,
  };
}

/** Step 1 of the seed: read the charter and tick « J'ai lu et j'accepte… ». */
export function charterPage(ctx: PageContext, p: { version: string; error?: string }): PageContent {
  const { t } = ctx;
  const errors: Record<string, string> = p.error ? { accept: p.error } : {};
  const state = { lang: ctx.lang, values: {}, errors };
  return {
    title: t('pageEnt.charterTitle'),
    hasErrors: !!p.error,
    body: html`${errorSummary(state)}
<p>${t('pageEnt.charterIntro', { version: p.version })}</p>
<p class="muted">${t('pageEnt.charterBody')}</p>
<form method="post" action="/ent/charte" novalidate>${hidden('csrf', ctx.csrf)}${hidden('version', p.version)}
<div class="field${p.error ? ' field-error' : ''}">${p.error ? html`<span class="error-message" id="f-accept-error">${p.error}</span>` : ''}<div class="choice"><input type="checkbox" id="f-accept" name="accept" value="on" required${p.error ? html` aria-invalid="true" aria-describedby="f-accept-error"` : ''}><label for="f-accept">${t('ent.charterCheckbox')}</label></div></div>
<div class="actions"><button type="submit">${t('pageEnt.validate')}</button></div>
</form>`,
  };
}

/** Step 2 of the seed: « Vous êtes sur le point d'accepter la charte » → OK (a page, so no script is needed). */
export function charterConfirmPage(ctx: PageContext, p: { version: string }): PageContent {
  const { t } = ctx;
  return {
    title: t('pageEnt.confirmTitle'),
    body: html`<div role="alertdialog" aria-labelledby="confirm-text"><p id="confirm-text">${t('ent.charterConfirm')}</p>
<form method="post" action="/ent/charte">${hidden('csrf', ctx.csrf)}${hidden('version', p.version)}${hidden('accept', 'on')}${hidden('confirm', 'ok')}
<div class="actions"><button type="submit">OK</button>${linkButton('/ent/charte', t('pageEnt.cancel'), 'secondary')}</div>
</form></div>`,
  };
}

export function entMessagePage(
  _ctx: PageContext,
  status: number,
  title: string,
  message: string,
  extra: HtmlValue = '',
): PageContent & { status: number } {
  return { status, title, body: html`${notice(status >= 400 ? 'error' : 'success', message, { live: true })}${extra}` };
}
