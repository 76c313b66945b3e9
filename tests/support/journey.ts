import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ReceivedMail } from './mailbox.js';
import type { World } from './world.js';

// Page functions run in the browser; tsconfig has no DOM lib, so name what they use.
declare const document: any;
declare const window: any;

/**
 * A person's journey through the pages in a real Chromium, as the seeds describe it: from the home
 * page to the end, following the mails from the SMTP receiver. Every document the browser loads is
 * checked before the journey goes on:
 *   - axe-core (WCAG 2.1 A/AA rules and best practices): a serious or critical violation fails;
 *   - no horizontal scrolling at the journey's width (375 px by default), one `h1`, a `lang`;
 * and `end()` fails if a loaded page escaped the check. `shot(name)` saves a full-page screenshot
 * under `.vitest-reports/journeys/<journey>/`, beside `report.json` (every page, its violations
 * of any impact, the journey's duration).
 *
 * Navigation goes through the journey (`open`, `click`, `press`, `navigate`), so that each new
 * page is checked; filling fields goes straight to `page`. Keyboard-only journeys use
 * `tabTo` (Tab until the named control has the focus, checking on the way that the focus is
 * visible) and `press('Enter')`.
 */
export interface Visit {
  url: string;
  title: string;
  violations: { id: string; impact: string; nodes: number; help: string }[];
}

