import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, trustedHtml } from '../../api/pages/html.js';
import { parseConfig } from '../../lib/config.js';
import { mailLink } from '../../mail/links.js';
import { launchChromium } from '../support/browser.js';
import { Journey } from '../support/journey.js';
import { csrfOfForm } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let browser: Browser;
beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld({ INSTITUTION_NAME: 'Université de Démonstration' }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('the page kit', () => {
  it('when a visitor opens the home page on a phone, then it shows every entrance of seeds 000 and 001 and passes axe', async () => {
    const journey = await Journey.start(browser, 'kit-home');
    await journey.open(`${world.baseUrl}/`);
    const page = journey.page;
    expect(await page.title()).toBe('Bienvenue sur la plateforme de Université de Démonstration — Université de Démonstration');
    for (const heading of [
      'Profils diplômés',
      'Profils étudiants',
      'ENTREPRISES/PARTENAIRES',
      'Candidater à une formation (eCandidat)',
      'Connexion personnels',
    ])
      expect(await page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
    // « Connexion personnels » is at the bottom of the page, as the seed says.
    expect(await page.locator('main h2').last().textContent()).toBe('Connexion personnels');
    const companies = page.locator('li', { has: page.getByRole('heading', { name: 'ENTREPRISES/PARTENAIRES' }) });
    expect(await companies.getByRole('link').allTextContents()).toEqual(['Inscription', 'Connexion']);
    const ecandidat = page.locator('#ecandidat');
    expect(await ecandidat.getByRole('link').allTextContents()).toEqual([
      'Connexion',
      'Créer un compte',
      'Offre de formation',
      'Assistance',
    ]);
    await journey.shot('home');
    await journey.end();
  });

  it('when a visitor switches to English with the keyboard, then the pages are in English until they switch back', async () => {
    const journey = await Journey.start(browser, 'kit-language');
    await journey.open(`${world.baseUrl}/accessibilite`);
    await journey.tabTo('Read this site in English');
    await journey.press('Enter');
    const page = journey.page;
    expect(page.url()).toBe(`${world.baseUrl}/accessibilite`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('status').textContent()).toContain('The site is now in English.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Accessibility');
    await journey.click('Home', 'link');
    expect(await page.getByRole('heading', { level: 2, name: 'Graduates' }).count()).toBe(1);
    await journey.shot('home-english');
    await journey.click('Lire ce site en français');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await journey.end();
  });

  it('when a form is posted without the page’s token or from another site, then it is refused and changes nothing', async () => {
    const form = await fetch(`${world.baseUrl}/compte/creation`);
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const token = csrfOfForm(await form.text(), '/compte/creation')!;
    const email = `kit.${Date.now()}@example.org`;
    const fields = { lastName: 'Kit', firstName: 'Page', email, emailConfirmation: email, password: 'Jardin-bleu-cheval-2026' };
    const post = (headers: Record<string, string>, body: Record<string, string>) =>
      fetch(`${world.baseUrl}/compte/creation`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body).toString(),
      });
    const noToken = await post({ origin: world.baseUrl, cookie }, fields);
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('Ce formulaire a expiré ou ne provient pas de ce site');
    expect((await post({ origin: 'https://evil.example', cookie }, { ...fields, csrf: token })).status).toBe(403);
    expect((await post({ origin: world.baseUrl, 'sec-fetch-site': 'cross-site' }, { ...fields, csrf: token })).status).toBe(403);
    // The token of another browser (its cookie is missing) is refused too.
    expect((await post({ origin: world.baseUrl }, { ...fields, csrf: token })).status).toBe(403);
    expect(await world.db('candidate_accounts').where({ email }).first()).toBeUndefined();

    const ours = await post({ origin: world.baseUrl, cookie }, { ...fields, csrf: token });
    expect(ours.status).toBe(303);
    expect(ours.headers.get('location')).toBe('/connexion');
    expect(await world.db('candidate_accounts').where({ email }).first()).toBeDefined();
  });

  it('when the language switch is opened from another site, then nothing changes; from our pages, it goes back where it was', async () => {
    const switchTo = (headers: Record<string, string>, retour: string) =>
      fetch(`${world.baseUrl}/langue?lang=en&retour=${encodeURIComponent(retour)}`, { redirect: 'manual', headers });
    const foreign = await switchTo({ 'sec-fetch-site': 'cross-site' }, '/assistance');
    expect(foreign.status).toBe(303);
    expect(foreign.headers.getSetCookie().some((c) => c.startsWith('lang='))).toBe(false);
    const ours = await switchTo({ 'sec-fetch-site': 'same-origin' }, '//evil.example/x');
    expect(ours.headers.get('location')).toBe('/');
    expect(ours.headers.getSetCookie().some((c) => c.startsWith('lang=en'))).toBe(true);
  });

  it('when a page is served, then it has no inline style or script and its stylesheet is a long-cached static file', async () => {
    const page = await (await fetch(`${world.baseUrl}/`)).text();
    expect(page).not.toMatch(/<script|<style|\sstyle=/i);
    const href = /<link rel="stylesheet" href="(\/assets\/portal-[0-9a-f]{12}\.css)">/.exec(page)![1]!;
    const css = await fetch(`${world.baseUrl}${href}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain('--primary:#1d4f91');
  });
});

describe('page kit units', () => {
  it('when data is interpolated in html``, then it is escaped; only Html passes through', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p>${name}</p>${[html`<b>${'a&b'}</b>`, null, false]}${trustedHtml('<hr>')}`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><b>a&amp;b</b><hr>',
    );
  });

  const valid = {
    PUBLIC_BASE_URL: 'https://candidatures.example.org/',
    DATABASE_URL: 'postgres://u:p@h/db',
    SMTP_URL: 'smtp://mail:25',
    APP_SECRET: 'x'.repeat(32),
    PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  };

  it('when the theme colour does not contrast with white, then the configuration is refused with the ratio', () => {
    expect(() => parseConfig({ ...valid, THEME_PRIMARY_COLOR: '#f0b400' })).toThrow(
      /THEME_PRIMARY_COLOR: contrast with white is 1\.\d\d:1/,
    );
    expect(parseConfig({ ...valid, THEME_PRIMARY_COLOR: '#6A1B9A' }).portal.primaryColor).toBe('#6a1b9a');
  });

  it('when mail links are configured, then mails carry the institution’s URL; unknown names and missing placeholders are refused', () => {
    const defaults = parseConfig(valid);
    expect(mailLink(defaults, 'DECISION', { token: 'a b' })).toBe('https://candidatures.example.org/decisions/a%20b');
    expect(mailLink(defaults, 'GRADUATE_LOGIN')).toBe('https://candidatures.example.org/diplomes/connexion');
    const custom = parseConfig({ ...valid, MAIL_LINK_DECISION: 'https://intranet.example.org/decider?jeton={token}' });
    expect(mailLink(custom, 'DECISION', { token: 'abc' })).toBe('https://intranet.example.org/decider?jeton=abc');
    expect(() => parseConfig({ ...valid, MAIL_LINK_DECISION: 'https://intranet.example.org/decider' })).toThrow(
      /MAIL_LINK_DECISION: the template must contain \{token\}/,
    );
    expect(() => parseConfig({ ...valid, MAIL_LINK_NOPE: 'https://x.example' })).toThrow(/MAIL_LINK_NOPE: unknown mail link/);
  });
});
