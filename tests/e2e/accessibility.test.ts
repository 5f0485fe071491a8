// Accessibility, checked by axe-core (the engine behind most accessibility checkers) in Chromium
// on every page of the app as its users see it: WCAG 2.2 A and AA rules, in Thai and in English.
// A violation fails the test with the rule, its help text and where it was found. The report
// archive with reports in it, and a report, are checked in reports.test.ts (which makes them).
import { describe, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { browserForFile, signIn } from './browser';

const base = inject('baseUrl');
const browser = browserForFile();

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  return (await browser.newContext({ viewport })).newPage();
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('the sign-in page', async () => {
    const page = await newPage();
    await page.goto(base);
    await page.getByTestId('sign-in-form').waitFor();
    await expectAccessible(page, 'sign-in');
  });

  it("a director's board, its move menu and a card's details, in Thai and in English", async () => {
    const page = await newPage();
    await signIn(page, base, 'director.admin@demo.local');
    await page.getByTestId('card').first().waitFor();
    await expectAccessible(page, 'board (th)');
    await page.locator('[data-testid=card] [data-testid=move-button]').first().click();
    await page.locator('[data-testid=move-menu]:popover-open').waitFor();
    await expectAccessible(page, 'move menu');
    await page.keyboard.press('Escape');
    await page.getByTestId('card-open').first().click();
    await page.locator('dialog[open]').waitFor();
    await expectAccessible(page, 'card details');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('card').first().waitFor();
    await expectAccessible(page, 'board (en)');
  });

  it('the board on a phone', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, base, 'director.personnel@demo.local');
    await page.getByTestId('card').first().waitFor();
    await expectAccessible(page, 'board (phone)');
  });

  it("an executive's dashboard", async () => {
    const page = await newPage();
    await signIn(page, base, 'executive@demo.local');
    await page.getByTestId('trend-chart').waitFor();
    await page.getByTestId('measure-progress').waitFor();
    await expectAccessible(page, 'dashboard');
  });

  it('the reports, OIT and administration pages', async () => {
    const page = await newPage();
    await signIn(page, base, 'admin@demo.local');
    for (const section of ['reports', 'oit', 'admin']) {
      await page.getByTestId(`nav-${section}`).click();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, section);
    }
  });
});
