// What `npm start` shows a newcomer, in Chromium against a server of its own (a fresh local D1,
// the demo loaded as `npm start` loads it): the executive signs in and lands on the dashboard of
// the CURRENT fiscal year (the one the seed answered with, computed from today), whose trend has
// more than one point and whose cumulative flow and report archive show the weeks already past.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error plain ES module shared with the npm scripts
import { WRANGLER, run, seedDemo, startWrangler, waitForHealth } from '../../scripts/lib.mjs';
import { browserForFile, signIn } from './browser';
import { serverBoard } from './board-helpers';
import { expectAccessible } from './axe';

const port = Number(process.env.E2E_PORT ?? 8790) + 2;
const base = `http://127.0.0.1:${port}`;
const browser = browserForFile();
let server: { stop: () => void; log: () => string };
let persistTo: string;
let seeded: { seeded: boolean; currentYear: number; years: { beYear: number; cards: number; reports: number }[] };
let page: Page;

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), 'ita-e2e-demo-'));
  run(WRANGLER, ['d1', 'migrations', 'apply', 'ita-board', '--local', '--persist-to', persistTo], { stdio: 'ignore' });
  server = startWrangler({ port, persistTo, vars: { DEMO_SEED: '1' }, quiet: true });
  try {
    await waitForHealth(base);
    seeded = await seedDemo(base);
  } catch (e) {
    console.error(server.log());
    throw e;
  }
  page = await browser.newPage();
}, 120_000);

afterAll(() => {
  server?.stop();
  if (persistTo) rmSync(persistTo, { recursive: true, force: true });
});

describe('the demo `npm start` loads', () => {
  it('is the current fiscal year, computed from today, beside FY 2567', () => {
    const today = new Date(Date.now() + 7 * 3600_000);
    const current = today.getUTCFullYear() + 543 + (today.getUTCMonth() >= 9 ? 1 : 0);
    expect(seeded.seeded).toBe(true);
    expect(seeded.currentYear).toBe(current);
    expect(seeded.years.map((y) => y.beYear)).toEqual([2567, current]);
  });

  it('signs the executive in to that year’s dashboard: a trend of several points, a cumulative flow, overdue steps', async () => {
    await signIn(page, base, 'executive@demo.local');
    await expect.poll(() => page.url()).toContain(`/dashboard/${seeded.currentYear}`);
    const trend = page.getByTestId('trend-chart');
    await trend.waitFor();
    expect(await trend.locator('circle').count()).toBeGreaterThan(1);
    // Cumulative flow: an area per column that has held cards.
    expect(await page.getByTestId('flow-chart').getByTestId('flow-area').count()).toBeGreaterThan(1);
    // The overdue steps the server counts are listed (tests/worker/demo.test.ts: at least two in late November).
    const dash = await page.evaluate(async (y) => (await fetch(`/api/dashboard/${y}`)).json(), seeded.currentYear);
    await expect.poll(() => page.getByTestId('overdue-row').count()).toBe(dash.overdue.length);
    expect(await page.getByTestId('fiscal-year-select').inputValue()).toBe(String(seeded.currentYear));
  });

  it('has a report archive of the periods already past, and cards with a timeline', async () => {
    await page.goto(`${base}/reports/${seeded.currentYear}`);
    await expect.poll(() => page.locator('[data-period]').count()).toBeGreaterThan(0);
    const board = await serverBoard(page, seeded.currentYear);
    const done = board.columns.find((c) => c.category === 'done')!.id;
    const card = board.cards.find((c) => c.columnId === done)!;
    await page.goto(`${base}/board/${seeded.currentYear}?card=${card.id}`);
    await expect.poll(() => page.getByTestId('timeline-entry').count()).toBeGreaterThanOrEqual(4);
  });
});

