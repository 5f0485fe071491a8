// The board as directors use it, in Chromium against the real app: dragging cards with the mouse
// and the keyboard (within a column and across columns), the "Move to…" menu, the card drawer
// (evidence with an OIT item, the timeline, the Buddhist Era due date, the checklist), filters in
// the address bar, Thai search, and a phone-width board. A 2,000-card board: board-large.test.ts.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import {
  addEvidence,
  cardOnScreen,
  cardsIn,
  cellOnScreen,
  cellOrder,
  centre,
  columnId,
  expectCardInColumn,
  laneWithEditable,
  mouseDrag,
  moveWithMenu,
  pickUp,
  scrollNearTop,
  serverBoard,
} from './board-helpers';

const base = inject('baseUrl');
const browser = browserForFile();

async function directorPage(email = 'director.admin@demo.local'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, base, email);
  await page.getByTestId('card').first().waitFor();
  return page;
}

describe('moving cards', () => {
  it('drags a card with the mouse to another column, and it is still there after reload', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 1);
    const card = cardsIn(board, 'not_started', lane).find((c) => c.editable)!;
    await scrollNearTop(page, card.id);
    const from = await centre(page, `[data-card-id="${card.id}"] .card-step`);
    const cell = (await cellOnScreen(page, 'in_progress', lane).boundingBox())!;
    await mouseDrag(page, from, { x: cell.x + cell.width / 2, y: from.y + 20 });
    await expectCardInColumn(page, card.id, 'in_progress');
    // Dropping did not open the card (the click that ends a drag is not a click on the card).
    expect(page.url()).not.toContain('card=');
    // Saved: the server has it in the new column, and a reload shows it there.
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.columnId).toBe(columnId(board, 'in_progress'));
    await page.reload();
    await expectCardInColumn(page, card.id, 'in_progress');
    await page.close();
  });

  it('drags a card with the mouse within its column, and the new order is kept', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 3);
    const [first, second, third] = cardsIn(board, 'not_started', lane);
    expect(await cellOrder(page, 'not_started', lane)).toEqual(cardsIn(board, 'not_started', lane).map((c) => c.id));
    // Move the first card below the second one (between the second and the third).
    await scrollNearTop(page, first!.id);
    const from = await centre(page, `[data-card-id="${first!.id}"] .card-step`);
    const secondBox = (await cardOnScreen(page, second!.id).boundingBox())!;
    await mouseDrag(page, from, { x: from.x, y: secondBox.y + secondBox.height * 0.75 });
    await expect.poll(() => cellOrder(page, 'not_started', lane).then((ids) => ids.slice(0, 3))).toEqual([second!.id, first!.id, third!.id]);
    await expect
      .poll(async () => cardsIn(await serverBoard(page), 'not_started', lane).map((c) => c.id).slice(0, 3))
      .toEqual([second!.id, first!.id, third!.id]);
    await page.reload();
    await cardOnScreen(page, first!.id).waitFor();
    expect((await cellOrder(page, 'not_started', lane)).slice(0, 3)).toEqual([second!.id, first!.id, third!.id]);
    await page.close();
  });

  it('moves a card with the keyboard on its handle (Space, ArrowRight, Space), announced in Thai', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 1);
    const card = cardsIn(board, 'not_started', lane).find((c) => c.editable)!;
    await pickUp(page, card.id);
    await page.keyboard.press('ArrowRight');
    // Screen readers hear where the card is (dnd-kit's live region, in the interface language).
    await expect.poll(() => page.locator('[id^=DndLiveRegion]').innerText()).toContain('กำลังดำเนินการ');
    await page.keyboard.press('Space');
    await expectCardInColumn(page, card.id, 'in_progress');
    await expect.poll(() => page.locator('[id^=DndLiveRegion]').innerText()).toMatch(/วางการ์ด/);
    // Focus goes back to the card's handle, ready for the next move.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('drag-handle');
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.columnId).toBe(columnId(board, 'in_progress'));
    await page.reload();
    await expectCardInColumn(page, card.id, 'in_progress');
    await page.close();
  });

  it('reorders with the keyboard (ArrowDown), and Escape puts a card back', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 2);
    const before = cardsIn(board, 'not_started', lane).map((c) => c.id);
    const [first, second] = before;
    // Escape cancels: nothing moves.
    await pickUp(page, first!, 'Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[id^=DndLiveRegion]').innerText()).toMatch(/ยกเลิก/);
    expect(await cellOrder(page, 'not_started', lane)).toEqual(before);
    // Down one place: the first card follows the second.
    await pickUp(page, first!);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => cellOrder(page, 'not_started', lane).then((ids) => ids.slice(0, 2))).toEqual([second, first]);
    await expect.poll(async () => cardsIn(await serverBoard(page), 'not_started', lane).map((c) => c.id).slice(0, 2)).toEqual([second, first]);
    await page.close();
  });

  it('moves a card through the "ย้ายไป…" menu, and a read-only user sees no controls on cards', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 1);
    const card = cardsIn(board, 'not_started', lane).find((c) => c.editable)!;
    await moveWithMenu(page, cardOnScreen(page, card.id), 'awaiting_report');
    await expectCardInColumn(page, card.id, 'awaiting_report');
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.columnId).toBe(columnId(board, 'awaiting_report'));
    // The same menu from the keyboard: Enter opens it on the first column, the arrows and End
    // move, Escape closes it with focus back on the button, Enter on a column moves the card.
    const next = cardsIn(board, 'not_started', lane).filter((c) => c.editable && c.id !== card.id)[0] ?? card;
    await addEvidence(page, next.id); // it ends in done, which needs evidence (worker/domain/done-rule.ts)
    const button = cardOnScreen(page, next.id).getByTestId('move-button');
    const menu = page.locator('[data-testid=move-menu]:popover-open');
    // A second click on the button closes its menu (it does not open again).
    await button.click();
    await menu.waitFor();
    await button.click();
    await expect.poll(() => menu.count()).toBe(0);
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-column-key') ?? document.activeElement?.id ?? '');
    const from = (await serverBoard(page)).cards.find((c) => c.id === next.id)!.columnId;
    const keys = board.columns.filter((c) => c.id !== from).sort((a, b) => a.position - b.position).map((c) => c.key);
    expect(await menu.locator('[role=menuitem]').evaluateAll((items) => items.map((i) => i.getAttribute('data-column-key')))).toEqual(keys);
    expect(await focused()).toBe(keys[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(keys[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(keys.at(-1));
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await focused()).toBe(`move-${next.id}`);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expectCardInColumn(page, next.id, keys.at(-1)!);
    await expect.poll(focused).toBe(`move-${next.id}`);
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === next.id)?.columnId).toBe(columnId(board, keys.at(-1)!));

    // Another group's card: no handle, no menu.
    const other = board.cards.find((c) => !c.editable)!;
    expect(await cardOnScreen(page, other.id).locator('button, select').count()).toBe(0);
    await page.close();

    const staff = await directorPage('staff@demo.local');
    expect(await staff.getByTestId('drag-handle').count()).toBe(0);
    expect(await staff.getByTestId('move-button').count()).toBe(0);
    await staff.close();
  });
});

