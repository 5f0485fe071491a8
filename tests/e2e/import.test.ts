// The import preview in the browser: an announcement of our own, for another year than typed,
// naming a group the office does not have and one it calls by another name. The administrator
// maps one name to an existing group, creates a group for the other, sees that editing the text
// makes the create button ask for a new preview, confirms the year, and creates the board,
// which holds exactly what the preview showed.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { serverBoard } from './board-helpers';
import { expectAccessible } from './axe';

const base = inject('baseUrl');
const browser = browserForFile();
let page: Page;

// A year below the demo's, so the other browser files still open their default year.
const TEXT = [
  'ประกาศสำนักงานศึกษาธิการจังหวัดพิจิตร',
  'เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๓',
  '',
  '๑. รายงานผลต่อที่ประชุมผู้บริหารทุกไตรมาส และต่อที่ประชุมบุคลากรรอบ ๖ เดือน และ ๑๒ เดือน',
  '',
  'ที่\tมาตรการ\tขั้นตอนการดำเนินงาน\tระยะเวลา\tผู้รับผิดชอบ\tการติดตามผล',
  '๑\tการเผยแพร่ข่าวสาร\t๑) จัดทำจดหมายข่าว ๒) เผยแพร่ทางเว็บไซต์\tไตรมาสที่ ๒\tกลุ่มเผยแพร่ข่าวสาร\t๑) รายงานผล',
  '๒\tการจัดซื้อจัดจ้าง\t๑) ประกาศแผนจัดซื้อ\tภายใน ธันวาคม ๒๕๖๓\tงานพัสดุ และกลุ่มนโยบายและแผน\t๑) รายงานผล',
].join('\n');

