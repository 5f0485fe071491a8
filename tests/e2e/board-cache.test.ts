// The board kept in IndexedDB and the repair of gaps in live updates (issue 16), in Chromium against
// the real app: a dropped broadcast is caught up from the next one without loading the board again;
// reopening an unchanged board draws the kept one at once and the server answers 304; signing out
// leaves nothing of the board in the browser (offices share computers).
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile } from './browser';
import { cardOnScreen, columnId, expectCardInColumn, moveWithMenu, serverBoard, signInToBoard, type BoardCard, type BoardData } from './board-helpers';

const base = inject('baseUrl');
const browser = browserForFile();
const BOARD = /\/api\/boards\/2567$/;
const CHANGES = /\/api\/boards\/2567\/changes\?since=\d+$/;

async function userPage(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signInToBoard(page, base, email);
  await page.getByTestId('card').first().waitFor();
  await page.locator('[data-testid=live-status][data-state=open]').waitFor({ timeout: 10_000 });
  return page;
}

/** Everything in the app's IndexedDB store (keys and values), read from the page; [] when it has none. */
function keptRecords(page: Page): Promise<{ key: string; value: unknown }[]> {
  return page.evaluate(async () => {
    // Never create the database here (the app creates it with its store).
    if (!(await indexedDB.databases()).some((d) => d.name === 'ita-board')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ita-board');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('boards')) return [];
      const store = db.transaction('boards').objectStore('boards');
      const read = <T,>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
      return keys.map((key, i) => ({ key: String(key), value: values[i] as unknown }));
    } finally {
      db.close();
    }
  });
}

/** Wait until the board at the server's seq is kept for this page's user. */
async function boardKept(page: Page): Promise<void> {
  await expect
    .poll(async () => (await keptRecords(page)).some((r) => r.key.startsWith('board/') && r.key.endsWith('/2567')), { timeout: 10_000 })
    .toBe(true);
}

/** Not-started cards of the administration group (a director of it may move them). */
function adminGroupCards(board: BoardData, n: number): BoardCard[] {
  const todo = columnId(board, 'not_started');
  const lead = board.groups.find((g) => g.nameTh === 'กลุ่มอำนวยการ')!.id;
  const cards = board.cards.filter((c) => c.columnId === todo && c.leadGroupId === lead).slice(0, n);
  if (cards.length < n) throw new Error(`fewer than ${n} administration-group cards left in not_started`);
  return cards;
}

