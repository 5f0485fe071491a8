// Evidence files in Chromium against wrangler dev (local R2): a director attaches a PDF with a Thai
// name in the card drawer, sees it listed with its name, type and size, and opens it; a visitor who
// is not signed in cannot, and a file that is not what its name says is refused in Thai.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, signIn } from './browser';
import { serverBoard } from './board-helpers';

const base = inject('baseUrl');
let browser: Browser;
let director: Page;
let cardId: string;

const PDF = Buffer.from(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj
trailer << /Root 1 0 R /Size 4 >>
%%EOF
`);

beforeAll(async () => {
  browser = await launch();
  director = await browser.newPage();
  await signIn(director, base, 'director.admin@demo.local');
  const board = await serverBoard(director);
  // A step of measure 2 (กลุ่มอำนวยการ leads it): one no other browser test writes to.
  const measure = board.measures.find((m) => m.number === 2)!;
  cardId = board.cards.filter((c) => c.measureId === measure.id).at(-1)!.id;
});

afterAll(async () => {
  await browser?.close();
});

describe('evidence files in the card drawer', () => {
  it('attaches a PDF, lists it with its name, type and size, and opens it', async () => {
    await director.goto(`${base}/board/2567?card=${cardId}`);
    const drawer = director.getByTestId('card-drawer');
    await drawer.getByTestId('file-form').waitFor();
    const name = `รายงานผลการดำเนินงาน-${Date.now()}.pdf`;
    await drawer.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    await drawer.getByTestId('file-note').fill('รายงานฉบับลงนาม');
    const [answer] = await Promise.all([
      director.waitForResponse((r) => r.url().endsWith(`/api/cards/${cardId}/files`) && r.request().method() === 'POST'),
      drawer.getByTestId('file-attach').click(),
    ]);
    expect(answer.status()).toBe(201);
    await expect.poll(() => drawer.getByTestId('file-ok').innerText()).toContain(name);
    const item = drawer.getByTestId('evidence-item').filter({ hasText: name });
    const link = item.getByTestId('evidence-file');
    await link.waitFor();
    expect(await item.getByTestId('evidence-file-kind').innerText()).toContain(`PDF · ${PDF.length} B`);
    expect(await item.innerText()).toContain('รายงานฉบับลงนาม');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/files\/phichit-peo\/[0-9a-f-]{36}\//);

    // Opened from the drawer: a new tab on the file's address, which the office's user may read.
    const [tab] = await Promise.all([director.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('domcontentloaded').catch(() => undefined);
    expect(decodeURIComponent(tab.url())).toBe(`${base}${decodeURIComponent(href)}`);
    const read = await director.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), head: (await r.text()).slice(0, 8) };
    }, href);
    expect(read).toEqual({ status: 200, type: 'application/pdf', disposition: expect.stringMatching(/^inline; .*filename\*=UTF-8''/), head: '%PDF-1.4' });
    await tab.close();

    // Private: a visitor who is not signed in is asked to sign in, in Thai.
    const visitor = await (await browser.newContext()).newPage();
    const response = await visitor.goto(`${base}${href}`);
    expect(response!.status()).toBe(401);
    expect(await visitor.content()).toContain('กรุณาเข้าสู่ระบบ');
    await visitor.close();
  });

  it('refuses a file whose content is not what its name says, in Thai, and adds nothing', async () => {
    const drawer = director.getByTestId('card-drawer');
    const before = await drawer.getByTestId('evidence-item').count();
    await drawer.getByTestId('file-input').setInputFiles({ name: 'รายงาน.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
    await drawer.getByTestId('file-attach').click();
    await expect.poll(() => drawer.getByTestId('file-error').innerText()).toContain('เนื้อไฟล์');
    expect(await drawer.getByTestId('evidence-item').count()).toBe(before);
  });
});
