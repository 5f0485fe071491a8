// Reports in a real browser against the real app (wrangler dev, the demo office's FY2567 board):
// an administrator previews and sends the latest report of the year, the report appears in the
// archive, opens from its link, prints on A4 without the app around it and downloads as CSV;
// a staff member reads it but sees none of the administrators' controls.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { launch, signIn } from './browser';
import { serverBoard } from './board-helpers';

const base = inject('baseUrl');
let browser: Browser;
let reportUrl = '';

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openReports(page: Page, email: string) {
  await signIn(page, base, email);
  await page.goto(`${base}/reports/2567`);
  await page.getByTestId('reports-page').waitFor();
}

describe('monitoring reports in Chromium', () => {
  it('an administrator previews the latest period of FY2567 (the year is long over): nothing is kept', async () => {
    const page = await browser.newPage();
    await openReports(page, 'admin@demo.local');
    await page.getByTestId('report-archive').waitFor();
    expect(await page.getByTestId('report-link').count()).toBe(0);
    await page.getByTestId('report-preview-button').click();
    const doc = page.getByTestId('report-preview').getByTestId('report-document');
    await doc.waitFor();
    expect(await doc.getAttribute('data-period')).toBe('2024-09-H2');
    const text = await doc.innerText();
    expect(text).toContain('สำนักงานศึกษาธิการจังหวัดพิจิตร');
    expect(text).toContain('เสนอที่ประชุมผู้บริหารและผู้อำนวยการกลุ่ม');
    expect(text).toContain('ครึ่งเดือนหลัง 16–30 กันยายน 2567');
    expect(text).toContain('ตัวอย่าง — ยังไม่ได้จัดเก็บหรือส่ง');
    // The demo board was set up after September 2567: every step stood "not started", all overdue
    // but those due on 30 September itself (the period's last day: due that day, not late).
    expect(await doc.getByTestId('report-summary').innerText()).toContain('เสร็จสิ้น 0 จาก 21 ขั้นตอน');
    const late = (await serverBoard(page)).cards.filter((c) => c.dueOn !== null && c.dueOn < '2024-09-30').length;
    expect(late).toBeGreaterThan(0);
    expect(await doc.getByTestId('report-overdue').locator('tbody tr').count()).toBe(late);
    expect(await doc.getByTestId('report-measures').locator('tbody tr').count()).toBe(8); // 7 measures + total
    expect(await page.getByTestId('report-link').count()).toBe(0);
    await page.close();
  });

  it('sends the staff report of September 2567 now: kept, queued for everyone, opened from the archive', async () => {
    const page = await browser.newPage();
    await openReports(page, 'admin@demo.local');
    // What is already waiting in the outbox (another suite may have queued mail before).
    const pendingBefore = await page.evaluate(
      async () => ((await (await fetch('/api/reports/outbox')).json()).messages as { status: string }[]).filter((m) => m.status === 'pending').length,
    );
    await page.getByTestId('report-kind-select').selectOption('staff');
    await page.getByTestId('report-period-select').selectOption('2024-09');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('report-send-button').click();
    const doc = page.getByTestId('report-document');
    await doc.waitFor();
    expect(page.url()).toMatch(/\/reports\/2567\?report=[0-9a-f-]{36}$/);
    reportUrl = page.url();
    expect(await doc.getAttribute('data-kind')).toBe('staff');
    expect(await doc.innerText()).toContain('เดือนกันยายน 2567');
    expect(await doc.getByTestId('report-signatures').innerText()).toMatch(/ลงชื่อ[\s\S]*ตำแหน่ง/);
    await expectAccessible(page, 'a report');

    // Back to the archive: the kept report is listed; the outbox holds one message per member.
    await page.getByTestId('report-back').click();
    await expect.poll(() => page.locator('[data-testid=report-link][data-period="2024-09"]').count()).toBe(1);
    await expectAccessible(page, 'the report archive with a report');
    // Everyone active in the office (other suites may have added, disabled or removed members).
    const members = await page.evaluate(
      async () => ((await (await fetch('/api/admin/accounts')).json()).members as { state: string }[]).filter((m) => m.state === 'active').length,
    );
    expect(members).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator('[data-testid=outbox-row][data-status=pending]').count()).toBe(pendingBefore + members);
    await page.close();
  });

  it('prints on A4 without the app around it: office, title, period, tables, signatures', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'executive@demo.local');
    await page.goto(reportUrl);
    const doc = page.getByTestId('report-document');
    await doc.waitFor();
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const visible = (sel: string) => {
        const el = document.querySelector(sel);
        return !!el && getComputedStyle(el).display !== 'none';
      };
      return { header: visible('.app-header'), nav: visible('.app-nav'), toolbar: visible('.rpt-toolbar'), doc: visible('.rpt-document'), signatures: visible('.memo-signature'), memo: visible('.memo-head') };
    });
    // Printed as an official memo: its head and signature block frame the report.
    expect(shown).toEqual({ header: false, nav: false, toolbar: false, doc: true, signatures: true, memo: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('downloads the CSV with a byte-order mark and Thai content', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'staff@demo.local');
    await page.goto(reportUrl);
    await page.getByTestId('report-document').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    expect(download.suggestedFilename()).toBe('ita-report-staff-2024-09.csv');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toContain('"หน่วยงาน","สำนักงานศึกษาธิการจังหวัดพิจิตร"');
    expect(csv).toContain('"ความก้าวหน้ารายมาตรการ"');
    await page.close();
  });

  it('staff read reports but see no administrators’ controls; the API refuses them too', async () => {
    const page = await browser.newPage();
    await openReports(page, 'staff@demo.local');
    await page.locator('[data-testid=report-link][data-period="2024-09"]').waitFor();
    expect(await page.getByTestId('report-admin').count()).toBe(0);
    expect(await page.getByTestId('report-recipients').count()).toBe(0);
    expect(await page.getByTestId('report-outbox').count()).toBe(0);
    await page.locator('[data-testid=report-link][data-period="2024-09"]').click();
    await page.getByTestId('report-document').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/reports/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ beYear: 2567, kind: 'executive' }) })).status);
    expect(status).toBe(403);
    // Back returns to the archive.
    await page.goBack();
    await page.getByTestId('report-archive').waitFor();
    await page.close();
  });

  it('an administrator adds a recipient with a Thai name, shown as text, and removes it', async () => {
    const page = await browser.newPage();
    await openReports(page, 'admin@demo.local');
    const form = page.getByTestId('recipient-form');
    await form.locator('select').selectOption('executive');
    await form.locator('input[type=email]').fill('secretary@example.go.th');
    await form.locator('input[type=text]').fill('เลขานุการ <img src=x onerror=alert(1)>');
    await page.getByTestId('recipient-add').click();
    const item = page.getByTestId('recipient');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('เลขานุการ <img src=x onerror=alert(1)> <secretary@example.go.th>');
    expect(await page.locator('[data-testid=recipient] img').count()).toBe(0);
    await item.getByRole('button').click();
    await expect.poll(() => item.count()).toBe(0);
    await page.close();
  });
});
