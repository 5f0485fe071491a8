// "Done" needs evidence (issue 18, part 4) in Chromium: a director's move of a step without evidence
// into the done column — by dragging, from the keyboard, through the "ย้ายไป…" menu — is undone and
// the notice says what is missing (code done_needs_evidence), in Thai and, with the switch, in
// English; with evidence added in the drawer the move goes; the drawer refuses to remove the last
// evidence of a done step; the administrator's switch (Administration → Columns) turns the rule off
// and on again.
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import {
  cardOnScreen,
  cardsIn,
  cellOnScreen,
  centre,
  columnId,
  expectCardInColumn,
  mouseDrag,
  moveWithMenu,
  pickUp,
  scrollNearTop,
  serverBoard,
  type BoardCard,
  type BoardData,
} from './board-helpers';

const base = inject('baseUrl');
const browser = browserForFile();
const pages: Page[] = [];

async function userPage(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  pages.push(page);
  await signIn(page, base, email);
  await page.getByTestId('card').first().waitFor();
  return page;
}

afterAll(async () => {
  for (const page of pages) await page.close();
});

/** How many evidence links and files the card has, as its drawer's API says. */
const evidenceCount = (page: Page, cardId: string) =>
  page.evaluate(async (id) => ((await (await fetch(`/api/cards/${id}`)).json()) as { evidence: unknown[] }).evidence.length, cardId);

/** A step the director may move, not started, without evidence, that no other test here took. */
const taken = new Set<string>();
async function bareStep(page: Page, board: BoardData): Promise<{ card: BoardCard; lane: string }> {
  for (const measure of [...board.measures].sort((a, b) => b.number - a.number)) {
    for (const card of cardsIn(board, 'not_started', measure.id)) {
      if (!card.editable || taken.has(card.id) || (await evidenceCount(page, card.id)) > 0) continue;
      taken.add(card.id);
      return { card, lane: measure.id };
    }
  }
  throw new Error('no bare step left');
}

const refusal = (page: Page) => page.locator('[data-testid=notice][data-code=done_needs_evidence]');

