// What people see (issue 12), in Chromium against the real app: every signed-in page (as each
// role) and the public page at phone (390 × 844) and desktop (1440 × 900) width, none wider than
// the screen and none with a console error or a CSP violation; signed-out pages ask for nothing
// that is bound to fail; a touch drag into an empty cell lands the card (the drag layer's rule goes
// through the CSSOM, which the CSP allows); an executive who tries to drag is told that the board
// is read-only; every date input is the Buddhist Era picker (the OIT deadline per fiscal year, the
// O43 period, whose default for a past year is the year's own range); reports print as official
// memos on A4 with Sarabun embedded (read back with poppler's pdffonts and pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { cardsIn, columnId, serverBoard } from './board-helpers';
import { DEMO_PASSWORD } from '../../worker/seed/demo-password';

const base = inject('baseUrl');
const browser = browserForFile();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Collects console errors, page errors and CSP violations (the event, not only the console line). */
async function watch(context: BrowserContext, page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|violates/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  await context.exposeBinding('__cspViolation', (_source, text: string) => void problems.push(`csp: ${text}`)).catch(() => undefined);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(text: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return problems;
}

async function phoneContext(): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** For a failure message: the outermost elements that reach past the right edge of the screen. */
const widest = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const right = el.getBoundingClientRect().right;
      if (right > innerWidth + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > innerWidth + 1)) {
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(right)}`);
      }
    }
    return out.slice(0, 5).join('; ');
  });

describe('signed out', () => {
  it('the sign-in page and a board address log nothing and ask for nothing that answers 401', async () => {
    const context = await phoneContext();
    const page = await context.newPage();
    const problems = await watch(context, page);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    for (const path of ['/', '/board/2567', '/dashboard/2567']) {
      await page.goto(`${base}${path}`);
      await page.getByTestId('sign-in-form').waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});

describe('dragging on a phone (390 px, touch)', () => {
  it('a long press opens the empty cells of the card’s lane and a drop there lands the card, with no CSP violation', async () => {
    const context = await phoneContext();
    const page = await context.newPage();
    const problems = await watch(context, page);
    await signIn(page, base, 'director.admin@demo.local');
    await page.goto(`${base}/board/2567`);
    await page.getByTestId('board').waitFor();
    const board = await serverBoard(page);
    // A lane whose "in progress" cell is empty (hidden on phones until a drag opens it).
    const inProgress = columnId(board, 'in_progress');
    const measure = [...board.measures]
      .sort((a, b) => a.number - b.number)
      .find((m) => cardsIn(board, 'not_started', m.id).some((c) => c.editable) && !board.cards.some((c) => c.measureId === m.id && c.columnId === inProgress))!;
    const card = cardsIn(board, 'not_started', measure.id).find((c) => c.editable)!;
    const emptyCell = page.locator(`[data-testid=column][data-column-key=in_progress] [data-testid=cell][data-lane-key="${measure.id}"]`);
    expect(await emptyCell.isVisible()).toBe(false);

    const onScreen = page.locator(`[data-testid=card][data-card-id="${card.id}"]`);
    await onScreen.scrollIntoViewIfNeeded();
    const from = (await onScreen.locator('.card-step').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: string, x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', from.x + 10, from.y + 5);
    await page.waitForTimeout(400); // the long press
    await touch('touchMove', from.x + 14, from.y + 9);
    // The empty cell of the lane is open now, as a place to drop.
    await expect.poll(() => emptyCell.isVisible()).toBe(true);
    const to = (await emptyCell.boundingBox())!;
    const x = Math.min(to.x + 20, PHONE.width - 8);
    const y = to.y + to.height / 2;
    for (let i = 1; i <= 10; i++) await touch('touchMove', from.x + 14 + ((x - from.x - 14) * i) / 10, from.y + 9 + ((y - from.y - 9) * i) / 10);
    await page.waitForTimeout(150);
    await touch('touchEnd', 0, 0);
    await expect.poll(async () => (await serverBoard(page)).cards.find((c) => c.id === card.id)?.columnId).toBe(inProgress);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('read-only roles', () => {
  it('an executive who tries to drag a card is told the board is read-only for them, and no text is selected', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const problems = await watch(context, page);
    await signIn(page, base, 'executive@demo.local');
    await page.goto(`${base}/board/2567`);
    const card = page.getByTestId('card').first();
    await card.waitFor();
    // What a read-only drag says loads after the board's first draw (a chunk of its own).
    await page.locator('html[data-read-only-watch]').waitFor({ state: 'attached' });
    const box = (await card.locator('.card-title').boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    const notice = page.getByTestId('notice').filter({ hasText: 'อ่านได้อย่างเดียว' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('ผู้บริหาร');
    expect(await page.evaluate(() => String(getSelection()))).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Signs a fresh context in through the API (the sign-in form is tested elsewhere). */
async function signedIn(viewport: { width: number; height: number }, email: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const phone = viewport.width < 600;
  const context = await browser.newContext({ viewport, hasTouch: phone, isMobile: phone, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const r = await context.request.post(`${base}/api/auth/sign-in`, { data: { email, password: DEMO_PASSWORD }, headers: { origin: base } });
  expect(r.status(), await r.text()).toBe(200);
  const page = await context.newPage();
  const problems = await watch(context, page);
  return { context, page, problems };
}

const PAGES: Record<string, string[]> = {
  'admin@demo.local': ['/board/2567', '/dashboard/2567', '/dashboard/2567?view=o43', '/reports/2567', 'a report (preview)', '/oit/2567', '/admin/2567', '/account'],
  'executive@demo.local': ['/dashboard/2567', '/board/2567', '/reports/2567', '/oit/2567'],
  'director.admin@demo.local': ['/board/2567', '/dashboard/2567', '/oit/2567'],
  'staff@demo.local': ['/board/2567', '/reports/2567', '/account'],
};

describe('every page fits the screen, without console errors or CSP violations', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    it(`signed-in pages as each role at ${viewport.width} × ${viewport.height}`, async () => {
      const wide: string[] = [];
      for (const [email, paths] of Object.entries(PAGES)) {
        const { context, page, problems } = await signedIn(viewport, email);
        for (const path of paths) {
          if (path === 'a report (preview)') {
            // A report's tables, previewed on the reports page just visited (nothing is kept:
            // other suites count the kept reports).
            await page.getByTestId('report-preview-button').click();
            await page.getByTestId('report-preview').getByTestId('report-document').waitFor();
          } else {
            await page.goto(`${base}${path}`);
          }
          await page.getByTestId('nav').waitFor();
          await page.waitForLoadState('networkidle');
          const width = await pageWidth(page);
          if (width > viewport.width) wide.push(`${email} ${path}: ${width} px (${await widest(page)})`);
        }
        expect(problems, email).toEqual([]);
        await context.close();
      }
      expect(wide).toEqual([]);
    });
  }

  it('the public page at both widths (published by an administrator first)', async () => {
    const admin = await signedIn(DESKTOP, 'admin@demo.local');
    const published = await admin.context.request.patch(`${base}/api/public/settings`, { data: { beYear: 2567, published: true }, headers: { origin: base } });
    expect(published.status(), await published.text()).toBe(200);
    await admin.context.close();
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await browser.newContext({ viewport, hasTouch: viewport === PHONE, isMobile: viewport === PHONE });
      const page = await context.newPage();
      const problems = await watch(context, page);
      await page.goto(`${base}/p/phichit-peo/2567`);
      await page.getByTestId('public-measure').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await pageWidth(page), `public page at ${viewport.width}`).toBeLessThanOrEqual(viewport.width);
      // On a phone each step is a stacked row: its status sits below its title, not beside it.
      const step = page.getByTestId('public-step').first();
      const title = (await step.locator('td').nth(1).boundingBox())!;
      const status = (await step.locator('td').nth(2).boundingBox())!;
      if (viewport === PHONE) expect(status.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
      else expect(status.x).toBeGreaterThanOrEqual(title.x + title.width - 1);
      expect(problems).toEqual([]);
      await context.close();
    }
    // Withdrawn again: the public page's own suite starts from an unpublished office.
    const admin2 = await signedIn(DESKTOP, 'admin@demo.local');
    const withdrawn = await admin2.context.request.patch(`${base}/api/public/settings`, { data: { beYear: 2567, published: false }, headers: { origin: base } });
    expect(withdrawn.status()).toBe(200);
    await admin2.context.close();
  });

  it('on a phone, the menu shows that it scrolls, and header and folded filters keep to a third of the screen', async () => {
    const { context, page, problems } = await signedIn(PHONE, 'admin@demo.local');
    await page.goto(`${base}/board/2567`);
    await page.getByTestId('board').waitFor();
    const nav = page.getByTestId('nav');
    const row = await nav.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX, background: getComputedStyle(el).backgroundImage }));
    // More tabs than fit: the row scrolls inside itself (not the page), and fades at its edge.
    expect(row.scroll).toBeGreaterThan(row.client);
    expect(row.overflow).toBe('auto');
    expect(row.background).toContain('linear-gradient');
    const last = nav.locator('a').last();
    expect((await last.boundingBox())!.x + (await last.boundingBox())!.width).toBeGreaterThan(PHONE.width);
    await nav.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(async () => (await last.boundingBox())!.x + (await last.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
    // The filters are folded; what stands above the board takes at most a third of the screen.
    expect(await page.getByTestId('filters-fold').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    const boardTop = (await page.locator('.board-scroll').boundingBox())!.y;
    expect(boardTop).toBeLessThanOrEqual(PHONE.height / 3);
    await page.getByTestId('filters-fold').locator('summary').click();
    await page.getByTestId('filter-search').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Chooses a date in a Buddhist Era date input (components/dates/BeDateInput.tsx). */
async function pickBeDate(page: Page, testId: string, iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  await page.getByTestId(`${testId}-year`).selectOption(String(y + 543));
  await page.getByTestId(`${testId}-month`).selectOption(String(m));
  await page.getByTestId(`${testId}-day`).selectOption(String(d));
}

describe('Buddhist Era date inputs', () => {
  it('no page has a browser date field; the OIT deadline of 2567 is chosen in BE and shown in BE', async () => {
    const { context, page, problems } = await signedIn(DESKTOP, 'admin@demo.local');
    for (const path of ['/oit/2567', '/dashboard/2567?view=o43', '/admin/2567', '/reports/2567']) {
      await page.goto(`${base}${path}`);
      await page.getByTestId('nav').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('input[type=date], input[type=datetime-local], input[type=month]').count(), path).toBe(0);
    }
    await page.goto(`${base}/oit/2567`);
    await page.getByTestId('oit-deadline-input').waitFor();
    // The years offered are Buddhist Era years around the fiscal year: 2568 cannot become 3111.
    expect(await page.getByTestId('oit-deadline-year').locator('option').allInnerTexts()).toEqual(['ปี พ.ศ.', 'พ.ศ. 2566', 'พ.ศ. 2567']);
    await pickBeDate(page, 'oit-deadline', '2024-06-30');
    await page.getByTestId('oit-deadline-save').click();
    await expect.poll(() => page.getByTestId('oit-deadline').innerText()).toContain('30 มิถุนายน 2567');
    expect((await page.evaluate(async () => (await (await fetch('/api/oit/2567')).json()).summary.deadline))).toBe('2024-06-30');
    // Each fiscal year has its own: the office's other years are still unset.
    const others = await page.evaluate(async () => {
      const years = ((await (await fetch('/api/fiscal-years')).json()) as { fiscalYears: { beYear: number }[] }).fiscalYears.filter((y) => y.beYear !== 2567);
      return Promise.all(years.map(async (y) => (await (await fetch(`/api/oit/${y.beYear}`)).json()).summary?.deadline ?? null));
    });
    expect(others.every((d) => d === null)).toBe(true);
    // The O43 report of a year that is over defaults to the year's own range (not "until today").
    await page.goto(`${base}/dashboard/2567?view=o43`);
    await expect.poll(() => page.getByTestId('o43-period').innerText()).toBe('ระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 30 กันยายน 2567');
    expect(await page.getByTestId('o43-to-year').inputValue()).toBe('2567');
    // Year, month and day chosen one right after the other (before the page redraws): all three count.
    await page.evaluate(() => {
      const choose = (id: string, value: string) => {
        const select = document.querySelector<HTMLSelectElement>(`[data-testid=${id}]`)!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      choose('o43-to-year', '2569');
      choose('o43-to-month', '11');
      choose('o43-to-day', '29');
    });
    await page.getByTestId('o43-load').click();
    await expect.poll(() => page.getByTestId('o43-period').innerText()).toBe('ระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 29 พฤศจิกายน 2569');
    // The year chosen and the page redrawn with it, then month and day before the picker's effects
    // run: the year's date handed back late must not undo them (it put the month back).
    await page.evaluate(async () => {
      const choose = (id: string, value: string) => {
        const select = document.querySelector<HTMLSelectElement>(`[data-testid=${id}]`)!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      choose('o43-to-year', '2568');
      await new Promise((r) => setTimeout(r, 0));
      choose('o43-to-month', '10');
      choose('o43-to-day', '15');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    await expect.poll(() => page.getByTestId('o43-to-month').inputValue()).toBe('10');
    expect(await page.getByTestId('o43-to-day').inputValue()).toBe('15');
    expect(await page.getByTestId('o43-to-year').inputValue()).toBe('2568');
    await page.getByTestId('o43-load').click();
    await expect.poll(() => page.getByTestId('o43-period').innerText()).toBe('ระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 15 ตุลาคม 2568');
    expect(problems).toEqual([]);
    await context.close();
  });
});

function readPdf(pdf: Buffer): { fonts: string; text: string; pages: string; images: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ita-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return {
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }),
    pages: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
  };
}

describe('reports print as official memos', () => {
  const MEMO = {
    department: 'สำนักงานศึกษาธิการจังหวัดพิจิตร กลุ่มอำนวยการ',
    docPrefix: 'ศธ ๐๒๖๒.๑๑/',
    addressee: 'ศึกษาธิการจังหวัดพิจิตร',
    signerName: 'นางสาวสมใจ ใจดี',
    signerPosition: 'ผู้อำนวยการกลุ่มอำนวยการ',
    thaiDigits: true,
  };

  async function printPdf(page: Page): Promise<ReturnType<typeof readPdf>> {
    await page.getByTestId('memo-head').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(async () => {
      await document.fonts.load('16px "Sarabun Memo"', 'ก');
      await document.fonts.load('bold 16px "Sarabun Memo"', 'ก');
    });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    return readPdf(pdf);
  }

  function expectMemo(out: ReturnType<typeof readPdf>, subject: string) {
    expect(out.pages).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(out.fonts).toMatch(/Sarabun-Regular\s.*\byes\b/);
    expect(out.fonts).toMatch(/Sarabun-Bold\s/);
    // Compared without white space: pdftotext breaks Thai lines where the page did.
    const text = out.text.replace(/\s+/g, '');
    for (const field of ['บันทึกข้อความ', 'ส่วนราชการ', MEMO.department, `ที่${MEMO.docPrefix}`, 'วันที่', 'เรื่อง', `เรียน${MEMO.addressee}`, `(${MEMO.signerName})`, MEMO.signerPosition]) {
      expect(text, field).toContain(field.replace(/\s+/g, ''));
    }
    expect(text).toContain(subject.replace(/\s+/g, ''));
    // The emblem is printed: one image in the PDF (pdfimages lists a header, a rule, then a row per image).
    expect(out.images.trim().split('\n').length).toBeGreaterThanOrEqual(3);
  }

  it('an administrator sets the memo fields; the staff report and the O43 report print as memos in Sarabun on A4', async () => {
    const { context, page, problems } = await signedIn(DESKTOP, 'admin@demo.local');
    await page.goto(`${base}/reports/2567`);
    const form = page.getByTestId('memo-settings');
    await form.waitFor();
    for (const key of ['department', 'docPrefix', 'addressee', 'signerName', 'signerPosition'] as const) await page.getByTestId(`memo-${key}`).fill(MEMO[key]);
    await page.getByTestId('memo-thaiDigits').check();
    // The emblem: a small PNG the office uploads (a 1 × 1 pixel one here).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await page.getByTestId('memo-emblem').setInputFiles({ name: 'garuda.png', mimeType: 'image/png', buffer: png });
    await form.locator('img.memo-emblem-preview').waitFor();
    await page.getByTestId('memo-save').click();
    await page.getByTestId('memo-ok').waitFor();

    // The staff report of September 2567, previewed (printing a preview prints the same
    // document as a kept report; nothing is kept, other suites count the kept reports).
    await page.getByTestId('report-kind-select').selectOption('staff');
    await page.getByTestId('report-period-select').selectOption('2024-09');
    await page.getByTestId('report-preview-button').click();
    await page.getByTestId('report-preview').getByTestId('report-document').waitFor();
    // On screen the report is as it was: no memo head.
    expect(await page.getByTestId('memo-head').isVisible()).toBe(false);
    expectMemo(await printPdf(page), 'เรื่อง รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส แจ้งที่ประชุมบุคลากร');

    await page.goto(`${base}/dashboard/2567?view=o43`);
    await page.getByTestId('o43-document').waitFor();
    const o43 = await printPdf(page);
    expectMemo(o43, 'เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    // Thai digits, as the office set: the fiscal year in the subject.
    expect(o43.text.replace(/\s+/g, '')).toContain('พ.ศ.๒๕๖๗');
    // Back to Arabic digits: the other suites share this office and read its reports.
    const reset = await context.request.put(`${base}/api/memo`, { data: { ...MEMO, thaiDigits: false }, headers: { origin: base } });
    expect(reset.status()).toBe(200);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Thai digits reach every field of the memo head and signature, the addressee and position too', async () => {
    const { context, page, problems } = await signedIn(DESKTOP, 'admin@demo.local');
    const set = await context.request.put(`${base}/api/memo`, {
      data: { ...MEMO, addressee: 'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิจิตร เขต 1', signerPosition: 'นักวิชาการศึกษา ระดับ 7', thaiDigits: true },
      headers: { origin: base },
    });
    expect(set.status()).toBe(200);
    await page.goto(`${base}/dashboard/2567?view=o43`);
    await page.getByTestId('memo-head').waitFor({ state: 'attached' });
    // The settings arrive after the page: wait for the addressee.
    await expect.poll(() => page.locator('.memo-to').textContent()).toContain('เขต');
    const to = await page.locator('.memo-to').textContent();
    const sign = await page.getByTestId('memo-signature').textContent();
    // Back to Arabic digits first: the other suites share this office and read its reports.
    const reset = await context.request.put(`${base}/api/memo`, { data: { ...MEMO, thaiDigits: false }, headers: { origin: base } });
    expect(reset.status()).toBe(200);
    expect(to).toContain('เขต ๑');
    expect(sign).toContain('ระดับ ๗');
    expect(problems).toEqual([]);
    await context.close();
  });
});
