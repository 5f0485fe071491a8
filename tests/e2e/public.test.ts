// The public progress page in Chromium: hidden until an administrator publishes it from the OIT
// page, then readable by an anonymous visitor in Thai and English, with nothing private in the
// page and a CSV download neutralised against formulas.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { launch, signIn } from './browser';
import { serverBoard } from './board-helpers';

const base = inject('baseUrl');
const SLUG = 'phichit-peo';
const SECRET_COMMENT = 'SECRET-COMMENT-E2E-5512';
const SECRET_DETAIL = 'SECRET-DETAIL-E2E-8820';
const PRIVATE = [SECRET_COMMENT, SECRET_DETAIL, '@demo.local', '(สาธิต)', 'ผู้ดูแลระบบ'];
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  browser = await launch();
  admin = await browser.newPage();
  await signIn(admin, base, 'admin@demo.local');
  // Private things on the board (a comment, internal details) and public ones (a completed step,
  // evidence for O7), plus a title a spreadsheet would run as a formula.
  const board = await serverBoard(admin);
  const [a, b] = board.cards;
  const done = board.columns.find((c) => c.category === 'done')!;
  const statuses = await admin.evaluate(
    async ({ comment, detail, a, b, done }) => {
      const post = (url: string, method: string, body: unknown) =>
        fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
      return [
        await post(`/api/cards/${a.id}/comments`, 'POST', { body: comment }),
        await post(`/api/cards/${a.id}`, 'PATCH', { version: a.version, details: detail, title: '=cmd|calc' }),
        // The evidence first: a step moves into done only with evidence (worker/domain/done-rule.ts).
        await post(`/api/cards/${b.id}/evidence`, 'POST', { url: 'https://phichit.example.go.th/news', note: 'ข่าวประชาสัมพันธ์', oitCode: 'O7' }),
        await post(`/api/cards/${b.id}/move`, 'POST', { toColumnId: done.id, afterCardId: null, beforeCardId: null, version: b.version }),
      ];
    },
    { comment: SECRET_COMMENT, detail: SECRET_DETAIL, a: a!, b: b!, done },
  );
  expect(statuses).toEqual([201, 200, 201, 200]);
});

afterAll(async () => {
  await browser?.close();
});

async function anonymous(): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  return context.newPage();
}

describe('the public page in Chromium', () => {
  it('is not there until the office publishes it', async () => {
    const visitor = await anonymous();
    await visitor.goto(`${base}/p/${SLUG}/2567`);
    await expect.poll(() => visitor.getByTestId('public-missing').innerText()).toContain('ไม่พบหน้าข้อมูลสาธารณะ');
    expect(await visitor.getByTestId('sign-in-form').count()).toBe(0);
    await visitor.context().close();
  });

  it('an administrator publishes it from the OIT page, which shows the readiness', async () => {
    await admin.goto(`${base}/oit/2567`);
    await admin.getByTestId('oit-summary').waitFor();
    const summary = await admin.evaluate(async () => (await (await fetch('/api/oit/2567')).json()).summary);
    expect(summary.ready).toBeGreaterThanOrEqual(1);
    expect(await admin.getByTestId('oit-percent').innerText()).toBe(`${summary.percent}%`);
    expect(await admin.locator('[data-testid=oit-item][data-code=O7]').innerText()).toContain('มีหลักฐาน');
    await admin.getByTestId('oit-public-toggle').check();
    await admin.getByTestId('oit-public-link').waitFor();
    expect(await admin.getByTestId('oit-public-link').getAttribute('href')).toBe(`/p/${SLUG}/2567`);
  });

  it('an anonymous visitor reads the measures and steps in Thai, then in English', async () => {
    const visitor = await anonymous();
    await visitor.goto(`${base}/p/${SLUG}`);
    await expect.poll(() => visitor.getByTestId('public-measure').count()).toBe(7);
    expect(visitor.url()).toBe(`${base}/p/${SLUG}/2567`);
    expect(await visitor.getByTestId('public-step').count()).toBe(21);
    expect(await visitor.getByTestId('public-office').innerText()).toBe('สำนักงานศึกษาธิการจังหวัดพิจิตร');
    // The same figure as the data (other suites may have moved cards on this shared board).
    const data = await visitor.evaluate(async (url) => (await fetch(url)).json(), `/api/public/${SLUG}/2567`);
    expect(data.summary.done).toBeGreaterThanOrEqual(1);
    expect(await visitor.getByTestId('public-percent').innerText()).toBe(`${data.summary.percent}%`);
    expect(await visitor.locator('.public-status.status-done').count()).toBe(data.summary.done);
    const first = await visitor.getByTestId('public-measure').first().innerText();
    expect(first).toMatch(/^มาตรการที่ 1 /);
    // The note is internal until someone publishes it: the link shows its address, and its real host beside it.
    expect(await visitor.locator('a[href="https://phichit.example.go.th/news"]').innerText()).toBe('https://phichit.example.go.th/news');
    expect(await visitor.locator('main').innerText()).not.toContain('ข่าวประชาสัมพันธ์');
    expect(await visitor.getByTestId('link-host').first().innerText()).toContain('phichit.example.go.th');
    // The formula-like title is shown as text, as typed.
    expect(await visitor.locator('main').innerText()).toContain('=cmd|calc');
    const html = await visitor.content();
    for (const secret of PRIVATE) expect(html, secret).not.toContain(secret);
    await expectAccessible(visitor, 'the public page (th)');

    await visitor.getByTestId('lang-switch').click();
    await expect.poll(() => visitor.getByTestId('public-measure').first().innerText()).toMatch(/^Measure 1: /);
    await expectAccessible(visitor, 'the public page (en)');
    await visitor.context().close();
  });

  it('downloads the open data as CSV, UTF-8 with a BOM, formulas neutralised, nothing private', async () => {
    const visitor = await anonymous();
    await visitor.goto(`${base}/p/${SLUG}/2567`);
    await visitor.getByTestId('public-csv').waitFor();
    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByTestId('public-csv').click()]);
    expect(download.suggestedFilename()).toBe(`ita-${SLUG}-2567.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'fiscal_year,measure_number,measure_title,responsible_group,all_groups,step_number,step_title,status,status_label_th,status_label_en,due_on,evidence_count,evidence_urls,oit_codes',
    );
    expect(lines.filter((l) => l !== '')).toHaveLength(22);
    expect(text).toContain(",'=cmd|calc,");
    expect(text).toContain(',done,เสร็จสิ้น,Done,');
    expect(text).toContain('https://phichit.example.go.th/news,O7');
    for (const secret of PRIVATE) expect(text, secret).not.toContain(secret);
    const schema = await visitor.evaluate(async (url) => (await fetch(url)).json(), `/api/public/${SLUG}/2567/schema`);
    expect(schema.schema.fields).toHaveLength(14);
    await visitor.context().close();
  });

  it('an anonymous visitor cannot reach the signed-in app or the dashboard data', async () => {
    const visitor = await anonymous();
    await visitor.goto(`${base}/dashboard/2567`);
    await visitor.getByTestId('sign-in-form').waitFor();
    const status = await visitor.evaluate(async () => (await fetch('/api/dashboard/2567')).status);
    expect(status).toBe(401);
    await visitor.context().close();
  });
});