describe('the card drawer', () => {
  it('opens from the card (?card= in the address bar), adds evidence for an OIT item, and shows it in the timeline', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 1);
    const card = cardsIn(board, 'not_started', lane).find((c) => c.editable)!;
    const link = cardOnScreen(page, card.id).getByTestId('card-open');
    await link.click();
    const drawer = page.getByTestId('card-drawer');
    await drawer.getByTestId('drawer-title').getByText(card.title).waitFor();
    expect(new URL(page.url()).searchParams.get('card')).toBe(card.id);
    // The evidence form offers the fiscal year's OIT catalogue, code and Thai title.
    const oit = drawer.getByTestId('evidence-oit-select');
    await expect.poll(() => oit.locator('option').count()).toBeGreaterThan(40);
    expect(await oit.locator('option[value=O12]').innerText()).toMatch(/^O12 \S/);
    const url = `https://phichit.example.go.th/ita/o12-${Date.now()}`;
    await drawer.getByTestId('evidence-url').fill(url);
    await oit.selectOption('O12');
    await drawer.getByTestId('evidence-note').fill('ประกาศบนเว็บไซต์สำนักงาน');
    await drawer.getByTestId('evidence-add').click();
    const item = drawer.getByTestId('evidence-item').filter({ hasText: url });
    await item.waitFor();
    expect(await item.getByTestId('evidence-oit').innerText()).toContain('O12');
    // The timeline (newest first) says who added it, for which item, when (Buddhist Era).
    const newest = drawer.getByTestId('timeline-entry').first();
    await expect.poll(() => newest.getAttribute('data-kind')).toBe('evidence.added');
    const text = await newest.innerText();
    expect(text).toContain('O12');
    expect(text).toContain(url);
    expect(text).toMatch(/ผอ\.กลุ่มอำนวยการ/);
    expect(text).toMatch(/25[67]\d/);
    // A bad link is refused before it is sent, with a message.
    await drawer.getByTestId('evidence-url').fill('javascript:alert(1)');
    await drawer.getByTestId('evidence-add').click();
    expect(await drawer.getByTestId('evidence-item').filter({ hasText: 'javascript:' }).count()).toBe(0);

    // Escape closes it, the address bar forgets the card, and focus is back on the card.
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expect.poll(() => new URL(page.url()).searchParams.get('card')).toBeNull();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id'))).toBe(card.id);
    // Forward reopens it; a shared address opens it directly.
    await page.goForward();
    await drawer.getByTestId('drawer-title').getByText(card.title).waitFor();
    await page.reload();
    await drawer.getByTestId('drawer-title').getByText(card.title).waitFor();
    await drawer.getByTestId('evidence-item').filter({ hasText: url }).waitFor();
    await page.close();

    // A read-only user sees the same details, without any way to change them.
    const staff = await browser.newPage();
    await signIn(staff, base, 'staff@demo.local');
    await staff.goto(`${base}/board/2567?card=${card.id}`);
    const readOnly = staff.getByTestId('card-drawer');
    await readOnly.getByTestId('evidence-item').filter({ hasText: url }).waitFor();
    expect(await readOnly.getByTestId('card-facts').count()).toBe(1);
    expect(await readOnly.locator('form, textarea, select, input').count()).toBe(0);
    await staff.close();
  });

  it('sets a due date in the Buddhist Era, edits the checklist and comments', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 1);
    const card = cardsIn(board, 'not_started', lane).find((c) => c.editable)!;
    await page.goto(`${base}/board/2567?card=${card.id}`);
    const drawer = page.getByTestId('card-drawer');
    await drawer.getByTestId('due-year').waitFor();
    // 31 ธันวาคม พ.ศ. 2567 = 2024-12-31. An impossible date (31 February) is refused first.
    await drawer.getByTestId('due-day').selectOption('31');
    await drawer.getByTestId('due-month').selectOption('2');
    await drawer.getByTestId('due-year').selectOption('2567');
    await drawer.getByTestId('save-fields').click();
    await drawer.getByTestId('fields-error').getByText('ไม่มีวันที่นี้').waitFor();
    await drawer.getByTestId('due-month').selectOption({ label: 'ธันวาคม' });
    await drawer.getByTestId('details-input').fill('ประชุมชี้แจงบุคลากรทุกกลุ่มงาน\u200Bภายในเดือนธันวาคม');
    await drawer.getByTestId('save-fields').click();
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.dueOn).toBe('2024-12-31');
    // textContent: the card may be off screen behind the drawer (not laid out, so no innerText).
    await expect.poll(() => cardOnScreen(page, card.id).getByTestId('card-due').textContent()).toContain('31 ธ.ค. 2567');
    await expect.poll(() => drawer.getByTestId('timeline-entry').first().innerText()).toContain('31 ธ.ค. 2567');

    // Checklist: generated from the measure's monitoring requirements; tick one, add one.
    const items = drawer.getByTestId('checklist-item');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    const count = await items.count();
    await items.first().getByTestId('checklist-toggle').check();
    await drawer.getByTestId('checklist-new').fill('ถ่ายภาพการประชุมเผยแพร่บนเว็บไซต์');
    await drawer.getByTestId('checklist-add').click();
    await expect.poll(async () => {
      const res = await page.evaluate(async (id) => (await (await fetch(`/api/cards/${id}`)).json()).card.checklist, card.id);
      return res.map((i: { text: string; done: boolean }) => `${i.done ? 'x' : '-'} ${i.text}`);
    }).toEqual(expect.arrayContaining([expect.stringMatching(/^x /), '- ถ่ายภาพการประชุมเผยแพร่บนเว็บไซต์']));
    expect(await items.count()).toBe(count + 1);

    await drawer.getByTestId('comment-body').fill('รอรายงานการประชุม <b>ไม่ใช่ HTML</b>');
    await drawer.getByTestId('comment-add').click();
    const comment = drawer.getByTestId('comment').filter({ hasText: 'ไม่ใช่ HTML' });
    await comment.waitFor();
    // What people type is shown as text, never as markup.
    expect(await comment.innerText()).toContain('<b>ไม่ใช่ HTML</b>');
    await page.close();
  });
});

