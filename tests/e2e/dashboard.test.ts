// The dashboard in Chromium against the real app: an executive sees a bar for each of the seven
// measures, the trend and cumulative-flow charts drawn from the real event log, the figures as
// tables, the large-type option, and the O43 report laid out for A4 printing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { launch, signIn } from './browser';
import { addEvidence, serverBoard } from './board-helpers';

/** Chooses a date in a Buddhist Era date input (components/dates/BeDateInput.tsx). */
async function pickBeDate(page: Page, testId: string, iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  await page.getByTestId(`${testId}-year`).selectOption(String(y + 543));
  await page.getByTestId(`${testId}-month`).selectOption(String(m));
  await page.getByTestId(`${testId}-day`).selectOption(String(d));
}

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

interface Expected {
  /** [done, total] per measure, in measure order. */
  measures: [number, number][];
  percent: string;
  perColumn: number[];
  overdue: number;
}
let expected: Expected;

beforeAll(async () => {
  browser = await launch();
  // A director completes a step first, so the charts have something to show; then the figures
  // the dashboard should show are worked out from the board itself (other suites may share it).
  const director = await browser.newPage();
  await signIn(director, base, 'director.personnel@demo.local');
  const board = await serverBoard(director);
  const done = board.columns.find((c) => c.category === 'done')!;
  const measure4 = board.measures.find((m) => m.number === 4)!;
  const card = board.cards.find((c) => c.measureId === measure4.id && c.columnId !== done.id)!;
  await addEvidence(director, card.id);
  const status = await director.evaluate(async ({ id, move }) => {
    const r = await fetch(`/api/cards/${id}/move`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(move) });
    return r.status;
  }, { id: card.id, move: { toColumnId: done.id, afterCardId: null, beforeCardId: null, version: card.version } });
  if (status !== 200) throw new Error(`move: ${status}`);
  const after = await serverBoard(director);
  const isDone = (c: { columnId: string }) => c.columnId === done.id;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const doneCount = after.cards.filter(isDone).length;
  expected = {
    measures: [...after.measures]
      .sort((a, b) => a.number - b.number)
      .map((m) => {
        const cs = after.cards.filter((c) => c.measureId === m.id);
        return [cs.filter(isDone).length, cs.length] as [number, number];
      }),
    percent: `${Math.round((doneCount / after.cards.length) * 1000) / 10}%`,
    perColumn: after.columns.map((col) => after.cards.filter((c) => c.columnId === col.id).length),
    overdue: after.cards.filter((c) => !isDone(c) && c.dueOn !== null && c.dueOn < today).length,
  };
  await director.close();
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await signIn(page, base, 'executive@demo.local');
});

afterAll(async () => {
  await browser?.close();
});

