// The roll-up page in Chromium (issue 19): a generated parent body of 40 offices; its oversight
// user opens Roll-up from the menu and sees every office (only those in view drawn), the totals,
// the most-behind list, filters by an attribute the parent set, sorts, and reads each cell without
// colour (a symbol and numbers). An office's administrator gets the refusal, not the table.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, signIn } from './browser';
import { expectAccessible } from './axe';

const base = inject('baseUrl');
const browser = browserForFile();

async function seedParent() {
  const page = await browser.newPage();
  await signIn(page, base, 'admin@demo.local');
  const body = await page.evaluate(async () => {
    const r = await fetch('/api/dev/rollup-bench/seed', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offices: 40, measures: 4, steps: 10, eventsPerCard: 3, beYear: 2570, officeAdmins: 1 }),
    });
    return { status: r.status, json: await r.json() };
  });
  await page.close();
  if (body.status !== 201) throw new Error(`seed: ${body.status} ${JSON.stringify(body.json)}`);
  return body.json as { oversight: { email: string }; officeAdmins: { email: string }[] };
}

describe('the roll-up page', () => {
  it('shows every office × measure with symbols and numbers, totals, most behind; filters and sorts', async () => {
    const parent = await seedParent();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, base, parent.oversight.email);
    await page.getByTestId('nav-rollup').click();
    await page.waitForURL(/\/rollup/);
    if (!/\/rollup\/\d{4}/.test(page.url())) await page.goto(`${base}/rollup/2570`);
    const rows = page.getByTestId('rollup-row');
    await rows.first().waitFor();
    await expect.poll(() => page.getByTestId('rollup-shown').textContent()).toContain('40');
    // Only the rows in view (and a few more) are drawn.
    expect(await rows.count()).toBeLessThan(40);
    await expect.poll(() => page.getByTestId('rollup-totals').textContent()).toContain('400');
    expect(await page.getByTestId('rollup-behind').locator('li').count()).toBeGreaterThan(0);
    // Every cell reads without colour: a symbol and its numbers.
    const cell = await rows.first().locator('td').first().textContent();
    expect(cell).toMatch(/[●▲■–]/);
    expect(cell).toMatch(/\d+%/);
    // Filter by an attribute the parent set on its offices.
    await page.getByTestId('rollup-filter-region').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('rollup-shown').textContent()).toMatch(/10/);
    // Sort by name.
    await page.getByRole('button', { name: /เรียงตาม หน่วยงาน/ }).click();
    const names = await rows.locator('th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'th')));
    await expectAccessible(page, 'the roll-up page');
    await page.close();
  });

  it("answers an office's administrator with the refusal", async () => {
    const parent = await seedParent();
    const page = await browser.newPage();
    await signIn(page, base, parent.officeAdmins[0]!.email);
    expect(await page.getByTestId('nav-rollup').count()).toBe(0);
    await page.goto(`${base}/rollup/2570`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();
    expect(await page.getByTestId('rollup-row').count()).toBe(0);
    await page.close();
  });
});