describe('views and filters', () => {
  it('keeps lanes and filters in the address bar: restored on reload, back and forward work', async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const personnel = board.groups.find((g) => g.nameTh === 'กลุ่มบริหารงานบุคคล')!;
    await page.getByTestId('filter-lanes').selectOption('group');
    await page.getByTestId('filter-group').selectOption(personnel.id);
    await page.getByTestId('filter-due').selectOption('overdue');
    await expect.poll(() => new URL(page.url()).searchParams.toString()).toBe(`lanes=group&group=${personnel.id}&due=overdue`);
    // Only cards the personnel group takes part in, in lanes by lead group.
    const shown = await page.getByTestId('card').evaluateAll((n) => n.map((e) => e.getAttribute('data-card-id')));
    const expected = board.cards.filter(
      (c) => (c.leadGroupId === personnel.id || c.groupIds.includes(personnel.id) || c.allGroups) && c.dueOn! < '2026-01-01',
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(expected.filter((c) => c.columnId !== columnId(board, 'done')).map((c) => c.id)));
    expect(await page.getByTestId('lane').first().innerText()).toMatch(/กลุ่ม/);
    await page.reload();
    await page.getByTestId('card').first().waitFor();
    expect(await page.getByTestId('filter-lanes').inputValue()).toBe('group');
    expect(await page.getByTestId('filter-group').inputValue()).toBe(personnel.id);
    expect(await page.getByTestId('filter-due').inputValue()).toBe('overdue');
    expect(await page.getByTestId('card').count()).toBe(shown.length);
    // Back undoes the last choice; forward redoes it.
    await page.goBack();
    await expect.poll(() => page.getByTestId('filter-due').inputValue()).toBe('');
    expect(await page.getByTestId('filter-group').inputValue()).toBe(personnel.id);
    await page.goForward();
    await expect.poll(() => page.getByTestId('filter-due').inputValue()).toBe('overdue');
    await page.getByTestId('filter-clear').click();
    await expect.poll(() => page.getByTestId('card').count()).toBe(board.cards.length);
    await page.close();
  });

  it('finds a card by Thai text, even with a zero-width space in the query', async () => {
    const page = await directorPage('staff@demo.local');
    // "สินบน" (bribe) is in one measure's steps; Thai has no spaces between words.
    const all = await serverBoard(page);
    // The board matches titles itself and asks the server for details and checklist items (issue 16).
    const found = await page.evaluate(async () => ((await (await fetch(`/api/boards/2567/search?q=${encodeURIComponent('สินบน')}`)).json()) as { cardIds: string[] }).cardIds);
    const match = all.cards.filter((c) => c.title.includes('สินบน') || found.includes(c.id));
    expect(found).toEqual(expect.arrayContaining(all.cards.filter((c) => c.title.includes('สินบน')).map((c) => c.id)));
    expect(match.length).toBeGreaterThan(0);
    expect(match.length).toBeLessThan(all.cards.length);
    await page.getByTestId('filter-search').fill('สิน\u200Bบน');
    await expect.poll(() => page.getByTestId('card').count()).toBe(match.length);
    const shown = await page.getByTestId('card').evaluateAll((n) => n.map((e) => e.getAttribute('data-card-id')));
    expect(new Set(shown)).toEqual(new Set(match.map((c) => c.id)));
    expect(new URL(page.url()).searchParams.get('q')).toBe('สิน\u200Bบน');
    await page.reload();
    await expect.poll(() => page.getByTestId('card').count()).toBe(match.length);
    expect(await page.getByTestId('filter-search').inputValue()).toBe('สิน\u200Bบน');
    // Nothing matches: a clear message instead of an empty grid.
    await page.getByTestId('filter-search').fill('ไม่มีข้อความนี้แน่นอน');
    await page.getByText('ไม่มีการ์ดที่ตรงกับตัวกรอง').waitFor();
    await page.close();
  });

  it("finds a card by words only in its details: title matches at once, the server's answer merged in", async () => {
    const page = await directorPage();
    const board = await serverBoard(page);
    const card = board.cards.filter((c) => c.editable).at(-1)!;
    const word = 'ตรวจนับพัสดุคงคลังกลางปี';
    const status = await page.evaluate(
      async ({ id, version, details }) =>
        (await fetch(`/api/cards/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, details }) })).status,
      { id: card.id, version: card.version, details: `ก่อนปิดงาน ${word} และรายงาน` },
    );
    expect(status).toBe(200);
    expect(board.cards.some((c) => c.title.includes(word))).toBe(false);
    await page.getByTestId('filter-search').fill(word);
    await expect.poll(() => page.getByTestId('card').evaluateAll((n) => n.map((e) => e.getAttribute('data-card-id')))).toEqual([card.id]);
    // The drawer shows the details the board does not carry.
    await page.locator(`[data-card-id="${card.id}"] [data-testid="card-open"]`).click();
    await expect.poll(() => page.getByTestId('card-drawer').getByTestId('details-input').inputValue()).toContain(word);
    await page.close();
  });
});

describe('on a phone (375 px)', () => {
  it('moves a card with the menu, and a swipe scrolls without starting a drag', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await signIn(page, base, 'director.admin@demo.local');
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 1);
    const card = cardsIn(board, 'not_started', lane).find((c) => c.editable)!;
    const target = cardOnScreen(page, card.id);
    await target.scrollIntoViewIfNeeded();
    // Nothing wider than the screen but the board's own sideways scroller.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // A quick swipe on a card (no long press) does not pick it up.
    const box = (await target.boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: string, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + box.width / 2, y }] });
    await touch('touchStart', box.y + 30);
    for (let i = 1; i <= 5; i++) await touch('touchMove', box.y + 30 - i * 12);
    await touch('touchEnd', 0);
    expect(await page.locator('.is-dragging').count()).toBe(0);
    // The menu works at this width.
    await moveWithMenu(page, target, 'in_progress');
    await expectCardInColumn(page, card.id, 'in_progress');
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.columnId).toBe(columnId(board, 'in_progress'));
    await context.close();
  });

  it('a long press picks a card up and moves it within its column', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await signIn(page, base, 'director.admin@demo.local');
    const board = await serverBoard(page);
    const lane = laneWithEditable(board, 2);
    const [first, second] = cardsIn(board, 'not_started', lane);
    await scrollNearTop(page, first!.id);
    const a = (await cardOnScreen(page, first!.id).locator('.card-step').boundingBox())!;
    const b = (await cardOnScreen(page, second!.id).boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: string, x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', a.x + 10, a.y + 5);
    await page.waitForTimeout(400); // the long press
    const to = b.y + b.height * 0.75;
    for (let i = 1; i <= 10; i++) await touch('touchMove', a.x + 10, a.y + 5 + ((to - a.y - 5) * i) / 10);
    await page.waitForTimeout(100);
    await touch('touchEnd', 0, 0);
    await expect.poll(() => cellOrder(page, 'not_started', lane).then((ids) => ids.slice(0, 2))).toEqual([second!.id, first!.id]);
    await expect.poll(async () => cardsIn(await serverBoard(page), 'not_started', lane).map((c) => c.id).slice(0, 2)).toEqual([second!.id, first!.id]);
    await context.close();
  });
});
