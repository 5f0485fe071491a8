// Rollover into a year that takes an OIT catalogue version of its own (issue 18): Administration's
// preview shows the proposed crosswalk row by row, the administrator corrects a row before
// creating the year, and the year keeps the corrected crosswalk. The year (FY2572) is made for this
// file from the untouched FY2567 and archived after it, so the other files keep their default year.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, pageApi, signIn } from './browser';
import { OIT_26_LIST } from '../worker/fixtures/oit-26-items';

const base = inject('baseUrl');
const YEAR = 2572;
let browser: Browser;
let admin: Page;

const api = pageApi;

beforeAll(async () => {
  browser = await launch();
  admin = await browser.newPage();
  await signIn(admin, base, 'admin@demo.local');
  // A version of 26 items, named for FY2572 before the year exists.
  const kept = await api(admin, '/api/catalogues', 'POST', { name: 'OIT ทดสอบ 2572 (26 ข้อ)', source: 'e2e', text: OIT_26_LIST });
  expect(kept.status, JSON.stringify(kept.json)).toBe(201);
  const named = await api(admin, `/api/catalogues/${kept.json.catalogue.id}/apply`, 'POST', { beYear: YEAR });
  expect(named.status, JSON.stringify(named.json)).toBe(200);
});

afterAll(async () => {
  if (admin) await api(admin, `/api/fiscal-years/${YEAR}/archived`, 'PUT', { archived: true });
  await browser?.close();
});

describe('rollover with a crosswalk in Chromium', () => {
  it('shows the proposed crosswalk, takes a corrected row, and the new year keeps it', async () => {
    await admin.goto(`${base}/admin`);
    await admin.getByTestId('admin-tab-years').click();
    const panel = admin.getByTestId('rollover-panel');
    await panel.getByTestId('rollover-from').selectOption('2567');
    await panel.getByTestId('rollover-to').fill(String(YEAR));
    await panel.getByTestId('rollover-preview').click();
    const crosswalk = panel.getByTestId('rollover-crosswalk');
    await crosswalk.waitFor();
    const row = (code: string) => crosswalk.locator(`[data-testid="crosswalk-row"][data-code="${code}"]`);
    expect(await crosswalk.getByTestId('crosswalk-row').count()).toBe(43);
    // Proposed from similar titles, with the score shown; O34's proposal corrected by hand, O43's emptied.
    expect(await row('O43').getByTestId('crosswalk-choice').inputValue()).toBe('O26');
    expect(await row('O43').innerText()).toContain('0.81');
    await row('O34').getByTestId('crosswalk-choice').selectOption('O24');
    await row('O43').getByTestId('crosswalk-choice').selectOption('');
    await panel.getByTestId('rollover-confirm').check();
    await panel.getByTestId('rollover-commit').click();
    await expect.poll(() => admin.getByTestId('rollover-ok').innerText().catch(() => '')).toContain(String(YEAR));

    const list = (await api(admin, '/api/catalogues', 'GET')).json as { years: { beYear: number; exists: boolean; items: number; unmapped: { code: string }[] }[] };
    const year = list.years.find((y) => y.beYear === YEAR)!;
    expect(year).toMatchObject({ exists: true, items: 26 });
    const unmapped = year.unmapped.map((u) => u.code);
    // The row emptied by hand is without a new code; the one corrected by hand is mapped.
    expect(unmapped).toContain('O43');
    expect(unmapped).not.toContain('O34');
  });
});
