// A big board in Chromium: lanes off screen are not drawn until they come near the screen
// (web/src/components/board/lazy-lanes.ts), yet search, the keyboard, the "Move to…" menu, live
// updates, Tab and printing still reach every card. A real board of 2,000 cards in 200 measures, made
// by the local benchmarking route, in a year before 2567 so other tests still open on 2567.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { cardOnScreen, cardsIn, columnId, expectCardInColumn, moveWithMenu, pickUp, serverBoard, type BoardData } from './board-helpers';

const base = inject('baseUrl');
const browser = browserForFile();
const BE_YEAR = 2561;
const CARDS = 2000;

async function adminPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, base, 'admin@demo.local');
  return page;
}

async function openBoard(page: Page): Promise<void> {
  await page.goto(`${base}/board/${BE_YEAR}`);
  await page.getByTestId('card').first().waitFor();
  // A board kept from an earlier test is drawn first (issue 16); wait for the server's answer to
  // confirm or replace it before acting on it.
  await page.locator('[data-testid=board]:not([data-refreshing])').waitFor();
}

/** The last lane: the measure with the highest number (lanes are in measure order). */
function lastLane(board: BoardData): string {
  return [...board.measures].sort((a, b) => b.number - a.number)[0]!.id;
}

/** Scrolls to the end of the board and waits until the last lane's cards are drawn. */
async function scrollToLastLane(page: Page, lane: string): Promise<void> {
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.locator(`[data-testid=cell][data-lane-key="${lane}"] [data-testid=card]`).first().waitFor({ timeout: 5000 });
}

/** Whether the card is inside the window (scrolled into view). */
function inView(page: Page, cardId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const box = document.querySelector(`[data-card-id="${id}"]`)?.getBoundingClientRect();
    return !!box && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  }, cardId);
}

const cardsInPage = (page: Page) => page.getByTestId('card').count();

beforeAll(async () => {
  const page = await adminPage();
  const created = await page.evaluate(
    async ({ year, cards }) =>
      (await fetch('/api/dev/bench/boards', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ beYear: year, cards }) })).status,
    { year: BE_YEAR, cards: CARDS },
  );
  expect([201, 409]).toContain(created);
  await page.close();
});

