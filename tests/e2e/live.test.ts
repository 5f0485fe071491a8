// Live updates in Chromium against the real app: another user's move shows up without reloading,
// two users moving the same card at once end on the same screen (one is told about the
// conflict), and a dropped connection comes back and catches up on what it missed.
import { describe, expect, inject, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import { browserForFile } from './browser';
import { addEvidence, cardOnScreen, columnId, expectCardInColumn, moveWithMenu, serverBoard, signInToBoard, type BoardCard, type BoardData } from './board-helpers';

const base = inject('baseUrl');
const browser = browserForFile();

/** A signed-in user in a browser context of their own (their own cookies). */
async function userPage(email: string, before?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await before?.(page);
  await signInToBoard(page, base, email);
  await page.getByTestId('card').first().waitFor();
  await liveOpen(page);
  return page;
}

async function liveOpen(page: Page, timeout = 10_000): Promise<void> {
  await page.locator('[data-testid=live-status][data-state=open]').waitFor({ timeout });
}

/** Marks the page; the mark is gone if the page reloads. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
}
async function samePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);
}

/** A card of the administration group (measures 1–3, 5–7) in the not-started column. */
function adminGroupCard(board: BoardData, skip = 0): BoardCard {
  const todo = columnId(board, 'not_started');
  const lead = board.groups.find((g) => g.nameTh === 'กลุ่มอำนวยการ')!.id;
  const card = board.cards.filter((c) => c.columnId === todo && c.leadGroupId === lead)[skip];
  if (!card) throw new Error('no administration-group card left in not_started');
  return card;
}

const columnKeyOf = (board: BoardData, id: string) => board.columns.find((c) => c.id === id)?.key;

describe('live updates', () => {
  it("shows another user's move within seconds, without reloading", async () => {
    const watcher = await userPage('executive@demo.local');
    const mover = await userPage('director.admin@demo.local');
    const card = adminGroupCard(await serverBoard(mover));
    await markPage(watcher);
    await moveWithMenu(mover, cardOnScreen(mover, card.id), 'in_progress');
    await expectCardInColumn(watcher, card.id, 'in_progress', 5000);
    expect(await samePage(watcher)).toBe(true);
    // The watcher still may not move it (its own `editable` is kept, not the mover's).
    expect(await cardOnScreen(watcher, card.id).locator('button, select').count()).toBe(0);
  });

  it('opening the board fetches it once: the live hello finds nothing missed and asks for no catch-up', async () => {
    const watcher = await userPage('executive@demo.local');
    // Board requests made by this document (the board page, opened after signing in).
    const fetches = () =>
      watcher.evaluate(() =>
        performance.getEntriesByType('resource').filter((e) => /\/api\/boards\/\d+$/.test(new URL(e.name).pathname)).length,
      );
    await watcher.waitForTimeout(300);
    expect(await fetches()).toBe(1);
    // A change made after the board was read still arrives live, without another fetch.
    const mover = await userPage('director.admin@demo.local');
    const card = adminGroupCard(await serverBoard(mover));
    await moveWithMenu(mover, cardOnScreen(mover, card.id), 'in_progress');
    await expectCardInColumn(watcher, card.id, 'in_progress', 5000);
    expect(await fetches()).toBe(1);
  });

  it('two users move the same card at once: one is told of the conflict, both screens agree with the server', async () => {
    // Hold live messages back while both moves are made, so both are sent from the same version.
    let holding = false;
    const held: (() => void)[] = [];
    const holdLive = async (page: Page) => {
      await page.routeWebSocket(/\/live$/, (ws) => {
        const server = ws.connectToServer();
        server.onMessage((message) => (holding ? held.push(() => ws.send(message)) : ws.send(message)));
        ws.onMessage((message) => server.send(message));
      });
    };
    const admin = await userPage('admin@demo.local', holdLive);
    const director = await userPage('director.admin@demo.local', holdLive);
    const card = adminGroupCard(await serverBoard(director));
    holding = true;
    await Promise.all([
      moveWithMenu(admin, cardOnScreen(admin, card.id), 'in_progress'),
      moveWithMenu(director, cardOnScreen(director, card.id), 'awaiting_report'),
    ]);
    const conflicts = async () =>
      Promise.all([admin, director].map((p) => p.locator('[data-testid=notice][data-kind=conflict]').count()));
    await expect.poll(async () => (await conflicts()).reduce((a, b) => a + b, 0)).toBe(1);
    const notice = [admin, director][(await conflicts()).indexOf(1)]!.locator('[data-testid=notice][data-kind=conflict]');
    expect(await notice.innerText()).toMatch(/ผู้อื่น/);
    holding = false;
    for (const send of held.splice(0)) send();

    const server = await serverBoard(admin);
    const where = columnKeyOf(server, server.cards.find((c) => c.id === card.id)!.columnId)!;
    expect(['in_progress', 'awaiting_report']).toContain(where);
    await expectCardInColumn(admin, card.id, where);
    await expectCardInColumn(director, card.id, where);
    // Nothing lost: both screens show every card exactly once.
    for (const page of [admin, director]) {
      await expect.poll(() => page.getByTestId('card').count()).toBe(server.cards.length);
      expect(await page.locator(`[data-card-id="${card.id}"]`).count()).toBe(1);
    }
  });

  it('signing out in one tab signs the other tabs out at once: their live connection closes and they show the sign-in page', async () => {
    const first = await userPage('director.personnel@demo.local');
    const second = await first.context().newPage();
    await second.goto(`${base}/board/2567`);
    await second.getByTestId('card').first().waitFor();
    await liveOpen(second);
    await first.getByTestId('sign-out').click();
    await first.getByTestId('sign-in-form').waitFor();
    // The other tab was told by its live connection, not by its next request.
    await second.getByTestId('sign-in-form').waitFor({ timeout: 5000 });
    expect(await second.getByTestId('notice').innerText()).toMatch(/ออกจากระบบแล้ว/);
    expect(await second.getByTestId('card').count()).toBe(0);
  });

  it('reconnects after a dropped connection and catches up on what it missed', async () => {
    let blocked = false;
    let current: WebSocketRoute | null = null;
    const watcher = await userPage('staff@demo.local', async (page) => {
      await page.routeWebSocket(/\/live$/, (ws) => {
        if (blocked) {
          ws.close({ code: 1011, reason: 'test: server unreachable' });
          return;
        }
        current = ws;
        ws.connectToServer();
      });
    });
    await markPage(watcher);
    const mover = await userPage('director.admin@demo.local');
    const card = adminGroupCard(await serverBoard(mover));
    await addEvidence(mover, card.id); // it moves into done (worker/domain/done-rule.ts)

    // The connection drops and stays down for a while.
    blocked = true;
    await (current as WebSocketRoute | null)!.close({ code: 1006 });
    await watcher.locator('[data-testid=live-status][data-state=closed]').waitFor();
    expect(await watcher.getByTestId('live-status').innerText()).toMatch(/เชื่อมต่อใหม่/);

    // Meanwhile a card moves; the watcher hears nothing of it.
    await moveWithMenu(mover, cardOnScreen(mover, card.id), 'done');
    await expectCardInColumn(mover, card.id, 'done');
    await watcher.waitForTimeout(500);
    expect(await watcher.locator(`[data-column-key=done] [data-card-id="${card.id}"]`).count()).toBe(0);

    // Back up: the hello's seq is ahead of the watcher's, so it fetches the board again.
    blocked = false;
    await liveOpen(watcher, 20_000);
    await expectCardInColumn(watcher, card.id, 'done', 5000);
    expect(await samePage(watcher)).toBe(true);
  });

  it("an open drawer follows another user's edit of its card: details and checklist are read again", async () => {
    const reader = await userPage('executive@demo.local');
    const editor = await userPage('director.admin@demo.local');
    const card = adminGroupCard(await serverBoard(editor));
    await reader.goto(`${base}/board/2567?card=${card.id}`);
    const drawer = reader.getByTestId('card-drawer');
    await drawer.getByTestId('card-details-text').waitFor();
    await liveOpen(reader);
    await markPage(reader);
    // The board carries neither details nor checklist texts: the drawer reads them on the live message.
    const edited = await editor.evaluate(async (id) => {
      const whole = (await (await fetch(`/api/cards/${id}`)).json()).card;
      const checklist = [...whole.checklist, { id: 'live-item', text: 'ส่งภาพถ่ายกิจกรรมให้กลุ่มนโยบายและแผน', done: true }];
      const res = await fetch(`/api/cards/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: whole.version, details: 'นัดประชุมคณะทำงานวันศุกร์', checklist }) });
      return res.status;
    }, card.id);
    expect(edited).toBe(200);
    await expect.poll(() => drawer.getByTestId('card-details-text').innerText(), { timeout: 5000 }).toContain('นัดประชุมคณะทำงานวันศุกร์');
    await expect.poll(() => drawer.getByTestId('checklist-item').last().innerText()).toContain('ส่งภาพถ่ายกิจกรรมให้กลุ่มนโยบายและแผน');
    expect(await samePage(reader)).toBe(true);
  });
});
