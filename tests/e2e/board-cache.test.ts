// The board kept in IndexedDB (issue 16), in Chromium against the real app: signing out, here or
// elsewhere, leaves nothing of the board in the browser (offices share computers).
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile } from './browser';
import { serverBoard, signInToBoard } from './board-helpers';

const base = inject('baseUrl');
const browser = browserForFile();

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

describe('the kept board and gap repair', () => {
  it('signing out leaves nothing of the board in IndexedDB', async () => {
    const page = await userPage('director.personnel@demo.local');
    await boardKept(page);
    const title = (await serverBoard(page)).cards[0]!.title;
    expect(JSON.stringify(await keptRecords(page))).toContain(title);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await expect.poll(() => keptRecords(page)).toEqual([]);
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
  });
});
