// Administration in the browser: adding a user who can then sign in, importing an announcement
// with a preview of its warnings, and verifying the activity log.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, signIn } from './browser';
import { PHICHIT_2567_ANNOUNCEMENT } from '../../worker/seed/announcement-phichit-2567';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
  await signIn(page, base, 'admin@demo.local');
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-page').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

describe('administration', () => {
  it('adds a director, who can then sign in and edit only their group’s cards', async () => {
    const form = page.getByTestId('admin-new-user');
    await form.locator('input[type=email]').fill('new.director@demo.local');
    await form.locator('input:not([type])').first().fill('ผอ.กลุ่มนโยบายและแผน');
    await form.locator('input[type=password]').fill('a-long-password-2567');
    await form.locator('select').first().selectOption('director');
    await form.locator('select').nth(1).selectOption({ label: 'กลุ่มบริหารงานบุคคล' });
    await form.locator('button[type=submit]').click();
    await page.getByTestId('admin-ok').waitFor();
    await page.locator('[data-testid=admin-user][data-email="new.director@demo.local"]').waitFor();

    const other = await browser.newPage();
    await signIn(other, base, 'new.director@demo.local', 'a-long-password-2567');
    await expect.poll(() => other.locator('[data-testid=card]:has([data-testid=move-button])').count()).toBe(4);
    await other.close();
  });

  it('refuses a director without a group, with a bilingual message', async () => {
    const form = page.getByTestId('admin-new-user');
    await form.locator('input[type=email]').fill('nogroup@demo.local');
    await form.locator('input:not([type])').first().fill('ไม่มีกลุ่ม');
    await form.locator('input[type=password]').fill('a-long-password-2567');
    await form.locator('select').first().selectOption('director');
    await form.locator('select').nth(1).selectOption('');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.getByTestId('admin-error').innerText()).toMatch(/ผู้อำนวยการกลุ่มต้องระบุกลุ่มงาน/);
  });

  it('previews an announcement with its warnings, then creates the board', async () => {
    await page.getByTestId('admin-tab-years').click();
    await page.getByTestId('rollover-mode-import').check();
    await page.getByTestId('import-text').fill(PHICHIT_2567_ANNOUNCEMENT);
    // A year below 2567, so the other browser tests still open 2567 by default.
    await page.getByTestId('import-year').fill('2566');
    await page.getByTestId('import-preview').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/7 มาตรการ 21 ขั้นตอน/);
    const warnings = await page.getByTestId('import-warnings').innerText();
    expect(warnings).toContain('อำนาจการ');
    expect(warnings).toMatch(/1\.5/);
    // The announcement is for 2567: another year needs an explicit confirmation.
    await page.getByTestId('import-confirm-year').check();
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('admin-ok').innerText()).toMatch(/2566/);
    await expect.poll(() => page.getByTestId('fiscal-year-select').inputValue()).toBe('2566');
    expect(page.url()).toContain('/admin/2566');
  });

  it('prepares another fiscal year by copying the steps of 2567 without their progress', async () => {
    await page.getByTestId('rollover-mode-copy').check();
    await page.getByTestId('rollover-from').selectOption('2567');
    // Below 2567 again, so that 2567 stays the default year of the other browser tests.
    await page.getByTestId('rollover-to').fill('2565');
    await page.getByTestId('rollover-preview').click();
    await page.getByTestId('rollover-result').waitFor();
    expect(await page.getByTestId('rollover-result').innerText()).toMatch(/21/);
    // Not the year after 2567: creating it waits for the confirmation that due dates move 2 years back.
    expect(await page.getByTestId('rollover-commit').isDisabled()).toBe(true);
    await page.getByTestId('rollover-confirm').check();
    await page.getByTestId('rollover-commit').click();
    await expect.poll(() => page.getByTestId('rollover-ok').innerText()).toMatch(/2565/);
    await expect.poll(() => page.getByTestId('fiscal-year-select').inputValue()).toBe('2565');
    await page.getByTestId('nav-board').click();
    await expect.poll(() => page.locator('[data-testid=column][data-column-key=not_started] [data-testid=card]').count()).toBe(21);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-years').click();
    await page.getByTestId('fiscal-year-select').selectOption('2566');
  });

  it('verifies the activity log of the fiscal year', async () => {
    await page.getByTestId('admin-tab-integrity').click();
    await page.getByTestId('verify-chain').click();
    const verdict = page.getByTestId('chain-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    // The 2566 board was just imported: 21 card.created events and nothing else.
    expect(page.url()).toContain('/admin/2566');
    expect(await verdict.innerText()).toMatch(/ตรวจแล้ว 21 เหตุการณ์/);
  });
});
