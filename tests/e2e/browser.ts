// Debian's Chromium through playwright-core (never a downloaded browser).
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../worker/seed/demo-password';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function signIn(page: Page, base: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(base);
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[type=email]').fill(email);
  await form.locator('input[type=password]').fill(password);
  await form.locator('button[type=submit]').click();
  // Signed in: the main menu is there (each role lands on its own front page).
  await page.getByTestId('nav').waitFor();
}

/**
 * The browser of a test file: launched before its tests, closed after them with every context
 * and page opened through it. Call at the file's top level; use it like a playwright Browser.
 */
export function browserForFile(): Pick<Browser, 'newContext' | 'newPage'> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  const open = (): Browser => {
    if (!browser) throw new Error('browserForFile: no browser yet (call it at the top level of the file)');
    return browser;
  };
  return {
    async newContext(options) {
      const context = await open().newContext(options);
      contexts.push(context);
      return context;
    },
    newPage: (options) => open().newPage(options),
  };
}

/** A call of the app's API from the page (same origin, the page's session): its status and JSON (null when none). */
export function pageApi(page: Page, path: string, method: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const r = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: r.status, json: await r.json().catch(() => null) };
    },
    { path, method, body },
  );
}