describe('the dashboard in Chromium', () => {
  it('shows an executive a bar for each of the seven measures, in Thai', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('measure-progress').waitFor();
    expect(page.url()).toContain('/dashboard/2567');
    const bars = page.locator('[data-testid=measure-progress] [data-testid=progress-bar]');
    await expect.poll(() => bars.count()).toBe(7);
    const labels = await bars.evaluateAll((els) => els.map((e) => [e.getAttribute('role'), e.getAttribute('aria-label')]));
    expect(labels.every(([role]) => role === 'img')).toBe(true);
    expected.measures.forEach(([done, total], i) => {
      expect(labels[i]![1]).toMatch(new RegExp(`^มาตรการที่ ${i + 1} .+: เสร็จสิ้น ${done} จาก ${total} ขั้นตอน`));
    });
    // The done share of measure 4 is drawn as wide as its share of the steps.
    const [done4, total4] = expected.measures[3]!;
    expect(done4).toBeGreaterThanOrEqual(1);
    const doneWidth = await page.locator('[data-testid=measure-progress] .bar-row').nth(3).locator('rect.cat-fill-done').getAttribute('width');
    expect(Number(doneWidth)).toBeCloseTo((done4 / total4) * 100, 5);
    expect(await page.getByTestId('overall-percent').innerText()).toBe(expected.percent);
    expect(await page.locator('[data-testid=group-progress] [data-testid=progress-bar]').count()).toBeGreaterThanOrEqual(2);
  });

  it('draws the trend line and the cumulative flow, each with a spoken summary and a table', async () => {
    const trend = page.getByTestId('trend-chart');
    const line = await trend.getByTestId('trend-line').getAttribute('d');
    expect(line).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/);
    expect(await trend.locator('svg[role=img]').getAttribute('aria-label')).toMatch(/ร้อยละของขั้นตอนที่เสร็จสิ้น.*25\d\d/);
    expect(await trend.locator('circle').count()).toBeGreaterThanOrEqual(2);
    const axis = await trend.locator('text.axis-label').allTextContents();
    expect(axis).toContain('100%');
    expect(axis.some((t) => /25\d\d/.test(t))).toBe(true);

    const flow = page.getByTestId('flow-chart');
    const areas = flow.getByTestId('flow-area');
    expect(await areas.count()).toBe(4);
    const box = await flow.locator('svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const [todo, , , doneNow] = expected.perColumn;
    expect(await flow.locator('svg[role=img]').getAttribute('aria-label')).toMatch(new RegExp(`ยังไม่เริ่ม ${todo}.*เสร็จสิ้น ${doneNow}$`));

    await flow.locator('details summary').click();
    const cells = await flow.locator('details tbody tr').last().locator('td').allInnerTexts();
    expect(cells).toEqual(expected.perColumn.map(String));
    // Demo due dates are in 2024: every step not done is overdue.
    expect(expected.overdue).toBeGreaterThan(0);
    expect(await page.getByTestId('overdue-row').count()).toBe(expected.overdue);
  });

  it('switches to large type for a meeting-room screen, and to English', async () => {
    const before = await page.locator('.bar-label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.getByTestId('large-type').click();
    expect(await page.getByTestId('large-type').getAttribute('aria-pressed')).toBe('true');
    const after = await page.locator('.bar-label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    await page.getByTestId('large-type').click();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('#dash-measures').innerText()).toBe('Progress by measure');
    await page.getByTestId('lang-switch').click();
  });

  it('compiles the O43 report for a period, in Thai official layout, ready for A4', async () => {
    await page.getByTestId('dash-tab-o43').click();
    expect(page.url()).toContain('view=o43');
    await pickBeDate(page, 'o43-from', '2023-10-01');
    await pickBeDate(page, 'o43-to', '2024-03-31');
    await page.getByTestId('o43-load').click();
    await expect.poll(() => page.getByTestId('o43-period').innerText()).toBe('ระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 31 มีนาคม 2567');
    const doc = page.getByTestId('o43-document');
    expect(await doc.getByTestId('o43-measure').count()).toBe(7);
    expect(await doc.innerText()).toContain('ประจำปีงบประมาณ พ.ศ. 2567');
    expect(await doc.innerText()).toContain('(ลงชื่อ)');
    // The board was imported after this period: nothing had started by then.
    expect(await doc.locator('tbody tr').first().innerText()).toContain('ยังไม่ได้ดำเนินการ');

    // A period up to today shows the step the director completed.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await pickBeDate(page, 'o43-to', today);
    await page.getByTestId('o43-load').click();
    // Which of measure 4's steps it was depends on what other suites did to the shared board.
    const statuses = doc.getByTestId('o43-measure').nth(3).locator('td.col-status');
    await expect.poll(() => statuses.allInnerTexts()).toContain('เสร็จสิ้น (มีความคืบหน้าในรอบนี้)');
    await expectAccessible(page, 'the O43 report');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.o43-form').isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('staff read the same dashboard', async () => {
    const staff = await browser.newPage();
    await signIn(staff, base, 'staff@demo.local');
    await staff.goto(`${base}/dashboard/2567`);
    await expect.poll(() => staff.locator('[data-testid=measure-progress] [data-testid=progress-bar]').count()).toBe(7);
    await staff.close();
  });
});
