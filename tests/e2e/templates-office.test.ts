// The office's side of parent bodies and templates in Chromium (issue 19): Administration →
// ต้นสังกัด. A generated parent body (not the demo office's: the browser tests' demo office has
// none) invites the demo office; its administrator sees the invitation with its dates, is told in
// Thai and English when it was revoked meanwhile, accepts the next one; adopts the parent's
// template for FY2571 with one responsible name mapped to a group by hand and sees its cards on
// the board; decides a revision change by change (one accepted, one declined, the last through
// "accept all") and sees the board follow; leaves after the confirmation. Directors and staff see
// none of it and the API refuses them.
// FY2571 is a year no other file uses, archived after this file (so the other files keep their
// default year and year menu), and the office leaves the parent body, as the other files expect.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { serverBoard } from './board-helpers';
import { expectAccessible } from './axe';

const base = inject('baseUrl');
const browser = browserForFile();
const YEAR = 2571;

const HEAD = 'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล';
const V1 = [
  HEAD,
  '๑\tเผยแพร่ข้อมูลสาธารณะให้ครบถ้วน\t๑. สำรวจข้อมูลที่ต้องเผยแพร่ ๒. ปรับปรุงเว็บไซต์\tกลุ่มอำนวยการ\t๑. รายงานผลทุกไตรมาส',
  '๒\tส่งเสริมวัฒนธรรมองค์กรโปร่งใส\t๑. จัดกิจกรรมรณรงค์ ๒. สรุปผลกิจกรรม\tงานส่งเสริมคุณธรรมพิเศษ\t๑. รายงานผลกิจกรรม',
].join('\n');
// The revision: measure 1's step 2 reworded, measure 2's step 2 gone, a measure 3 with one step.
const V2 = [
  HEAD,
  '๑\tเผยแพร่ข้อมูลสาธารณะให้ครบถ้วน\t๑. สำรวจข้อมูลที่ต้องเผยแพร่ ๒. ปรับปรุงเว็บไซต์และเพจของหน่วยงาน\tกลุ่มอำนวยการ\t๑. รายงานผลทุกไตรมาส',
  '๒\tส่งเสริมวัฒนธรรมองค์กรโปร่งใส\t๑. จัดกิจกรรมรณรงค์\tงานส่งเสริมคุณธรรมพิเศษ\t๑. รายงานผลกิจกรรม',
  '๓\tรับฟังความคิดเห็นผู้รับบริการ\t๑. เปิดช่องทางรับฟังความคิดเห็น\tกลุ่มนโยบายและแผน\t๑. รายงานสรุป',
].join('\n');

const api = (page: Page, path: string, method = 'GET', body?: unknown) =>
  page.evaluate(
    async ({ path, method, body }) => {
      const r = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body) });
      return { status: r.status, json: (await r.json().catch(() => null)) as any };
    },
    { path, method, body },
  );

let admin: Page;
let parentAdmin: Page;
let parent: { id: string; nameTh: string };
let templateId: string;

async function signedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, base, email);
  return page;
}

async function openParentTab(page: Page) {
  await page.goto(`${base}/admin`);
  await page.getByTestId('admin-tab-parent').click();
  await page.getByTestId('admin-parent').waitFor();
  await page.getByTestId('admin-templates').waitFor();
}

beforeAll(async () => {
  admin = await signedIn('admin@demo.local');
  // Another file may have left the demo office under a parent body: this file starts without one.
  if ((await api(admin, '/api/office/parent')).json.parent) expect((await api(admin, '/api/office/parent/leave', 'POST')).status).toBe(204);
  const seeded = await api(admin, '/api/dev/rollup-bench/seed', 'POST', { offices: 1, measures: 1, steps: 2, eventsPerCard: 3, beYear: 2569 });
  expect(seeded.status).toBe(201);
  parentAdmin = await signedIn(seeded.json.admin.email);
  const own = await api(parentAdmin, '/api/parent');
  parent = { id: own.json.org.id, nameTh: own.json.org.nameTh };
  const imported = await api(parentAdmin, '/api/parent/templates/import', 'POST', { beYear: YEAR, title: 'แม่แบบมาตรการทดสอบ 2571', text: V1 });
  expect(imported.status).toBe(201);
  templateId = imported.json.id;
  expect((await api(parentAdmin, `/api/parent/templates/${templateId}/publish`, 'POST')).status).toBe(201);
});

