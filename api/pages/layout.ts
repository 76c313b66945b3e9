import type { Config } from '../../lib/config.js';
import { type Lang, type MessageKey, type ParamsOf, render, t } from '../../lib/i18n/index.js';
import { notice } from './components.js';
import type { Flash } from './flash.js';
import { attr, type Html, type HtmlValue, html } from './html.js';
import { logoutPathOf, navigation } from './navigation.js';
import type { PageUser } from './session.js';

export interface PageFrame {
  lang: Lang;
  portal: Config['portal'];
  stylesheetPath: string;
  csrf: string;
  /** The current path and query: the language switch comes back here, the menu marks it. */
  path: string;
  user?: PageUser;
  flash?: Flash;
}

export interface PageContent {
  title: string;
  body: HtmlValue;
  /** The page shows a form in error: the title says so first (« Erreur : … »). */
  hasErrors?: boolean;
  /** Wider than the reading column (tables, lists of cards). */
  wide?: boolean;
}

/**
 * The document every page shares: `lang`, viewport, the stylesheet (no inline style or script),
 * a skip link, the header (the institution's name and logo, the menu, the language switch and,
 * once logged in, who and « Déconnexion »), one `main` with the page's `h1`, the footer.
 */
export function renderDocument(frame: PageFrame, content: PageContent): string {
  const say = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => t(key, frame.lang, ...params);
  const { portal } = frame;
  const title = content.hasErrors ? say('page.titleError', { title: content.title }) : content.title;
  const other: Lang = frame.lang === 'fr' ? 'en' : 'fr';
  const currentPath = frame.path.split('?')[0];
  const menu = navigation.filter((entry) => !entry.for || entry.for.includes(frame.user ? frame.user.kind : 'visitor'));

  const page = html`<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} — ${portal.institutionName}</title>
<link rel="stylesheet" href="${frame.stylesheetPath}">
</head>
<body>
<a class="skip-link" href="#content">${say('page.skipToContent')}</a>
<header class="site">
<div class="container">
<div class="site-top">
<a class="brand" href="/" aria-label="${say('page.homeLink', { institution: portal.institutionName })}">${portal.logoUrl ? html`<img src="${portal.logoUrl}" alt="">` : ''}<span>${portal.institutionName}</span></a>
<div class="site-tools">
<form method="get" action="/langue"><input type="hidden" name="lang" value="${other}"><button type="submit" class="button-secondary" lang="${other}" aria-label="${t('page.switchToLabel', frame.lang)}">${say('page.switchTo')}</button></form>
${
  frame.user
    ? html`<span class="who">${say('page.loggedInAs', { name: frame.user.name })}</span>
<form method="post" action="${logoutPathOf(frame.user.kind)}"><input type="hidden" name="csrf" value="${frame.csrf}"><button type="submit">${say('page.logout')}</button></form>`
    : ''
}
</div>
</div>
<nav class="main" aria-label="${say('page.mainNavigation')}"><ul>
${menu.map((entry) => html`<li><a href="${entry.href}"${attr('aria-current', entry.href === currentPath ? 'page' : undefined)}>${say(entry.label)}</a></li>`)}
${frame.user ? html`<li><a href="${frame.user.homePath}"${attr('aria-current', frame.user.homePath === currentPath ? 'page' : undefined)}>${say('page.navMySpace')}</a></li>` : html`<li><a href="/connexion"${attr('aria-current', currentPath === '/connexion' ? 'page' : undefined)}>${say('page.navLogin')}</a></li>`}
</ul></nav>
</div>
</header>
<main id="content" tabindex="-1">
<div class="container${content.wide ? '' : ' narrow'}">
${frame.flash ? notice(frame.flash.kind === 'error' ? 'error' : frame.flash.kind, render(frame.flash.text, frame.lang) ?? '', { live: true }) : ''}
<h1>${content.title}</h1>
${content.body}
</div>
</main>
<footer class="site">
<div class="container">
<ul aria-label="${say('page.footer')}">
<li>${portal.institutionUrl ? html`<a href="${portal.institutionUrl}">${portal.institutionName}</a>` : portal.institutionName}</li>
<li><a href="/assistance">${say('page.navAssistance')}</a></li>
<li><a href="mailto:${portal.assistanceEmail}">${say('page.footerContact')} : ${portal.assistanceEmail}</a></li>
<li><a href="/accessibilite">${say('page.footerAccessibility')}</a></li>
<li><a href="/docs">${say('page.footerApi')}</a></li>
</ul>
</div>
</footer>
</body>
</html>`;
  return page.value;
}

export type { Html };
