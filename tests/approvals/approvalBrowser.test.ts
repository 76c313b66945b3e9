import type { Browser } from 'playwright-core';

// Page functions run in the browser; tsconfig has no DOM lib, so name the one global they use.
declare const document: { documentElement: { scrollWidth: number }; activeElement: { textContent: string | null } | null };

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, decisionLinkIn, submitRequest, type TestStaff } from '../support/approvals.js';
import { launchChromium } from '../support/browser.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let browser: Browser;
let requester: TestStaff;
beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(), launchChromium()]);
  requester = await createStaff(world, [], 'Camille Agent');
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('the decision page in a real browser', () => {
  it('when the supérieur opens the mailed link on a phone and decides with the keyboard, then the confirmation names the decision', async () => {
    const boss = `superieur.${Date.now()}@entreprise.example`;
    const { workflowId } = await submitRequest(world, requester.auth, {
      title: 'Pré-inscription de Camille Agent à « Excel avancé »',
      details: { Action: 'Excel avancé', Session: 'du 12 au 14 mars 2026' },
      steps: [
        {
          step: 'superieur',
          approvers: [{ email: boss }],
          outcomes: ['approve', 'refuse'],
          plan: { deadline: 'PT10M', onDeadline: 'expire' },
        },
      ],
    });
    const link = decisionLinkIn(await world.mailbox.waitFor(boss));

    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'fr-FR' });
    await page.goto(link);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Décision attendue');
    expect(await page.textContent('main')).toContain('Camille Agent demande votre décision');
    expect(await page.textContent('main')).toContain('du 12 au 14 mars 2026');
    // Readable on a phone: nothing wider than the screen, touch-sized buttons.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const approve = page.getByRole('button', { name: 'Approuver' });
    const box = await approve.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await world.db('approval_requests').where({ workflow_id: workflowId, status: 'pending' })).toHaveLength(1);

    // Keyboard only: focus the comment field by its label, type, tab to the buttons, press Enter.
    await page.getByLabel('Commentaire (facultatif)').focus();
    await page.keyboard.type('Accord, bonne formation');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Approuver');
    await Promise.all([page.waitForURL(link), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Décision enregistrée');
    const confirmation = await page.textContent('main');
    expect(confirmation).toContain('Votre décision a été enregistrée');
    expect(confirmation).toMatch(new RegExp(`approuvée par ${boss.replace(/\./g, '\\.')} le \\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d`));
    expect(confirmation).toContain('Commentaire : Accord, bonne formation');

    // Reopening the link later shows the outcome, not a form.
    await page.goto(link);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Demande déjà traitée');
    // Nothing left to decide (the header keeps its language and logout buttons).
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    await page.close();
    expect((await world.temporal.workflow.getHandle(workflowId).result()).outcome).toBe('approve');
  });

  it('when a refusal is submitted without a reason, then the page says so beside the field and keeps the form', async () => {
    const boss = `superieur.${Date.now()}.2@entreprise.example`;
    await submitRequest(world, requester.auth, {
      steps: [{ step: 'superieur', approvers: [{ email: boss }], plan: { deadline: 'PT10M', onDeadline: 'expire' } }],
    });
    const link = decisionLinkIn(await world.mailbox.waitFor(boss));
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'fr-FR' });
    await page.goto(link);
    await page.getByRole('button', { name: 'Refuser' }).click();
    await page.waitForLoadState('load');
    // The page kit: a summary of the errors at the top, and the message beside the field.
    expect(await page.getByRole('alert').textContent()).toContain('Le motif du refus est obligatoire.');
    expect(await page.locator('.field-error').textContent()).toContain('Le motif du refus est obligatoire');
    await page.getByLabel('Motif (obligatoire en cas de refus)').fill('Période de forte activité');
    await page.getByRole('button', { name: 'Refuser' }).click();
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain('Motif : Période de forte activité');
    await page.close();
  });
});