/** Move requests the page sends for the card, counted from now. */
function countMoves(page: Page, cardId: string): { n: number } {
  const sent = { n: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/cards/${cardId}/move`)) sent.n++;
  });
  return sent;
}

/** The move was sent once, undone on screen, the notice says why, and the server never moved it. */
async function expectRefused(page: Page, board: BoardData, card: BoardCard, sent: { n: number }) {
  await refusal(page).waitFor();
  expect(sent.n).toBe(1);
  const text = await refusal(page).innerText();
  expect(text).toContain('หลักฐาน');
  expect(text).toContain('เสร็จสิ้น');
  expect(text).toContain(card.title);
  await expectCardInColumn(page, card.id, 'not_started');
  expect((await serverBoard(page)).cards.find((c) => c.id === card.id)!.columnId).toBe(columnId(board, 'not_started'));
  // Dismissed (a click within 400 ms of a drop is the drop's own, swallowed: BoardDnd.tsx).
  const close = async () => {
    if ((await refusal(page).count()) > 0) await refusal(page).getByRole('button').click({ timeout: 1000 }).catch(() => undefined);
    return refusal(page).count();
  };
  await expect.poll(close).toBe(0);
}

describe('a step without evidence moved into done', () => {
  it('by dragging: it goes back, and the notice says what is missing', async () => {
    const page = await userPage('director.admin@demo.local');
    const board = await serverBoard(page);
    const { card, lane } = await bareStep(page, board);
    const sent = countMoves(page, card.id);
    await scrollNearTop(page, card.id);
    const from = await centre(page, `[data-card-id="${card.id}"] .card-step`);
    const cell = (await cellOnScreen(page, 'done', lane).boundingBox())!;
    await mouseDrag(page, from, { x: cell.x + cell.width / 2, y: from.y + 20 });
    await expectRefused(page, board, card, sent);
  });

  it('from the keyboard (Space, ArrowRight to done, Space): the same', async () => {
    const page = await userPage('director.admin@demo.local');
    const board = await serverBoard(page);
    const { card } = await bareStep(page, board);
    const sent = countMoves(page, card.id);
    await pickUp(page, card.id);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[id^=DndLiveRegion]').innerText()).toContain('เสร็จสิ้น');
    await page.keyboard.press('Space');
    await expectRefused(page, board, card, sent);
  });

  it('through the "ย้ายไป…" menu: the same, in English too; with evidence added in the drawer it goes, and its last evidence stays', async () => {
    const page = await userPage('director.admin@demo.local');
    const board = await serverBoard(page);
    const { card } = await bareStep(page, board);
    const sent = countMoves(page, card.id);
    await moveWithMenu(page, cardOnScreen(page, card.id), 'done');
    await expectRefused(page, board, card, sent);

    await page.getByTestId('lang-switch').click();
    await moveWithMenu(page, cardOnScreen(page, card.id), 'done');
    await refusal(page).waitFor();
    await expect.poll(() => refusal(page).innerText()).toContain('needs at least one piece of evidence');
    expect(await refusal(page).innerText()).toContain('"Done"');
    await expectCardInColumn(page, card.id, 'not_started');
    await page.getByTestId('lang-switch').click();

    // The drawer: add a link, then the move goes.
    await page.goto(`${base}/board/2567?card=${card.id}`);
    await page.getByTestId('evidence-url').fill('https://phichit.example.go.th/ita/done-rule');
    await page.getByTestId('evidence-add').click();
    await page.getByTestId('evidence-item').waitFor();
    await page.keyboard.press('Escape');
    await moveWithMenu(page, cardOnScreen(page, card.id), 'done');
    await expectCardInColumn(page, card.id, 'done');
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.columnId).toBe(columnId(board, 'done'));
    expect(await refusal(page).count()).toBe(0);

    // Its only evidence cannot be removed while it is done.
    await page.goto(`${base}/board/2567?card=${card.id}`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('evidence-remove').click();
    await refusal(page).waitFor();
    expect(await refusal(page).innerText()).toContain('หลักฐานรายการสุดท้าย');
    expect(await page.getByTestId('evidence-item').count()).toBe(1);
    expect(await evidenceCount(page, card.id)).toBe(1);
  });
});

describe('the administrator’s switch', () => {
  it('turns the rule off (a bare step then goes into done) and on again, in Administration → Columns', async () => {
    const admin = await userPage('admin@demo.local');
    const director = await userPage('director.admin@demo.local');
    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('admin-tab-columns').click();
    const toggle = admin.getByTestId('done-rule-switch');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(await admin.getByTestId('admin-done-rule').innerText()).toContain('หลักฐาน');
    try {
      await toggle.click();
      await expect.poll(() => admin.getByTestId('done-rule-ok').innerText()).toContain('ปิดใช้แล้ว');
      await expect.poll(() => toggle.isChecked()).toBe(false);
      const board = await serverBoard(director);
      const { card } = await bareStep(director, board);
      await moveWithMenu(director, cardOnScreen(director, card.id), 'done');
      await expectCardInColumn(director, card.id, 'done');
      await expect.poll(async () => (await serverBoard(director)).cards.find((c) => c.id === card.id)?.columnId).toBe(columnId(board, 'done'));
      expect(await refusal(director).count()).toBe(0);
    } finally {
      // Other files share this server: the rule is on again whatever happened above.
      await admin.evaluate(() => fetch('/api/admin/done-rule', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ doneNeedsEvidence: true }) }));
    }
    await admin.reload();
    await admin.getByTestId('admin-tab-columns').click();
    await expect.poll(() => admin.getByTestId('done-rule-switch').isChecked()).toBe(true);
    await admin.getByTestId('done-rule-switch').click();
    await expect.poll(() => admin.getByTestId('done-rule-ok').innerText()).toContain('ปิดใช้แล้ว');
    await admin.getByTestId('done-rule-switch').click();
    await expect.poll(() => admin.getByTestId('done-rule-ok').innerText()).toContain('เปิดใช้แล้ว');
    const rule = await admin.evaluate(async () => (await fetch('/api/admin/done-rule')).json());
    expect(rule).toEqual({ doneNeedsEvidence: true });
  });
});
