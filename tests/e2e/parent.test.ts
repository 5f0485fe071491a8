// A parent body's pages in Chromium (issue 19): its administrator imports a template and publishes
// it, invites an office by its slug (the office accepts through the API, as its administrator),
// sets an attribute (a value that looks like markup shows as text); its oversight user opens the
// roll-up, clicks an office, reads its board (read-only: nothing to drag, the drag says why, no
// Roll-up in that office's menu), goes back to the parent body, opens an office from a link in a
// new tab, and sees the parent's page without any control that changes it. Two generated parent
// bodies of their own (POST /api/dev/rollup-bench/seed): the demo office is left as it is.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { cardOnScreen, mouseDrag } from './board-helpers';
import { expectAccessible } from './axe';

const base = inject('baseUrl');
const browser = browserForFile();

type Seeded = { parentId: string; officeIds: string[]; oversight: { email: string }; admin: { email: string }; officeAdmins: { email: string; orgId: string }[] };

/** A call of the API from the page (same origin, the page's session), its status and JSON. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ([method, path, body]) => {
      const r = await fetch(path as string, { method: method as string, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: r.status, json: r.status === 204 ? null : await r.json() };
    },
    [method, path, body] as const,
  );
}

async function seedParent(page: Page, offices: number): Promise<Seeded> {
  const r = await api(page, 'POST', '/api/dev/rollup-bench/seed', { offices, measures: 2, steps: 4, eventsPerCard: 3, beYear: 2570, officeAdmins: 1 });
  if (r.status !== 201) throw new Error(`seed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json as Seeded;
}

/** A page of its own (its own cookies) signed in as `email`. */
async function pageAs(email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  // A wait that fails names what it waited for (the test's own limit would name nothing).
  page.setDefaultTimeout(15_000);
  // A dialog would mean a typed value ran as script.
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await signIn(page, base, email);
  return page;
}

const slugOf = (orgId: string) => `office-${orgId.replace(/-o\d+$/, '')}-${orgId.match(/-o(\d+)$/)![1]}`;

const TEMPLATE = [
  'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล',
  '๑\tเผยแพร่ข้อมูลสาธารณะ\t๑. สำรวจข้อมูล ๒. ปรับปรุงเว็บไซต์\tกลุ่มอำนวยการ\t๑. รายงานทุกไตรมาส',
  '๒\tป้องกันผลประโยชน์ทับซ้อน\t๑. ประกาศนโยบาย ๒. อบรมบุคลากร ๓. รายงานผล\tกลุ่มบริหารงานบุคคล\t๑. รายงานผลการอบรม',
].join('\n');
const MARKUP = '<img src=x onerror=alert(1)>';