afterAll(async () => {
  // Leave the demo as the other files expect it: no parent body, FY2571 off the year menu.
  if (!admin) return;
  if ((await api(admin, '/api/office/parent')).json?.parent) await api(admin, '/api/office/parent/leave', 'POST');
  await api(admin, `/api/fiscal-years/${YEAR}/archived`, 'PUT', { archived: true });
});

describe("the office's parent body and its templates, in Administration", () => {
  it('shows an invitation with its dates, says in both languages that a revoked one is closed, and accepts the next', async () => {
    const first = await api(parentAdmin, '/api/parent/invitations', 'POST', { slug: 'phichit-peo' });
    expect(first.status).toBe(201);
    await openParentTab(admin);
    await admin.getByTestId('parent-none').waitFor();
    const row = admin.getByTestId('parent-invitation').filter({ hasText: parent.nameTh });
    await row.waitFor();
    // Sent today and valid 30 days, in Buddhist Era dates and Bangkok time.
    const expected = (ms: number) => new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
    const text = await row.innerText();
    expect(text).toContain(expected(first.json.invitation.createdAt));
    expect(text).toContain(expected(first.json.invitation.expiresAt));
    expect(text).toContain('รอตอบ');
    // Who invites: the parent body and the person who sent it (the generated parent's administrator).
    expect(text).toContain('ส่งโดย ผู้ดูแลต้นสังกัด');

    // The parent revokes it while the page is open and invites again: accepting the old one is refused.
    expect((await api(parentAdmin, `/api/parent/invitations/${first.json.invitation.id}`, 'DELETE')).status).toBe(204);
    expect((await api(parentAdmin, '/api/parent/invitations', 'POST', { slug: 'phichit-peo' })).status).toBe(201);
    await row.getByTestId('parent-invitation-accept').click();
    const refusal = admin.getByTestId('parent-error');
    await expect.poll(() => refusal.innerText()).toContain('ยกเลิก');
    await admin.getByTestId('lang-switch').click();
    await expect.poll(() => refusal.innerText()).toContain('revoked');
    await admin.getByTestId('lang-switch').click();
    await expect.poll(() => refusal.innerText()).toContain('ยกเลิก');
    // The panel read the server again: the revoked one is closed, the new one pending.
    await admin.locator('.po-closed summary').click();
    await expect.poll(() => admin.getByTestId('parent-invitation-closed').first().innerText()).toContain('ผู้เชิญยกเลิกแล้ว');
    expect(await admin.getByTestId('parent-invitation').count()).toBe(1);
    expect(await api(admin, '/api/office/parent').then((r) => r.json.parent)).toBeNull();

    await admin.getByTestId('parent-invitation').getByTestId('parent-invitation-accept').click();
    await expect.poll(() => admin.getByTestId('parent-name').innerText()).toBe(parent.nameTh);
    expect(await admin.getByTestId('parent-ok').innerText()).toContain(parent.nameTh);
    expect(await admin.getByTestId('parent-no-invitations').isVisible()).toBe(true);
    expect((await api(admin, '/api/office/parent')).json.parent.id).toBe(parent.id);
  });

  it("adopts the parent's template with a responsible name mapped to a group, and its cards are on the board", async () => {
    await openParentTab(admin);
    const row = admin.locator(`[data-testid="template-row"][data-year="${YEAR}"]`);
    await expect.poll(() => row.innerText()).toContain('ยังไม่ได้รับ');
    expect(await row.getByTestId('template-publisher').innerText()).toBe(`จาก ${parent.nameTh}`);
    await row.getByTestId('template-adopt').click();
    const form = admin.getByTestId('template-adopt-form');
    await form.waitFor();
    expect(await form.getByTestId('template-board-note').innerText()).toContain(`สร้างกระดานใหม่ของปีงบประมาณ พ.ศ. ${YEAR}`);
    await form.locator('summary').first().click();
    expect(await form.getByTestId('template-measures').innerText()).toContain('สรุปผลกิจกรรม');
    // กลุ่มอำนวยการ is the office's group: suggested. The other name is no group of the office: it blocks until chosen.
    const names = form.getByTestId('template-name');
    expect(await names.count()).toBe(2);
    const lead = (i: number) => form.getByTestId(`template-lead-${i}`);
    expect(await lead(0).locator('option:checked').innerText()).toBe('กลุ่มอำนวยการ');
    expect(await lead(1).inputValue()).toBe('');
    expect(await form.getByTestId('template-adopt-button').isDisabled()).toBe(true);
    await expectAccessible(admin, 'the adoption form');
    await lead(1).selectOption({ label: 'กลุ่มนโยบายและแผน' });
    // And กลุ่มบริหารงานบุคคล takes part.
    await names.nth(1).locator('summary').click();
    await names.nth(1).locator('label.po-check', { hasText: 'กลุ่มบริหารงานบุคคล' }).locator('input').check();
    await form.getByTestId('template-adopt-button').click();
    const done = admin.getByTestId('template-adopted');
    await expect.poll(() => done.innerText()).toContain('2 มาตรการ 4 การ์ด');
    await expect.poll(() => row.innerText()).toContain('รับฉบับที่ 1 แล้ว');

    const board = await serverBoard(admin, YEAR);
    expect(board.cards.map((c) => c.title).sort()).toEqual(['จัดกิจกรรมรณรงค์', 'ปรับปรุงเว็บไซต์', 'สรุปผลกิจกรรม', 'สำรวจข้อมูลที่ต้องเผยแพร่'].sort());
    const group = (name: string) => board.groups.find((g) => g.nameTh === name)!.id;
    const campaign = board.cards.find((c) => c.title === 'จัดกิจกรรมรณรงค์')!;
    expect(campaign.leadGroupId).toBe(group('กลุ่มนโยบายและแผน'));
    expect(campaign.groupIds).toEqual([group('กลุ่มบริหารงานบุคคล')]);
    expect(board.cards.find((c) => c.title === 'ปรับปรุงเว็บไซต์')!.leadGroupId).toBe(group('กลุ่มอำนวยการ'));

    await done.getByTestId('template-open-board').click();
    await admin.waitForURL(new RegExp(`/board/${YEAR}$`));
    await admin.getByTestId('board').waitFor();
    await expect.poll(() => admin.getByTestId('board').innerText()).toContain('สรุปผลกิจกรรม');
  });

  it('reviews a revision change by change: the accepted reach the board, the declined do not', async () => {
    const revised = await api(parentAdmin, '/api/parent/templates/import', 'POST', { beYear: YEAR, text: V2 });
    expect(revised.status).toBe(201);
    expect((await api(parentAdmin, `/api/parent/templates/${templateId}/publish`, 'POST')).json.version).toBe(2);

    await openParentTab(admin);
    const row = admin.locator(`[data-testid="template-row"][data-year="${YEAR}"]`);
    await expect.poll(() => row.innerText()).toContain('ความเปลี่ยนแปลงรอพิจารณา 3 รายการ');
    await row.getByTestId('template-review').click();
    const review = admin.getByTestId('template-review-form');
    const change = (kind: string) => review.locator(`[data-testid="template-change"][data-change="${kind}"]`);
    await change('changed').waitFor();
    expect(await review.getByTestId('template-change').count()).toBe(3);
    // Before and after of the reworded step; the added and removed steps with their text.
    const reworded = await change('changed').innerText();
    expect(reworded).toContain('ปรับปรุงเว็บไซต์');
    expect(reworded).toContain('ปรับปรุงเว็บไซต์และเพจของหน่วยงาน');
    expect(await change('added').innerText()).toContain('เปิดช่องทางรับฟังความคิดเห็น');
    expect(await change('removed').innerText()).toContain('สรุปผลกิจกรรม');
    await expectAccessible(admin, 'the parent body tab with a revision under review');

    await change('changed').getByTestId('template-change-accept').click();
    await expect.poll(() => review.getByTestId('template-review-ok').innerText()).toContain('แก้ไข 1 การ์ด');
    expect(await review.getByTestId('template-review-ok').innerText()).toContain('เหลือรอพิจารณา 2 รายการ');
    await expect.poll(() => review.getByTestId('template-change').count()).toBe(2);

    await change('added').getByTestId('template-change-decline').click();
    await expect.poll(() => review.getByTestId('template-review-ok').innerText()).toContain('ไม่รับ 1 รายการ');
    await expect.poll(() => review.getByTestId('template-change').count()).toBe(1);

    await review.getByTestId('template-accept-all').click();
    await review.getByTestId('template-no-changes').waitFor();
    expect(await review.getByTestId('template-review-ok').innerText()).toContain('เลิกผูกกับแม่แบบ 1 การ์ด');
    await expect.poll(() => row.innerText()).toContain('รับฉบับที่ 2 แล้ว');
    expect(await row.innerText()).toContain('เป็นฉบับล่าสุด');

    // The board: the reworded step renamed, the declined step absent, the removed step kept (unlinked, with its history).
    const board = await serverBoard(admin, YEAR);
    const titles = board.cards.map((c) => c.title);
    expect(titles).toContain('ปรับปรุงเว็บไซต์และเพจของหน่วยงาน');
    expect(titles).not.toContain('ปรับปรุงเว็บไซต์');
    expect(titles).not.toContain('เปิดช่องทางรับฟังความคิดเห็น');
    expect(titles).toContain('สรุปผลกิจกรรม');
    expect(board.cards).toHaveLength(4);
    await admin.goto(`${base}/board/${YEAR}`);
    await expect.poll(() => admin.getByTestId('board').innerText()).toContain('ปรับปรุงเว็บไซต์และเพจของหน่วยงาน');
  });

  it('leaves the parent body after a confirmation that says what it means', async () => {
    await openParentTab(admin);
    await admin.getByTestId('parent-leave').click();
    const confirm = admin.getByTestId('parent-leave-confirm');
    const said = await confirm.innerText();
    expect(said).toContain(parent.nameTh);
    expect(said).toContain('อ่านกระดาน');
    expect(said).toContain('ทันที');
    await confirm.getByTestId('parent-leave-confirm-button').click();
    await admin.getByTestId('parent-none').waitFor();
    expect(await admin.getByTestId('parent-ok').innerText()).toContain(parent.nameTh);
    // Its templates went with it; the adopted board stays.
    await admin.getByTestId('templates-none').waitFor();
    expect((await serverBoard(admin, YEAR)).cards).toHaveLength(4);
    // The parent body no longer reads the office.
    expect((await api(parentAdmin, '/api/parent')).json.offices.some((o: { slug: string }) => o.slug === 'phichit-peo')).toBe(false);
  });

  it('is not shown to a director or staff, and the API refuses them', async () => {
    for (const email of ['director.admin@demo.local', 'staff@demo.local']) {
      const page = await signedIn(email);
      await page.goto(`${base}/admin`);
      await expect.poll(() => page.locator('main').innerText()).toContain('หน้านี้สำหรับผู้ดูแลระบบเท่านั้น');
      expect(await page.getByTestId('admin-tab-parent').count()).toBe(0);
      expect((await api(page, '/api/office/parent')).status).toBe(403);
      expect((await api(page, '/api/office/templates')).status).toBe(403);
      expect((await api(page, `/api/office/templates/${templateId}`)).status).toBe(403);
      expect((await api(page, '/api/office/parent/leave', 'POST')).status).toBe(403);
      await page.context().close();
    }
  });
});
