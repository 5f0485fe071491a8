// OIT catalogue versions in Chromium (issue 18, part 1): an administrator pastes a 26-item list
// (`O1 โครงสร้าง` lines; a bad line first, refused with its line named), keeps it with its source,
// and moves a fiscal year onto it through the crosswalk: the proposed codes with their scores,
// one row corrected by hand, the evidence without a counterpart confirmed; the evidence is
// re-coded and the page shows the new list, its source and the old items left unmapped.
// The year is FY2568, rolled over from the untouched FY2567 for this file and archived after it,
// so the other files keep FY2567's shipped catalogue and their default year.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { launch, pageApi, signIn } from './browser';
import { serverBoard } from './board-helpers';
import { OIT_26_LIST } from '../worker/fixtures/oit-26-items';

const base = inject('baseUrl');
let browser: Browser;
let admin: Page;

const api = pageApi;

beforeAll(async () => {
  browser = await launch();
  admin = await browser.newPage();
  await signIn(admin, base, 'admin@demo.local');
  expect((await api(admin, '/api/fiscal-years/2567/rollover/commit', 'POST', { toBeYear: 2568 })).status).toBe(201);
  const board = await serverBoard(admin, 2568);
  const [a, b, c] = board.cards;
  for (const [card, code] of [[a!, 'O43'], [b!, 'O34'], [c!, 'O40']] as const) {
    const r = await api(admin, `/api/cards/${card.id}/evidence`, 'POST', { url: `https://phichit.example.go.th/${code.toLowerCase()}`, note: '', oitCode: code });
    expect(r.status).toBe(201);
  }
});

afterAll(async () => {
  if (admin) await api(admin, '/api/fiscal-years/2568/archived', 'PUT', { archived: true });
  await browser?.close();
});

describe('OIT catalogue versions', () => {
  it('an administrator imports a pasted list for a year and confirms a crosswalk', async () => {
    await admin.goto(`${base}/oit/2568`);
    const panel = admin.getByTestId('oit-versions');
    await expect.poll(() => panel.getByTestId('oit-version-current').innerText()).toContain('OIT 2566–2567 (43 ข้อ)');
    expect(await panel.getByTestId('oit-version-current').innerText()).toContain('oit-items-2567.tsv');

    // A line without a code is named and nothing can be saved.
    const form = panel.getByTestId('catalogue-new');
    await form.getByTestId('catalogue-name').fill('OIT 2569 (26 ข้อ)');
    await form.getByTestId('catalogue-source').fill('https://example.go.th/oit-2569');
    await form.getByTestId('catalogue-text').fill(`โครงสร้าง ไม่มีรหัส\n${OIT_26_LIST}`);
    await form.getByTestId('catalogue-check').click();
    await expect.poll(() => form.getByTestId('catalogue-line-errors').innerText()).toContain('บรรทัด 1');
    expect(await form.getByTestId('catalogue-keep').isDisabled()).toBe(true);

    await form.getByTestId('catalogue-text').fill(OIT_26_LIST.replace('O25 ', 'O๒๕. '));
    await form.getByTestId('catalogue-check').click();
    await expect.poll(() => form.getByTestId('catalogue-checked').innerText()).toContain('อ่านได้ 26 ข้อ');
    await form.getByTestId('catalogue-keep').click();
    await expect.poll(() => form.getByTestId('catalogue-new-ok').innerText()).toContain('OIT 2569 (26 ข้อ)');

    // The crosswalk for FY2568: proposed codes with scores; O34's proposal corrected to O24.
    const apply = panel.getByTestId('catalogue-apply');
    await expect.poll(() => apply.getByTestId('catalogue-version').inputValue()).not.toBe('shipped-2567');
    expect(await apply.getByTestId('catalogue-year').inputValue()).toBe('2568');
    await apply.getByTestId('catalogue-plan').click();
    const row = (code: string) => apply.locator(`[data-testid="crosswalk-row"][data-code="${code}"]`);
    await expect.poll(() => apply.getByTestId('crosswalk-row').count()).toBe(43);
    expect(await row('O43').getByTestId('crosswalk-choice').inputValue()).toBe('O26');
    expect(await row('O43').innerText()).toContain('0.81');
    expect(await row('O34').getByTestId('crosswalk-choice').inputValue()).toBe('O21');
    expect(await apply.getByTestId('crosswalk-lost').innerText()).toContain('O40');
    await row('O34').getByTestId('crosswalk-choice').selectOption('O24');
    await expectAccessible(admin, 'the OIT page with the crosswalk');

    // O40 has no counterpart: applying waits for the confirmation.
    const confirm = apply.getByTestId('catalogue-apply-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await apply.getByTestId('crosswalk-confirm').check();
    await confirm.click();
    await expect.poll(() => apply.getByTestId('catalogue-applied').innerText()).toContain('เปลี่ยนรหัสหลักฐาน 2 ลิงก์');
    expect(await apply.getByTestId('catalogue-applied').innerText()).toContain('O40');

    // The page now reads the new list, names its source, and keeps the unmapped in sight.
    await expect.poll(() => admin.getByTestId('oit-item').count()).toBe(26);
    await expect.poll(() => panel.getByTestId('oit-version-current').innerText()).toContain('OIT 2569 (26 ข้อ)');
    expect(await panel.getByTestId('oit-version-current').innerText()).toContain('https://example.go.th/oit-2569');
    expect(await panel.getByTestId('oit-unmapped').innerText()).toContain('O40');
    expect(await admin.locator('[data-testid="oit-item"][data-code="O26"]').innerText()).toContain('phichit.example.go.th/o43');
    expect(await admin.locator('[data-testid="oit-item"][data-code="O24"]').innerText()).toContain('phichit.example.go.th/o34');
    const codes = (await api(admin, '/api/oit/2568', 'GET')).json as { unmatched: { oitCode: string }[] };
    expect(codes.unmatched.map((u) => u.oitCode)).toEqual(['O40']);
  });
});