describe("a parent body's pages", () => {
  it('administrator: template imported and published, an office invited by slug and joined, an attribute set (shown as text)', async () => {
    const demo = await pageAs('admin@demo.local');
    const parent = await seedParent(demo, 3);
    // A second parent body whose office leaves it: an organisation without a parent, to invite.
    const other = await seedParent(demo, 1);
    await demo.context().close();
    const outsider = other.officeAdmins[0]!;
    const office = await pageAs(outsider.email);
    expect((await api(office, 'POST', '/api/office/parent/leave')).status).toBe(204);

    const page = await pageAs(parent.admin.email);
    // A parent body's menu: its offices, the roll-up and (its administrators) its users, nothing of an office's; it starts on the roll-up.
    expect(await page.getByTestId('nav').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')))).toEqual(['nav-parent', 'nav-rollup', 'nav-admin']);
    await page.waitForURL(/\/rollup\/2570$/);
    await page.getByTestId('nav-parent').click();
    await page.getByTestId('parent-page').waitFor();
    await expect.poll(() => page.getByTestId('office-row').count()).toBe(3);

    // Import a template for 2571 and publish it.
    const form = page.getByTestId('template-import');
    await form.getByTestId('template-year').fill('2571');
    await form.getByTestId('template-title').fill('แม่แบบทดสอบ 2571');
    await form.getByTestId('template-text').fill(TEMPLATE);
    await form.getByTestId('template-import-submit').click();
    const result = form.getByTestId('template-import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('2 มาตรการ 5 ขั้นตอน');
    expect(await result.textContent()).toMatch(/ยังไม่เผยแพร่ \d+ รายการ/);
    await result.getByTestId('template-publish-now').click();
    await expect.poll(() => result.getByTestId('template-publish-ok').textContent()).toContain('เผยแพร่ฉบับที่ 1 แล้ว');
    const row = page.getByTestId('template-row').filter({ hasText: 'แม่แบบทดสอบ 2571' });
    await expect.poll(() => row.getByTestId('template-version').textContent()).toMatch(/^ฉบับที่ 1 \(\d+ [^\s]+ 25\d\d \d\d:\d\d\)$/);
    // Publishing again: nothing changed, said as a notice, not an error.
    await row.getByTestId('template-publish').click();
    await expect.poll(() => row.getByTestId('template-row-ok').textContent()).toContain('ไม่มีอะไรต้องเผยแพร่');

    // Invite: an unknown slug is refused (404), the outsider is invited, inviting it again is refused (409).
    const invite = page.getByTestId('invite-form');
    await invite.getByTestId('invite-slug').fill('no-such-office');
    await invite.getByTestId('invite-send').click();
    await expect.poll(() => page.getByTestId('invite-error').textContent()).toBeTruthy();
    const slug = slugOf(outsider.orgId);
    await invite.getByTestId('invite-slug').fill(slug);
    await invite.getByTestId('invite-send').click();
    await expect.poll(() => page.getByTestId('invite-ok').textContent()).toMatch(/ส่งคำเชิญถึง .+ แล้ว หมดอายุ \d+ [^\s]+ 25\d\d/);
    const invitation = page.getByTestId('invitation-row').filter({ hasText: slug });
    await expect.poll(() => invitation.getByTestId('invitation-status').textContent()).toBe('รอการตอบรับ');
    await invite.getByTestId('invite-slug').fill(slug);
    await invite.getByTestId('invite-send').click();
    await expect.poll(() => page.getByTestId('invite-error').textContent()).toBeTruthy();

    // An attribute whose value looks like markup: kept and shown as the text it is. A name twice is refused here.
    const first = page.getByTestId('office-row').first();
    await first.getByTestId('office-edit').click();
    const attrs = first.getByTestId('attributes-form');
    const keys = attrs.getByTestId('attr-key');
    const had = await keys.count(); // the generated region and size
    await attrs.getByTestId('attr-add').click();
    await keys.nth(had).fill('ภาค');
    await attrs.getByTestId('attr-value').nth(had).fill(MARKUP);
    await attrs.getByTestId('attr-add').click();
    await keys.nth(had + 1).fill('ภาค');
    await attrs.getByTestId('attr-value').nth(had + 1).fill('กลาง');
    await attrs.getByTestId('attr-save').click();
    await expect.poll(() => attrs.getByTestId('attributes-error').textContent()).toContain('ซ้ำ');
    await attrs.getByRole('button', { name: `ลบคุณลักษณะที่ ${had + 2}` }).click();
    await attrs.getByTestId('attr-save').click();
    await expect.poll(() => page.getByTestId('offices-ok').textContent()).toContain('บันทึกคุณลักษณะ');
    await expect.poll(() => first.getByTestId('office-attributes').textContent()).toContain(`ภาค: ${MARKUP}`);
    expect(await page.locator('[data-testid=office-attributes] img').count()).toBe(0);

    // The office accepts (its side of the tree, through the API as its administrator).
    const received = await api(office, 'GET', '/api/office/parent');
    const pending = (received.json.invitations as { id: string; status: string }[]).find((i) => i.status === 'pending')!;
    expect((await api(office, 'POST', `/api/office/invitations/${pending.id}/accept`)).status).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('office-row').count()).toBe(4);
    await expect.poll(() => page.getByTestId('invitation-row').filter({ hasText: slug }).getByTestId('invitation-status').textContent()).toBe('ตอบรับแล้ว');
    // The log, newest first: the join.
    await expect.poll(() => page.getByTestId('log-entry').first().textContent()).toMatch(/เข้าสังกัด$/);
    await expectAccessible(page, "the parent body's page");
    await page.context().close();
    await office.context().close();
  });

  it('oversight: roll-up → an office read-only → back; a link in a new tab; the page without controls', async () => {
    const demo = await pageAs('admin@demo.local');
    const parent = await seedParent(demo, 3);
    await demo.context().close();
    // Every card of the offices' boards the page ever draws, from its very first frame.
    const page = await pageAs(parent.oversight.email);
    await page.context().addInitScript(() => {
      const seen: string[] = ((window as unknown as { seenCards: string[] }).seenCards = []);
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-card-id]')) seen.push(el.getAttribute('data-card-id')!);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.waitForURL(/\/rollup\/2570$/);
    const rows = page.getByTestId('rollup-row');
    await rows.first().waitFor();

    const openFromRollup = async (n: number) => {
      const link = rows.nth(n).locator('th a');
      const name = (await link.textContent())!;
      await link.click();
      await page.getByTestId('read-only-banner').waitFor();
      expect(new URL(page.url()).pathname).toBe('/board/2570');
      return name;
    };
    const name = await openFromRollup(0);
    await expect.poll(() => page.getByTestId('read-only-banner').textContent()).toContain(`อ่านอย่างเดียว: ${name} ในสังกัด หน่วยงานต้นสังกัดทดสอบ`);
    // The office's menu, without the roll-up (it would refuse there).
    expect(await page.getByTestId('nav').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')))).toEqual(['nav-board', 'nav-dashboard', 'nav-reports', 'nav-oit']);
    // The parent body's pages, typed in the office: its board (the office has none of them).
    await page.goto(`${base}/rollup/2570`);
    await page.waitForURL(/\/board\/2570$/);
    await page.getByTestId('read-only-banner').waitFor();
    // Read-only: no card to drag, no "move to" menu; a drag says why.
    const card = page.getByTestId('card').first();
    await card.waitFor();
    expect(await page.locator('[data-testid=card].is-draggable').count()).toBe(0);
    expect(await page.getByRole('button', { name: /ย้ายไป/ }).count()).toBe(0);
    await page.locator('html[data-read-only-watch]').waitFor({ state: 'attached' });
    const box = (await cardOnScreen(page, (await card.getAttribute('data-card-id'))!).boundingBox())!;
    await mouseDrag(page, { x: box.x + box.width / 2, y: box.y + 20 }, { x: box.x + box.width * 2, y: box.y + 20 });
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('เปิดดูหน่วยงานนี้จากหน่วยงานต้นสังกัด');
    const firstOffice = (await card.getAttribute('data-card-id'))!.split('-').slice(0, 2).join('-');

    // Back to the parent body: its roll-up.
    await page.getByTestId('back-to-parent').click();
    await page.waitForURL(/\/rollup\/2570$/);
    await rows.first().waitFor();
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);

    // Another office of the same year: its board, never the first office's kept from before.
    await openFromRollup(1);
    await page.getByTestId('card').first().waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seenCards: string[] }).seenCards);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((id) => id.startsWith(`${firstOffice}-`))).toEqual([]);
    await page.getByTestId('back-to-parent').click();
    await page.waitForURL(/\/rollup\/2570$/);

    // A link into an office opened in a new tab (same browser, same session): that office, read-only, the parameter dropped.
    const slug = slugOf(parent.officeIds[2]!);
    const tab = await page.context().newPage();
    await tab.goto(`${base}/board/2570?office=${slug}`);
    await tab.getByTestId('read-only-banner').waitFor();
    expect(tab.url()).toBe(`${base}/board/2570`);
    expect(await tab.locator('.office-name').textContent()).toBe('สำนักงานทดสอบที่ 3');
    await tab.getByTestId('back-to-parent').click();
    await tab.waitForURL(/\/rollup\/2570$/);
    await tab.close();

    // The parent's page, read-only for oversight: no invitation, attribute, import or publish control.
    await page.goto(`${base}/parent`);
    await page.getByTestId('office-row').first().waitFor();
    await page.getByTestId('parent-read-only').waitFor();
    for (const id of ['invite-form', 'template-import', 'template-publish', 'office-edit', 'invitation-revoke']) expect(await page.getByTestId(id).count()).toBe(0);
    expect(await page.getByTestId('office-open').count()).toBe(3);
    await page.context().close();
  });

  it("administrator: adds an oversight user in Administration (a parent body's roles only), who then reads the roll-up", async () => {
    const demo = await pageAs('admin@demo.local');
    const parent = await seedParent(demo, 2);
    await demo.context().close();
    const page = await pageAs(parent.admin.email);
    await page.waitForURL(/\/rollup\/2570$/);
    // A board's address typed or bookmarked in a parent body: the roll-up, and no board asked for (a parent body has none).
    const boardAsks: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/api/boards/') && boardAsks.push(r.url())));
    await page.goto(`${base}/board/2570`);
    await page.waitForURL(/\/rollup\/2570$/);
    await page.getByTestId('rollup-row').first().waitFor();
    expect(boardAsks).toEqual([]);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-page').waitFor();
    // No boards, groups or columns in a parent body: its users only.
    expect(await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-testid')))).toEqual(['admin-tab-users']);
    const form = page.getByTestId('admin-new-user');
    expect(await form.locator('select').first().locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['admin', 'oversight']);
    expect(await form.locator('select').first().inputValue()).toBe('oversight');
    const email = `oversight.${Date.now()}@parent.local`;
    await form.locator('input[type=email]').fill(email);
    await form.locator('input:not([type])').first().fill('ผู้ติดตามผล ภาค');
    await form.locator('input[type=password]').fill('a-long-password-2570');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('admin-ok').waitFor();
    await page.locator(`[data-testid=admin-user][data-email="${email}"]`).waitFor();
    // An office's role is refused in a parent body by the server too, in Thai and English.
    const refused = await api(page, 'POST', '/api/admin/users', { email: `d.${email}`, displayName: 'ผอ.', password: 'a-long-password-2570', role: 'director', groupId: null });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('role_not_for_org');
    expect(refused.json.error.messageEn).toBeTruthy();
    await page.context().close();

    const added = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const overseer = await added.newPage();
    await signIn(overseer, base, email, 'a-long-password-2570');
    await overseer.waitForURL(/\/rollup\/2570$/);
    await expect.poll(() => overseer.getByTestId('rollup-row').count()).toBe(2);
    expect(await overseer.getByTestId('nav').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')))).toEqual(['nav-parent', 'nav-rollup']);
    await added.close();
  });
});
