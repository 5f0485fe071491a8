// The OIT submission in Chromium against the real app (wrangler dev, the demo office's FY2567
// board): an administrator opens it from the OIT page, edits an item (website page, explanation,
// who asked for it, with a Buddhist Era date), downloads the CSV (BOM, the item's row), opens the
// item's publish-permission form and prints it on exactly one A4 page, then prints every item's
// form: one A4 page per item. An executive reads the page but edits nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { expectAccessible } from './axe';

const base = inject('baseUrl');
const browser = browserForFile();

/** What poppler reads back from a printed PDF: its page count, page size and text. */
function readPdf(pdf: Buffer): { pages: number; size: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ita-permit-'));
  const file = join(dir, 'forms.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
    size: /^Page size:\s+(.*)$/m.exec(info)![1]!,
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  };
}

async function openSubmission(page: Page, email: string) {
  await signIn(page, base, email);
  await page.goto(`${base}/oit/2567`);
  await page.getByTestId('oit-submission-link').click();
  await page.getByTestId('submission-page').waitFor();
  await page.getByTestId('sub-item').first().waitFor();
  expect(new URL(page.url()).pathname).toBe('/submission/2567');
}

const item = (page: Page, code: string) => page.locator(`[data-testid=sub-item][data-code="${code}"]`);

describe('the OIT submission in Chromium', () => {
  it('an administrator edits an item, downloads the CSV, and prints its form on one A4 page, then all forms one page each', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await openSubmission(page, 'admin@demo.local');
    const items = await page.getByTestId('sub-item').count();
    expect(items).toBeGreaterThan(20);
    await expectAccessible(page, 'the OIT submission page');

    // Edit O1: the website page, an explanation, the person responsible with a BE date.
    const o1 = item(page, 'O1');
    await o1.getByTestId('sub-edit').click();
    const editor = o1.getByTestId('sub-editor');
    await editor.getByTestId('sub-page-url').fill('not a link');
    await editor.getByTestId('sub-save').click();
    await expect.poll(() => editor.getByTestId('sub-error').innerText()).toContain('https://');
    await editor.getByTestId('sub-page-url').fill('https://phichit.example.go.th/ita/o1-structure');
    await editor.getByTestId('sub-explanation').fill('=โครงสร้างสำนักงาน "ฉบับปี 2567" เผยแพร่ที่หน้าเกี่ยวกับเรา');
    await editor.getByTestId('sub-published-info').fill('แผนผังโครงสร้างการแบ่งส่วนราชการและอำนาจหน้าที่');
    await editor.getByTestId('sub-requester-name').fill('นางสาวสมใจ ใจดี');
    await editor.getByTestId('sub-requester-position').fill('นักวิชาการศึกษาชำนาญการ');
    await editor.getByTestId('sub-requester-date-year').selectOption('2567');
    await editor.getByTestId('sub-requester-date-month').selectOption('3');
    await editor.getByTestId('sub-requester-date-day').selectOption('15');
    await editor.getByTestId('sub-approver-name').fill('นายสมชาย รักงาน');
    await editor.getByTestId('sub-approver-position').fill('ศึกษาธิการจังหวัดพิจิตร');
    await editor.getByTestId('sub-save').click();
    await page.getByTestId('sub-page-ok').waitFor();
    expect(await o1.getByTestId('sub-editor').count()).toBe(0);
    expect(await o1.getByTestId('sub-page').innerText()).toContain('https://phichit.example.go.th/ita/o1-structure');
    expect(await o1.getByTestId('sub-explanation-text').innerText()).toContain('ฉบับปี 2567');

    // Kept: a reload shows it from the server.
    await page.reload();
    await item(page, 'O1').getByTestId('sub-page').waitFor();
    expect(await item(page, 'O1').getByTestId('sub-page').innerText()).toContain('o1-structure');

    // The CSV: a BOM, the header, the item's row with its page and explanation (formula neutralised).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sub-csv').click()]);
    expect(download.suggestedFilename()).toBe('oit-submission-phichit-peo-2567.csv');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('"รหัสข้อ","ชื่อข้อ","หน้าเว็บไซต์ของหน่วยงานที่ตอบข้อนี้","ที่อยู่หลักฐาน","คำอธิบาย","สถานะลิงก์"');
    expect(csv).toContain('"https://phichit.example.go.th/ita/o1-structure"');
    expect(csv).toContain(`"'=โครงสร้างสำนักงาน ""ฉบับปี 2567"" เผยแพร่ที่หน้าเกี่ยวกับเรา"`);

    // The form of O1: on screen as a sheet, then printed: exactly one A4 page with its content.
    await item(page, 'O1').getByTestId('sub-form').click();
    const sheets = page.getByTestId('permit-sheet');
    await sheets.first().waitFor();
    expect(await sheets.count()).toBe(1);
    const sheet = sheets.first();
    expect(await sheet.getByTestId('permit-topic').innerText()).toContain('O1');
    expect(await sheet.getByTestId('permit-url').innerText()).toBe('https://phichit.example.go.th/ita/o1-structure');
    expect(await sheet.getByTestId('permit-requester').innerText()).toContain('15 มีนาคม 2567');
    await expectAccessible(page, 'a publish-permission form');
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ['.app-header', '.app-nav', '.permit-toolbar', '.sub-items', '.permit-sheet'].map((s) => document.querySelector(s)!.checkVisibility()));
    expect(shown).toEqual([false, false, false, false, true]);
    await page.emulateMedia({ media: null });
    const one = readPdf(await page.pdf({ preferCSSPageSize: true }));
    expect(one.pages, one.text.split('\f').map((p, i) => `--- page ${i + 1}\n${p}`).join('\n')).toBe(1);
    expect(one.size).toContain("(A4)");
    // pdftotext lays the text out as printed: compare without the spaces and line breaks of the layout.
    const flat = one.text.replace(/\s+/g, '');
    expect(flat).toContain('แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน');
    expect(flat).toContain('https://phichit.example.go.th/ita/o1-structure');
    expect(one.text).toContain('นางสาวสมใจ ใจดี');
    expect(one.text).toContain('ผู้อนุมัติรับรอง');
    expect(one.text).toContain('ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่');
    expect(one.text).not.toContain('ดาวน์โหลด CSV');

    // Print all: the browser's print dialog opens (stubbed here), and every item is one A4 page.
    await page.getByTestId('permit-close').click();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByTestId('sub-print-all').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.getByTestId('permit-sheet').count()).toBe(items);
    const all = readPdf(await page.pdf({ preferCSSPageSize: true }));
    expect(all.pages).toBe(items);
    expect(all.text.split('\f').filter((p) => p.replace(/\s+/g, '').includes('แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน')).length).toBe(items);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an executive reads the submission and prints forms, but edits nothing', async () => {
    const page = await browser.newPage();
    await openSubmission(page, 'executive@demo.local');
    expect(await page.getByTestId('sub-edit').count()).toBe(0);
    expect(await page.getByTestId('sub-form').count()).toBeGreaterThan(20);
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/oit/2567/submission/O2', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: 0, pageUrl: null, explanation: null, publishedInfo: '', requester: { name: '', position: '', date: null }, approver: { name: '', position: '', date: null }, poster: { name: '', position: '', date: null } }),
      });
      return r.status;
    });
    expect(status).toBe(403);
    await page.close();
  });
});