async function api<T>(path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

beforeAll(async () => {
  page = await browser.newPage();
  await signIn(page, base, 'admin@demo.local');
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-page').waitFor();
  await page.getByTestId('admin-tab-years').click();
  await page.getByTestId('rollover-mode-import').check();
});

describe('the import preview', () => {
  it('maps an unknown name to a group, creates a group for another, and creates the board', async () => {
    await page.getByTestId('import-text').fill(TEXT);
    await page.getByTestId('import-year').fill('2564');
    await page.getByTestId('import-preview').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/2 มาตรการ 3 ขั้นตอน/);
    const facts = await page.getByTestId('import-facts').innerText();
    expect(facts).toContain('สำนักงานศึกษาธิการจังหวัดพิจิตร');
    expect(facts).toContain('2563'); // the announcement's year, shown beside the one typed
    expect(await page.getByTestId('import-board-year').innerText()).toContain('2564');
    expect(await page.getByTestId('import-schedule').innerText()).toMatch(/ทุกไตรมาส[\s\S]*รอบ 6 เดือนและ 12 เดือน/);
    // Both names need a choice before anything can be created.
    const unresolved = page.getByTestId('import-unresolved');
    expect(await unresolved.innerText()).toMatch(/กลุ่มเผยแพร่ข่าวสาร[\s\S]*งานพัสดุ/);
    const create = page.getByTestId('import-commit');
    expect(await create.isDisabled()).toBe(true);
    await expectAccessible(page, 'import preview with choices and a confirmation');

    // "งานพัสดุ" is the office's กลุ่มอำนวยการ; "กลุ่มเผยแพร่ข่าวสาร" becomes a new group.
    await page.getByTestId('import-choice-1').selectOption({ label: 'กลุ่มอำนวยการ' });
    await expect.poll(() => page.getByTestId('import-measures').innerText()).toMatch(/การจัดซื้อจัดจ้าง — กลุ่มอำนวยการ ร่วมกับ กลุ่มนโยบายและแผน/);
    await page.getByTestId('import-choice-0').selectOption('create');
    await expect.poll(() => page.getByTestId('import-measures').innerText()).toMatch(/การเผยแพร่ข่าวสาร — กลุ่มเผยแพร่ข่าวสาร \(กลุ่มใหม่\)/);
    expect(await page.getByTestId('import-measures').innerText()).toMatch(/ครบกำหนด 31 มี\.ค\. 2564[\s\S]*ครบกำหนด 31 ธ\.ค\. 2563/);

    // The year typed differs from the announcement's: creating needs an explicit confirmation.
    expect(await create.isDisabled()).toBe(true);
    await page.getByTestId('import-confirm-year').check();
    await expect.poll(() => create.isDisabled()).toBe(false);

    // Editing the text after the preview: the create button asks for a new preview instead.
    await page.getByTestId('import-text').fill(TEXT.replace('จัดทำจดหมายข่าว', 'จัดทำจดหมายข่าวรายเดือน'));
    await page.getByTestId('import-stale').waitFor();
    expect(await create.innerText()).toContain('ตรวจสอบอีกครั้ง');
    const years = await api<{ fiscalYears: { beYear: number }[] }>('/api/fiscal-years');
    expect(years.fiscalYears.map((y) => y.beYear)).not.toContain(2564); // nothing was created yet
    await create.click();
    await page.getByTestId('import-stale').waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-measures').innerText()).toContain('จัดทำจดหมายข่าวรายเดือน');
    // The choices survived the new preview; the confirmation is asked again.
    expect(await page.getByTestId('import-measures').innerText()).toMatch(/กลุ่มเผยแพร่ข่าวสาร \(กลุ่มใหม่\)/);
    await page.getByTestId('import-confirm-year').check();
    await create.click();
    await expect.poll(() => page.getByTestId('admin-ok').innerText()).toMatch(/2564.*3/);
    await expect.poll(() => page.getByTestId('fiscal-year-select').inputValue()).toBe('2564');

    // What was created is what the preview showed.
    const { groups } = await api<{ groups: { id: string; nameTh: string }[] }>('/api/admin/groups');
    const id = (name: string) => groups.find((g) => g.nameTh === name)?.id;
    expect(id('กลุ่มเผยแพร่ข่าวสาร')).toBeTruthy();
    const board = await serverBoard(page, 2564);
    expect(board.measures.map((m) => [m.number, m.leadGroupId])).toEqual([
      [1, id('กลุ่มเผยแพร่ข่าวสาร')],
      [2, id('กลุ่มอำนวยการ')],
    ]);
    const cardsOf = (n: number) => board.cards.filter((c) => c.measureId === board.measures.find((m) => m.number === n)!.id);
    expect(cardsOf(1).map((c) => [c.title, c.dueOn]).sort()).toEqual([
      ['จัดทำจดหมายข่าวรายเดือน', '2021-03-31'],
      ['เผยแพร่ทางเว็บไซต์', '2021-03-31'],
    ]);
    expect(cardsOf(2).map((c) => [c.title, c.dueOn, c.groupIds])).toEqual([['ประกาศแผนจัดซื้อ', '2020-12-31', [id('กลุ่มนโยบายและแผน')]]]);
  });

  it("changes a measure's lead group after import, and its cards follow", async () => {
    await page.getByTestId('admin-tab-measures').click();
    const row = page.locator('[data-testid=admin-measure][data-measure-number="1"]');
    await row.waitFor();
    await expectAccessible(page, 'measures panel');
    await row.getByTestId('admin-measure-lead').selectOption({ label: 'กลุ่มนโยบายและแผน' });
    await row.getByTestId('admin-measure-save').click();
    await expect.poll(() => page.getByTestId('admin-ok').innerText()).toMatch(/มาตรการ 1.*2 การ์ด/);
    const { groups } = await api<{ groups: { id: string; nameTh: string }[] }>('/api/admin/groups');
    const plan = groups.find((g) => g.nameTh === 'กลุ่มนโยบายและแผน')!.id;
    const board = await serverBoard(page, 2564);
    const m1 = board.measures.find((m) => m.number === 1)!;
    expect(m1.leadGroupId).toBe(plan);
    expect(board.cards.filter((c) => c.measureId === m1.id).map((c) => c.leadGroupId)).toEqual([plan, plan]);
    // The administrator's page still reads the year as one verified chain of events.
    await page.getByTestId('admin-tab-integrity').click();
    await page.getByTestId('verify-chain').click();
    await expect.poll(() => page.getByTestId('chain-verdict').getAttribute('data-ok')).toBe('true');
  });
});
