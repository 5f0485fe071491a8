// Small helpers for the board's browser tests: reading the board as the server has it (through the
// page, with its session) and finding cards and cells on screen.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../worker/seed/demo-password';
import { boardFromWire, type BoardWire } from '../../worker/domain/board-card';

export interface BoardCard {
  id: string;
  measureId: string;
  stepNumber: number;
  title: string;
  columnId: string;
  orderKey: string;
  leadGroupId: string | null;
  groupIds: string[];
  allGroups: boolean;
  version: number;
  editable: boolean;
  dueOn: string | null;
}

export interface BoardData {
  columns: { id: string; key: string; category: string; labelTh: string; position: number }[];
  measures: { id: string; number: number; title: string; leadGroupId: string | null }[];
  groups: { id: string; nameTh: string }[];
  cards: BoardCard[];
}

/**
 * Sign in and open the board of a year. Unlike browser.ts signIn, it does not rely on which page
 * a role lands on after signing in (executives land on the dashboard).
 */
export async function signInToBoard(page: Page, base: string, email: string, beYear = 2567): Promise<void> {
  await page.goto(base);
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[type=email]').fill(email);
  await form.locator('input[type=password]').fill(DEMO_PASSWORD);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('user').waitFor();
  await page.goto(`${base}/board/${beYear}`);
  await page.getByTestId('board').waitFor();
}

/** The board as the server has it now, read with the page's own session (its cards travel as columns: decoded as the web app does). */
export async function serverBoard(page: Page, beYear = 2567): Promise<BoardData> {
  const wire = await page.evaluate(async (year) => {
    const res = await fetch(`/api/boards/${year}`, { cache: 'no-store' });
    if (!res.ok) throw new Error(`board ${res.status}`);
    return (await res.json()) as BoardWire;
  }, beYear);
  return boardFromWire(wire);
}

/**
 * An evidence link on the card, added through the API with the page's own session: a step moves
 * into a done column only with evidence (worker/domain/done-rule.ts).
 */
export async function addEvidence(page: Page, cardId: string): Promise<void> {
  const status = await page.evaluate(async (id) => {
    const body = JSON.stringify({ url: `https://phichit.example.go.th/ita/evidence/${id}`, note: '', oitCode: null });
    return (await fetch(`/api/cards/${id}/evidence`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status;
  }, cardId);
  if (status !== 201) throw new Error(`evidence on ${cardId}: ${status}`);
}

export function columnId(board: BoardData, key: string): string {
  const column = board.columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column.id;
}

/** The editable cards of a column in one swimlane (measure), in board order. */
export function cardsIn(board: BoardData, columnKey: string, measureId: string): BoardCard[] {
  const col = columnId(board, columnKey);
  return board.cards
    .filter((c) => c.columnId === col && c.measureId === measureId)
    .sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
}

/** A measure whose to-do cell holds at least `n` cards the signed-in user may move. */
export function laneWithEditable(board: BoardData, n: number): string {
  const todo = columnId(board, 'not_started');
  for (const m of [...board.measures].sort((a, b) => b.number - a.number)) {
    const count = board.cards.filter((c) => c.measureId === m.id && c.columnId === todo && c.editable).length;
    if (count >= n) return m.id;
  }
  throw new Error(`no lane with ${n} editable to-do cards`);
}

export function cardOnScreen(page: Page, cardId: string): Locator {
  return page.locator(`[data-testid=card][data-card-id="${cardId}"]`);
}

/** The cell of a column (by key) in a swimlane (by key) on screen. */
export function cellOnScreen(page: Page, columnKey: string, laneKey: string): Locator {
  return page.locator(`[data-testid=column][data-column-key=${columnKey}] [data-testid=cell][data-lane-key="${laneKey}"]`);
}

/** Wait until the card is drawn in the given column. */
export async function expectCardInColumn(page: Page, cardId: string, columnKey: string, timeout = 5000): Promise<void> {
  await page.locator(`[data-testid=column][data-column-key=${columnKey}] [data-card-id="${cardId}"]`).waitFor({ timeout });
}

/** Card ids of one cell, as drawn. */
export async function cellOrder(page: Page, columnKey: string, laneKey: string): Promise<string[]> {
  return cellOnScreen(page, columnKey, laneKey)
    .locator('[data-testid=card]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-card-id') ?? ''));
}

/** Drag with the mouse from the middle of one element to the middle of another, in small steps. */
export async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  // Let the board measure where the card would land before letting go.
  await page.waitForTimeout(100);
  await page.mouse.move(to.x, to.y + 1, { steps: 2 });
  await page.mouse.up();
}

/**
 * Scroll a card to the upper part of the screen, but out of the band along the edge where a drag
 * scrolls the page (so the page stays still while the test drags).
 */
export async function scrollNearTop(page: Page, cardId: string) {
  await cardOnScreen(page, cardId).scrollIntoViewIfNeeded();
  // Cells off screen are drawn when they come into view, which can move the card a little:
  // scroll again until it stays put.
  for (let i = 0; i < 5; i++) {
    const moved = await page.evaluate(async (id) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const top = () => document.querySelector(`[data-card-id="${id}"]`)!.getBoundingClientRect().top;
      window.scrollBy(0, top() - innerHeight * 0.2);
      await frame();
      await frame();
      return Math.abs(top() - innerHeight * 0.2);
    }, cardId);
    if (moved < 2) return;
  }
}

/** Pick a card up from the keyboard and wait until dnd-kit listens for the arrows (it starts
 * listening a task later) — the announcement says so. */
export async function pickUp(page: Page, cardId: string, key: 'Space' | 'Enter' = 'Space') {
  await cardOnScreen(page, cardId).getByTestId('drag-handle').focus();
  await page.keyboard.press(key);
  await expect.poll(() => page.locator('[id^=DndLiveRegion]').innerText()).toMatch(/หยิบการ์ด/);
  await page.waitForTimeout(50);
}

export async function centre(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`not visible: ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Moves a card with its "ย้ายไป…" menu button (the non-dragging way), choosing the column by key. */
export async function moveWithMenu(page: Page, card: Locator, columnKey: string): Promise<void> {
  const item = page.locator(`[data-testid=move-menu]:popover-open [role=menuitem][data-column-key="${columnKey}"]`);
  // A click that lands while the card's cell is drawn again (a live update arriving) can miss
  // the menu: click again, at most three times, before failing.
  for (let attempt = 1; ; attempt++) {
    await card.getByTestId('move-button').click();
    try {
      await item.waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await item.click();
}