const REPORT_ROOT = join('.vitest-reports', 'journeys');
const blocking = new Set(['serious', 'critical']);
/** Tokens of mailed links stay out of the reports. */
const redact = (url: string) => url.replace(/\/(liens|decisions)\/[^/?#]+/, '/$1/…');

export class Journey {
  readonly visits: Visit[] = [];
  readonly problems: string[] = [];
  private loads = 0;
  private checkedLoads = 0;
  private shots = 0;
  private readonly started = Date.now();
  private readonly dir: string;

  private constructor(
    readonly page: Page,
    readonly name: string,
    private readonly width: number,
  ) {
    this.dir = join(REPORT_ROOT, name);
    mkdirSync(this.dir, { recursive: true });
    page.on('load', () => {
      this.loads += 1;
    });
  }

  static async start(browser: Browser, name: string, options: { width?: number; height?: number; locale?: string } = {}) {
    const width = options.width ?? 375;
    // A context of its own (axe needs one; it also gives each journey its own cookies).
    const context = await browser.newContext({ viewport: { width, height: options.height ?? 812 }, locale: options.locale ?? 'fr-FR' });
    return new Journey(await context.newPage(), name, width);
  }

  /** Opens a URL (typed, or taken from a mail) and checks the page. */
  async open(url: string): Promise<void> {
    await this.navigate(() => this.page.goto(url, { waitUntil: 'load' }));
  }

  /** Runs something that loads a new document (a click, Enter on a button), waits for it, checks it. */
  async navigate(action: () => Promise<unknown>): Promise<void> {
    const before = this.loads;
    await action();
    const deadline = Date.now() + 20_000;
    while (this.loads === before) {
      if (Date.now() > deadline) throw new Error(`${this.name}: no new page after the action (still on ${redact(this.page.url())})`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await this.page.waitForLoadState('load');
    await this.check();
  }

  /** Clicks a button or a link by its accessible name (a pointer user). */
  click(name: string | RegExp, role: 'button' | 'link' = 'button'): Promise<void> {
    return this.navigate(() =>
      this.page
        .getByRole(role, { name, exact: typeof name === 'string' })
        .first()
        .click(),
    );
  }

  /** A key that submits or follows the focused control (keyboard-only journeys). */
  press(key = 'Enter'): Promise<void> {
    return this.navigate(() => this.page.keyboard.press(key));
  }

  /**
   * Tab (forwards) until the focused element is the one named, as a keyboard user would, checking
   * on each stop that the focus is visible. `name` is the control's label or text.
   */
  async tabTo(name: string | RegExp, maxTabs = 80): Promise<void> {
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.focused();
      if (!focused.visibleFocus) this.problems.push(`${redact(this.page.url())}: focus not visible on ${focused.describe}`);
      if (typeof name === 'string' ? focused.name === name : name.test(focused.name)) return;
    }
    throw new Error(`${this.name}: « ${String(name)} » never got the focus with Tab on ${redact(this.page.url())}`);
  }

  /** Keyboard only: Tab to the field labelled `label`, then type. */
  async typeInto(label: string | RegExp, text: string): Promise<void> {
    await this.tabTo(label);
    await this.page.keyboard.type(text);
  }

  /** The focused element: its accessible name (label, aria-label or text) and whether its focus shows. */
  async focused(): Promise<{ name: string; describe: string; visibleFocus: boolean }> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { name: '', describe: 'body', visibleFocus: true };
      const labels = el.labels ? [...el.labels].map((l: any) => l.textContent) : [];
      const raw = el.getAttribute('aria-label') || labels.join(' ') || el.textContent || el.value || '';
      const name = raw
        .replace(/\s*\*\s*\((obligatoire|required)\)/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      const style = window.getComputedStyle(el);
      // Between a date field's inner segments Chromium leaves the field as activeElement without
      // :focus for one Tab stop: nothing is focused there, so there is no ring to check.
      const visibleFocus =
        !el.matches(':focus') || (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { name, describe: `${el.tagName.toLowerCase()} « ${name} »`, visibleFocus };
    });
  }

  /** Checks the page the browser shows now (called after every navigation). */
  async check(): Promise<Visit> {
    const page = this.page;
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const url = redact(page.url());
    const visit: Visit = {
      url,
      title: await page.title(),
      violations: results.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.length, help: v.help })),
    };
    this.visits.push(visit);
    this.checkedLoads = this.loads;
    for (const v of results.violations.filter((v) => blocking.has(v.impact ?? '')))
      this.problems.push(`${url}: axe ${v.impact} « ${v.id} » (${v.help}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      h1: document.querySelectorAll('h1').length,
      lang: document.documentElement.getAttribute('lang'),
      // The outermost elements sticking out on the right, named so that the failure says what to fix.
      overflowing: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`),
    }));
    if (layout.scrollWidth > this.width)
      this.problems.push(
        `${url}: ${layout.scrollWidth} px wide at ${this.width} px (horizontal scrolling: ${layout.overflowing.join(', ') || 'no element found'})`,
      );
    if (layout.h1 !== 1) this.problems.push(`${url}: ${layout.h1} h1 elements`);
    if (!layout.lang) this.problems.push(`${url}: no lang attribute`);
    return visit;
  }

  /** A full-page screenshot of the current page, numbered in journey order. */
  async shot(name: string): Promise<string> {
    this.shots += 1;
    const path = join(this.dir, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  /** The text of the page's main content. */
  async main(): Promise<string> {
    return (await this.page.textContent('main')) ?? '';
  }

  /** Ends the journey: every page was checked, none had a serious or critical violation. */
  async end(): Promise<{ durationMs: number; pages: number }> {
    if (this.loads !== this.checkedLoads)
      this.problems.push(`a page loaded after the last check was never checked (${redact(this.page.url())})`);
    const durationMs = Date.now() - this.started;
    writeFileSync(
      join(this.dir, 'report.json'),
      `${JSON.stringify({ journey: this.name, durationMs, pages: this.visits.length, problems: this.problems, visits: this.visits }, null, 2)}\n`,
    );
    await this.page.context().close();
    expect(this.problems).toEqual([]);
    return { durationMs, pages: this.visits.length };
  }
}

/** The first link of a mail that leads to this platform (optionally under `path`). */
export function pageLinkIn(mail: ReceivedMail, world: World, path = ''): string {
  const escaped = `${world.baseUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(${escaped}[^\\s<>"]*)`).exec(mail.text);
  if (!match) throw new Error(`no link to ${world.baseUrl}${path} in mail « ${mail.subject} »:\n${mail.text}`);
  return match[1]!;
}
