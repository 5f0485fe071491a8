// Administration → LINE in the browser: connecting the office's Official Account (the server
// talks to the LINE double that global-setup.ts starts), making a link code, the group linked by
// a signed webhook as LINE would send it, and unlinking it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launch, signIn } from './browser';
import { DEMO_PASSWORD } from '../../worker/seed/demo-password';

const base = inject('baseUrl');
const SECRET = 'abcdef0123456789abcdef0123456789';
let browser: Browser;
let page: Page;

async function linkWebhook(code: string, groupId: string) {
  const raw = JSON.stringify({
    destination: 'Ubot',
    events: [{ type: 'message', webhookEventId: `E${Date.now()}`, replyToken: 'r1', timestamp: Date.now(), mode: 'active', source: { type: 'group', groupId, userId: 'U1' }, message: { type: 'text', id: '1', text: `/link ${code}` } }],
  });
  const res = await fetch(`${base}/api/line/webhook/phichit-peo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', SECRET).update(raw).digest('base64') },
    body: raw,
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
  await signIn(page, base, 'admin@demo.local');
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-line').click();
  await page.getByTestId('admin-line').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

describe('Administration → LINE', () => {
  it('connects the account, makes a code, shows the group it linked, and unlinks it', async () => {
    await expect.poll(() => page.getByTestId('line-status').innerText()).toMatch(/ยังไม่ได้เชื่อมต่อ LINE/);
    const panel = page.getByTestId('admin-line');
    await panel.locator('input').first().fill(SECRET);
    await panel.locator('input[type=password]').fill(`e2e-token-${Date.now()}-abcdefghij`);
    await panel.locator('button[type=submit]').first().click();
    await expect.poll(() => page.getByTestId('line-status').innerText()).toBe('เชื่อมต่อ LINE แล้ว');
    await expect.poll(() => page.getByTestId('line-usage').innerText()).toMatch(/0 จาก 300/);
    await expect(panel.locator('input').first().inputValue()).resolves.toBe('');

    await panel.locator('select').first().selectOption('executives');
    await panel.getByRole('button', { name: 'สร้างรหัสผูกกลุ่ม' }).click();
    const text = await page.getByTestId('line-code').innerText();
    const code = /\/link ([A-Z0-9]{8})/.exec(text)![1]!;
    await linkWebhook(code, 'Ce2egroup');

    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('admin-tab-line').click();
    const row = page.getByTestId('line-group');
    await expect.poll(() => row.innerText()).toMatch(/Ce2egroup\s+รายงานผู้บริหาร/);
    await row.getByRole('button', { name: 'ยกเลิกการผูก' }).click();
    await expect.poll(() => row.innerText()).toMatch(/ยังไม่ได้ผูก/);
  });
});

describe('a link from a LINE message', () => {
  it('opens in LINE’s in-app browser (no cookies of the user’s browser), signs in there and lands on the linked board, filtered', async () => {
    const groups = (await page.evaluate(async () => (await (await fetch('/api/boards/2567')).json()).groups)) as { id: string; nameTh: string }[];
    const group = groups[1]!;
    // LINE's in-app browser on Android: its own cookie jar, its own user agent.
    const inApp = await browser.newContext({
      userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 Line/14.6.1',
      viewport: { width: 390, height: 800 },
    });
    try {
      const line = await inApp.newPage();
      const link = `${base}/board/2567?group=${encodeURIComponent(group.id)}`;
      await line.goto(link);
      const form = line.getByTestId('sign-in-form');
      await form.locator('input[type=email]').fill('director.admin@demo.local');
      await form.locator('input[type=password]').fill(DEMO_PASSWORD);
      await form.locator('button[type=submit]').click();
      await line.getByTestId('board-toolbar').waitFor();
      expect(new URL(line.url()).pathname).toBe('/board/2567');
      expect(new URL(line.url()).searchParams.get('group')).toBe(group.id);
      await expect.poll(() => line.getByTestId('filter-group').inputValue()).toBe(group.id);
    } finally {
      await inApp.close();
    }
  });
});
