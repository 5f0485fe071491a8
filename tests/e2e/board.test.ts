// The board in a real browser against the real app: signing in, reading the seven measures in
// Thai, moving an own-group card, and what an executive and another group's director cannot do.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, signIn } from './browser';
import { moveWithMenu, serverBoard } from './board-helpers';
import { DEMO_PASSWORD } from '../../worker/seed/demo-password';

const base = inject('baseUrl');
const browser = browserForFile();

describe('the FY2567 board in Chromium', () => {
  it('opens the board and shows the seven measures and 21 steps in Thai, dates in Buddhist Era', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'staff@demo.local');
    await page.getByTestId('board').waitFor();
    await expect.poll(() => page.url()).toContain('/board/2567');
    const lanes = page.getByTestId('lane');
    await expect.poll(() => lanes.count()).toBe(7);
    const laneText = await lanes.allInnerTexts();
    expect(laneText[0]).toMatch(/มาตรการที่ 1/);
    expect(laneText.join('\n')).toContain('การป้องกันการรับสินบน');
    expect(await page.getByTestId('card').count()).toBe(21);
    expect(await page.locator('[data-testid=column]').first().innerText()).toContain('ยังไม่เริ่ม');
    const firstDue = await page.getByTestId('card-due').first().innerText();
    expect(firstDue).toMatch(/25\d\d/);
    // Staff read only: no move controls anywhere.
    expect(await page.getByTestId('move-button').count()).toBe(0);
    // A Thai font is installed: a combining vowel adds no width to its consonant (as a missing
    // glyph box, it would add a box of its own).
    const widths = await page.evaluate(() => {
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = getComputedStyle(document.body).font;
      return [c.measureText('\u0E01').width, c.measureText('\u0E01\u0E34').width];
    });
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[1]).toBeCloseTo(widths[0]!, 1);
    await page.close();
  });

  it('a board address asks for the board and the fiscal years as the page starts, beside the session, once each', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'staff@demo.local');
    await page.goto(`${base}/board/2567`);
    await expect.poll(() => page.getByTestId('card').count()).toBe(21);
    // The board kept from the first visit is drawn before the server answers (issue 16): wait
    // until the answer (a 304 here) has confirmed it.
    await page.locator('[data-testid=board]:not([data-refreshing])').waitFor();
    const timings = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
    );
    const boards = timings.filter((e) => e.path === '/api/boards/2567');
    const years = timings.filter((e) => e.path === '/api/fiscal-years');
    const session = timings.find((e) => e.path === '/api/session')!;
    expect(boards).toHaveLength(1);
    expect(years).toHaveLength(1);
    // Neither waits for the session check: both are asked for while it is under way.
    expect(boards[0]!.start).toBeLessThan(session.end);
    expect(years[0]!.start).toBeLessThan(session.end);
    await page.close();
  });

  it('signed out, a board address shows the sign-in form without complaint, then the board', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/board/2567`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor();
    await page.waitForTimeout(200);
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(await page.getByTestId('sign-in-error').innerText()).toBe('');
    await form.locator('input[type=email]').fill('staff@demo.local');
    await form.locator('input[type=password]').fill(DEMO_PASSWORD);
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('card').count()).toBe(21);
    expect(page.url()).toContain('/board/2567');
    await context.close();
  });

  it('a director moves an own-group card through the menu and it stays moved after reload', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'director.personnel@demo.local');
    const editable = page.locator('[data-testid=card]:has([data-testid=move-button])');
    await expect.poll(() => editable.count()).toBe(4);
    const card = editable.first();
    const cardId = await card.getAttribute('data-card-id');
    await moveWithMenu(page, card, 'in_progress');
    const moved = page.locator(`[data-testid=column][data-column-key=in_progress] [data-card-id="${cardId}"]`);
    await moved.waitFor();
    await expect.poll(() => page.getByTestId('live-region').innerText()).toMatch(/กำลังดำเนินการ/);
    await page.reload();
    await page.locator(`[data-testid=column][data-column-key=in_progress] [data-card-id="${cardId}"]`).waitFor();
    await page.close();
  });

  it("an executive sees the whole board with no way to move anything", async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'executive@demo.local');
    // Executives land on the dashboard; the board is one click away.
    expect(page.url()).toContain('/dashboard');
    await page.getByTestId('nav-board').click();
    await expect.poll(() => page.getByTestId('card').count()).toBe(21);
    expect(await page.getByTestId('move-button').count()).toBe(0);
    expect(await page.locator('[data-testid=board] select, [data-testid=card] button').count()).toBe(0);
    await page.close();
  });

  it("a director cannot move another group's card, even by calling the API directly", async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'director.personnel@demo.local');
    const board = await serverBoard(page);
    const measure1 = board.measures.find((m) => m.number === 1)!;
    const card = board.cards.find((c) => c.measureId === measure1.id)!;
    const answer = await page.evaluate(async ({ id, move }) => {
      const r = await fetch(`/api/cards/${id}/move`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(move) });
      return { status: r.status, body: await r.json() };
    }, { id: card.id, move: { toColumnId: board.columns[3]!.id, afterCardId: null, beforeCardId: null, version: card.version } });
    const after = await serverBoard(page);
    const result = { ...answer, editable: card.editable, columnAfter: after.cards.find((c) => c.id === card.id)!.columnId, columnBefore: card.columnId };
    expect(result.editable).toBe(false);
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('forbidden');
    expect(result.columnAfter).toBe(result.columnBefore);
    await page.close();
  });
});