describe('the kept board and gap repair', () => {
  it('a dropped broadcast: the next change shows both, from the changes since, without loading the board again', async () => {
    const watcher = await userPage('executive@demo.local');
    const mover = await userPage('director.admin@demo.local');
    const [first, second] = adminGroupCards(await serverBoard(mover), 2) as [BoardCard, BoardCard];
    const asked: string[] = [];
    watcher.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/boards/2567')) asked.push(url.pathname + url.search);
    });
    await watcher.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    const dropping = await mover.evaluate(async () => {
      const res = await fetch('/api/dev/boards/2567/drop-broadcasts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 1 }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    });
    expect(dropping).toEqual({ status: 200, body: { dropping: 1 } });

    // The first move's broadcast is dropped: the watcher hears nothing of it.
    await moveWithMenu(mover, cardOnScreen(mover, first.id), 'in_progress');
    await expectCardInColumn(mover, first.id, 'in_progress');
    await watcher.waitForTimeout(700);
    expect(await watcher.locator(`[data-column-key=in_progress] [data-card-id="${first.id}"]`).count()).toBe(0);

    // The second arrives with a seq past the next one: the watcher asks what it missed.
    await moveWithMenu(mover, cardOnScreen(mover, second.id), 'in_progress');
    await expectCardInColumn(watcher, second.id, 'in_progress', 5000);
    await expectCardInColumn(watcher, first.id, 'in_progress', 5000);
    expect(await watcher.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(asked.filter((a) => BOARD.test(a))).toEqual([]);
    expect(asked.filter((a) => CHANGES.test(a))).toHaveLength(1);
    // Each card once, in the order of the server's board.
    const server = await serverBoard(mover);
    for (const id of [first.id, second.id]) expect(await watcher.locator(`[data-card-id="${id}"]`).count()).toBe(1);
    const inProgress = columnId(server, 'in_progress');
    const order = server.cards.filter((c) => c.columnId === inProgress && c.measureId === first.measureId).map((c) => c.id);
    const drawn = await watcher
      .locator(`[data-testid=column][data-column-key=in_progress] [data-testid=cell][data-lane-key="${first.measureId}"] [data-testid=card]`)
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-card-id')));
    expect(drawn).toEqual(order);
  });

  it('reopening an unchanged board draws the kept board at once, sends If-None-Match and gets 304', async () => {
    const page = await userPage('staff@demo.local');
    await boardKept(page);
    const cards = await page.getByTestId('card').count();
    expect(cards).toBeGreaterThan(0);

    const sent: { tag: string | undefined; status: number }[] = [];
    page.on('response', (response) => {
      if (BOARD.test(new URL(response.url()).pathname)) sent.push({ tag: response.request().headers()['if-none-match'], status: response.status() });
    });
    // Hold the board's answer back: what is drawn meanwhile is the kept board, marked as refreshing.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(BOARD, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('card').count()).toBe(cards);
    expect(await page.locator('[data-testid=board][data-refreshing]').count()).toBe(1);
    expect(await page.getByTestId('live-status').innerText()).toMatch(/บันทึกไว้/);
    release();
    await page.locator('[data-testid=board]:not([data-refreshing])').waitFor();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.tag).toBeTruthy();
    expect(sent[0]!.status).toBe(304);
    expect(await page.getByTestId('card').count()).toBe(cards);
  });

  it("a board kept for someone else is never drawn, and is forgotten as soon as the session says who is signed in", async () => {
    const page = await userPage('staff@demo.local');
    await boardKept(page);
    const mine = (await keptRecords(page)).find((r) => r.key.startsWith('board/'))!;
    // Another user's board for the same year, as if left behind (say, by a browser that crashed).
    await page.evaluate(async (record) => {
      // Kept as the answer's columns (kept.ts): a column of titles.
      const value = record.value as { userId: string; board: { cards: { title: string[] } } };
      const other = { ...value, userId: 'someone-else', board: { ...value.board, cards: { ...value.board.cards, title: value.board.cards.title.map(() => 'NOT-YOURS') } } };
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('ita-board');
        open.onsuccess = () => resolve(open.result);
      });
      const tx = db.transaction('boards', 'readwrite');
      tx.objectStore('boards').put(other, 'board/someone-else/2567');
      tx.objectStore('boards').put({ userId: 'someone-else', etag: 'W/"x"' }, 'tag/someone-else/2567');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, mine);
    await page.reload();
    await page.getByTestId('card').first().waitFor();
    expect(await page.getByText('NOT-YOURS').count()).toBe(0);
    await expect.poll(async () => (await keptRecords(page)).map((r) => r.key).filter((k) => k.includes('someone-else'))).toEqual([]);
  });

  it('signing out leaves nothing of the board in IndexedDB', async () => {
    const page = await userPage('director.personnel@demo.local');
    await boardKept(page);
    const title = (await serverBoard(page)).cards[0]!.title;
    expect(JSON.stringify(await keptRecords(page))).toContain(title);
    expect(await page.evaluate(() => localStorage.getItem('ita.boardTags'))).toContain('2567');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await expect.poll(() => keptRecords(page)).toEqual([]);
    // Nor the tags the board was answered with.
    expect(await page.evaluate(() => localStorage.getItem('ita.boardTags'))).toBeNull();
  });

  it('a session ended elsewhere (signed out everywhere from another browser) leaves nothing of the board either', async () => {
    const page = await userPage('director.personnel@demo.local');
    await boardKept(page);
    // The same user signs out everywhere from elsewhere (the page's own cookies, not the page).
    const ended = await page.context().request.post(`${base}/api/auth/sign-out-everywhere`, {
      headers: { 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin' },
      data: {},
    });
    expect(ended.ok()).toBe(true);
    // The open page is told by its live connection, shows the sign-in page and forgets the board.
    await page.getByTestId('sign-in-form').waitFor({ timeout: 5000 });
    await expect.poll(() => keptRecords(page)).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('ita.boardTags'))).toBeNull();
  });
});