describe('a 2,000-card board', () => {
  it('paints its first screen within 800 ms of the data arriving, drawing only the lanes near the screen', async () => {
    const page = await adminPage();
    // Times in the page: when the board's answer arrives, when the first card is in the page,
    // and the frame after that (painted).
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, number>;
      const original = window.fetch;
      window.fetch = async (...args) => {
        const res = await original(...args);
        if (/\/api\/boards\/\d+$/.test(String(args[0])) && !w.boardAt) w.boardAt = performance.now();
        return res;
      };
      new MutationObserver(() => {
        if (!w.firstAt && document.querySelector('[data-testid=card]')) {
          w.firstAt = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => (w.paintedAt = performance.now())));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    // Best of three loads: the machine running the tests may be busy with other work.
    const painted: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/board/${BE_YEAR}`);
      await page.waitForFunction(() => (window as unknown as Record<string, number>).paintedAt, undefined, { timeout: 30_000 });
      painted.push(await page.evaluate(() => {
        const w = window as unknown as Record<string, number>;
        return w.paintedAt! - w.boardAt!;
      }));
    }
    console.log(`2,000-card board: first screen painted ${painted.map((ms) => ms.toFixed(0)).join('/')} ms after its data`);
    expect(Math.min(...painted)).toBeLessThan(800);
    // Lanes far below are placeholders of about their height, not cards.
    const drawn = await cardsInPage(page);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(CARDS / 4);
    expect(await page.locator('.cell.is-placeholder').count()).toBeGreaterThan(0);
    // Scrolled to, the last lane is drawn.
    const board = await serverBoard(page, BE_YEAR);
    await scrollToLastLane(page, lastLane(board));
    await page.close();
  });

  it('search finds a card of the last lane', async () => {
    const page = await adminPage();
    await openBoard(page);
    const board = await serverBoard(page, BE_YEAR);
    const target = board.cards.find((c) => c.title.startsWith(`${CARDS}. `))!;
    expect(target.measureId).toBe(lastLane(board));
    expect(await cardOnScreen(page, target.id).count()).toBe(0);
    await page.getByTestId('filter-search').fill(`${CARDS}. `);
    await expect.poll(() => cardsInPage(page)).toBe(1);
    await cardOnScreen(page, target.id).waitFor();
    expect(await inView(page, target.id)).toBe(true);
    await page.close();
  });

  it('its list of measures holds "all" until the filter is used, then every measure; picking the last lane\'s measure shows its cards', async () => {
    const page = await adminPage();
    // The options the list holds in the frame the first card is drawn in.
    await page.addInitScript(() => {
      const w = window as unknown as { optionsAtFirstCard?: number };
      const tick = () => {
        if (document.querySelector('[data-testid=card]')) w.optionsAtFirstCard = document.querySelectorAll('#filter-measure option').length;
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await openBoard(page);
    const board = await serverBoard(page, BE_YEAR);
    const select = page.getByTestId('filter-measure');
    expect(board.measures.length).toBeGreaterThan(50);
    expect(await page.evaluate(() => (window as unknown as { optionsAtFirstCard?: number }).optionsAtFirstCard)).toBe(1);
    await select.focus();
    await expect.poll(() => select.locator('option').count()).toBe(board.measures.length + 1);
    await select.selectOption(lastLane(board));
    await expect.poll(() => cardsInPage(page)).toBe(board.cards.filter((c) => c.measureId === lastLane(board)).length);
    await page.close();
  });

  it('moves a card of the last lane with the keyboard and with the "Move to…" menu; each stays in view', async () => {
    const page = await adminPage();
    await openBoard(page);
    const board = await serverBoard(page, BE_YEAR);
    const lane = lastLane(board);
    await scrollToLastLane(page, lane);
    // The keyboard: Space picks the card up, ArrowRight, Space drops it in the next column.
    const [first, second] = [...cardsIn(board, 'not_started', lane), ...cardsIn(board, 'in_progress', lane)];
    await pickUp(page, first!.id);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const next = board.columns.find((c) => c.position === board.columns.find((x) => x.id === first!.columnId)!.position + 1)!;
    await expectCardInColumn(page, first!.id, next.key);
    await expect.poll(async () => (await serverBoard(page, BE_YEAR)).cards.find((c) => c.id === first!.id)?.columnId).toBe(next.id);
    expect(await inView(page, first!.id)).toBe(true);
    // The board settles: the moved card's own answer is in (the server's board can be read before it is).
    await expect.poll(() => cardOnScreen(page, first!.id).getAttribute('aria-busy')).toBeNull();
    // The menu.
    await moveWithMenu(page, cardOnScreen(page, second!.id), 'done');
    await expectCardInColumn(page, second!.id, 'done');
    await expect.poll(async () => (await serverBoard(page, BE_YEAR)).cards.find((c) => c.id === second!.id)?.columnId).toBe(columnId(board, 'done'));
    await expect.poll(() => inView(page, second!.id)).toBe(true);
    await page.close();
  });

  it("another user's move of a card in a lane off screen is there when the lane is scrolled to", async () => {
    const watcher = await adminPage();
    await openBoard(watcher);
    await watcher.locator('[data-testid=live-status][data-state=open]').waitFor({ timeout: 10_000 });
    const board = await serverBoard(watcher, BE_YEAR);
    const lane = lastLane(board);
    const card = board.cards.find((c) => c.measureId === lane && c.columnId !== columnId(board, 'awaiting_report'))!;
    expect(await cardOnScreen(watcher, card.id).count()).toBe(0);
    // The other user, in a browser of their own.
    const context = await browser.newContext();
    const mover = await context.newPage();
    await signIn(mover, base, 'admin@demo.local');
    const status = await mover.evaluate(
      async ({ id, to, version }) =>
        (await fetch(`/api/cards/${id}/move`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ toColumnId: to, afterCardId: null, beforeCardId: null, version }) })).status,
      { id: card.id, to: columnId(board, 'awaiting_report'), version: card.version },
    );
    expect(status).toBe(200);
    await scrollToLastLane(watcher, lane);
    await expectCardInColumn(watcher, card.id, 'awaiting_report');
    await context.close();
    await watcher.close();
  });

  it('Tab walks on down a column into lanes that were not drawn when the board opened', async () => {
    const page = await adminPage();
    await openBoard(page);
    const column = page.locator('[data-testid=column]').first();
    const drawnAtOpen = new Set(await column.locator('[data-testid=cell]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-lane-key'))));
    await column.locator('[data-testid=card] [data-testid=drag-handle]').first().focus();
    // Where focus is: the lane of its cell, in the first column or not.
    const focused = () =>
      page.evaluate(() => {
        const cell = document.activeElement?.closest('[data-testid=cell]');
        const first = document.querySelector('[data-testid=column]');
        return { lane: cell?.getAttribute('data-lane-key') ?? null, firstColumn: !!cell && !!first?.contains(cell) };
      });
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const at = await focused();
      expect(at.firstColumn).toBe(true);
      reached = at.lane !== null && !drawnAtOpen.has(at.lane);
    }
    expect(reached).toBe(true);
    await page.close();
  });

  it('printing draws every lane', async () => {
    const page = await adminPage();
    await openBoard(page);
    expect(await cardsInPage(page)).toBeLessThan(CARDS);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => cardsInPage(page)).toBe(CARDS);
    await page.close();
  });
});