describe('an administrator on the demo', () => {
  let admin: Page;
  beforeAll(async () => {
    admin = await browser.newPage();
    await signIn(admin, base, 'admin@demo.local');
  });

  it('changes the staff report to quarterly on the Reports page: it applies from the next period', async () => {
    await admin.goto(`${base}/reports/${seeded.currentYear}`);
    const row = admin.getByTestId('schedule-staff');
    await row.waitFor();
    expect(await admin.getByTestId('schedule-staff-select').inputValue()).toBe('monthly');
    expect(await admin.getByTestId('schedule-staff-save').isDisabled()).toBe(true);
    await admin.getByTestId('schedule-staff-select').selectOption('quarterly');
    await admin.getByTestId('schedule-staff-save').click();
    await expect.poll(() => admin.getByTestId('schedule-staff-state').innerText()).toContain('ทุกไตรมาส');
    await expectAccessible(admin, 'the report schedule');
    // Stored as a change from the next month's first day; this month stays monthly.
    const view = await admin.evaluate(async (y) => (await fetch(`/api/reports?beYear=${y}`)).json(), seeded.currentYear);
    const staff = view.schedule.find((s: { audience: string }) => s.audience === 'staff');
    expect(staff).toMatchObject({ cadence: 'monthly', pending: { cadence: 'quarterly' } });
    expect(staff.pending.effectiveFrom).toMatch(/^\d{4}-\d{2}-01$/);
    expect(await admin.getByTestId('schedule-executive-state').innerText()).toBe('ค่าเริ่มต้น (ประกาศไม่ได้ระบุ)');
  });

  it('archives FY 2567 (off the year menu, no delete: it has history) and restores it', async () => {
    await admin.goto(`${base}/admin`);
    await admin.getByTestId('admin-tab-years').click();
    await admin.getByTestId('year-row-2567').waitFor();
    await expectAccessible(admin, 'the fiscal years panel');
    expect(await admin.getByTestId('year-delete-2567').count()).toBe(0);
    await admin.getByTestId('year-archive-2567').click();
    await expect.poll(() => admin.getByTestId('year-state-2567').innerText()).toBe('เก็บถาวร');
    const options = () => admin.getByTestId('fiscal-year-select').locator('option').allTextContents();
    await expect.poll(async () => (await options()).some((o) => o.includes('2567'))).toBe(false);
    const refused = await admin.evaluate(async () => (await fetch('/api/reports/schedule', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ beYear: 2567, audience: 'staff', cadence: 'monthly' }) })).json());
    expect(refused.error.code).toBe('fiscal_year_archived');
    await admin.getByTestId('year-restore-2567').click();
    await expect.poll(() => admin.getByTestId('year-state-2567').innerText()).toBe('ใช้งาน');
    await expect.poll(async () => (await options()).some((o) => o.includes('2567'))).toBe(true);
  });

  it('deletes a year set up by mistake (nothing but its import), after confirming', async () => {
    const later = seeded.currentYear + 1;
    const rolled = await admin.evaluate(
      async ([from, to]) => (await fetch(`/api/fiscal-years/${from}/rollover/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ toBeYear: to }) })).status,
      [seeded.currentYear, later],
    );
    expect(rolled).toBe(201);
    // A fresh start (no year in the address): the year set up for a later date is not the one shown.
    await admin.goto(base);
    await expect.poll(() => admin.url()).toContain(`/${seeded.currentYear}`);
    expect(await admin.getByTestId('fiscal-year-select').inputValue()).toBe(String(seeded.currentYear));
    await admin.goto(`${base}/admin`);
    await admin.getByTestId('admin-tab-years').click();
    await admin.getByTestId(`year-delete-${later}`).waitFor();
    admin.once('dialog', (d) => void d.accept());
    await admin.getByTestId(`year-delete-${later}`).click();
    await expect.poll(() => admin.getByTestId(`year-row-${later}`).count()).toBe(0);
    const years = await admin.evaluate(async () => (await (await fetch('/api/fiscal-years')).json()).fiscalYears.map((y: { beYear: number }) => y.beYear));
    expect(years).toEqual([2567, seeded.currentYear]);
  });
});
