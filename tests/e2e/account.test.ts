// The account life cycle in Chromium, as the administrator and as the person affected: a
// temporary password that must be changed at the first sign-in (with the strength hint), a
// disable that signs the open board out at once and a sign-in that says why, a re-enable, the
// person's own sessions, a removal. Also: the __Host- session cookie and the device cookie over
// http://127.0.0.1, and HSTS on static files.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, signIn } from './browser';
import { expectAccessible } from './axe';

const base = inject('baseUrl');
const browser = browserForFile();

const EMAIL = 'account.lifecycle@demo.local';
const FIRST = 'เริ่มต้น-ดอกบัว-บึงสีไฟ-61';
const TEMP = 'ชั่วคราว-ฝนตก-ริมน่าน-83';
const MINE = 'รหัสใหม่-ของฉัน-ตะวันออก-47';

/** The machine may be busy (the strength estimator is a 460 KB module to load and prime): wait up to 15 s. */
const slow = { timeout: 15_000 };

const row = (page: Page) => page.locator(`[data-testid=admin-user][data-email="${EMAIL}"]`);

async function openUsers(page: Page) {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-page').waitFor();
}

async function trySignIn(page: Page, email: string, password: string) {
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[type=email]').fill(email);
  await form.locator('input[type=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

describe('account life cycle', () => {
  let admin: Page;
  let user: Page;

  it('the administrator adds a member; a weak password is refused with the reason', async () => {
    const context = await browser.newContext();
    admin = await context.newPage();
    await signIn(admin, base, 'admin@demo.local');
    // The session cookie is a __Host- cookie, and it works over http://127.0.0.1 in Chromium.
    const cookies = await context.cookies(base);
    expect(cookies.find((c) => c.name === '__Host-ita_session')).toMatchObject({ secure: true, httpOnly: true, path: '/' });
    expect(cookies.some((c) => /^__Host-ita_device_[0-9a-f]{16}$/.test(c.name))).toBe(true);
    await openUsers(admin);
    const form = admin.getByTestId('admin-new-user');
    await form.locator('input[type=email]').fill(EMAIL);
    await form.locator('input:not([type])').first().fill('ผู้ทดสอบวงจรบัญชี');
    await form.locator('input[type=password]').fill('1234567890123');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.getByTestId('admin-error').innerText(), slow).toMatch(/รหัสผ่านนี้เป็นรหัสผ่านที่ใช้กันทั่วไป|เดาง่ายเกินไป/);
    await form.locator('input[type=password]').fill(FIRST);
    await form.locator('button[type=submit]').click();
    await row(admin).waitFor();
    expect(await row(admin).getByTestId('member-state').innerText()).toBe('ใช้งานอยู่');
  });

  it('sets a temporary password; the member must change it at first sign-in, with a strength hint', async () => {
    await row(admin).getByTestId('member-temp-open').click();
    await expectAccessible(admin, 'the users panel with a temporary-password form open');
    const temp = row(admin).getByTestId('member-temp-form');
    await temp.getByTestId('member-temp-password').fill(TEMP);
    await temp.getByTestId('member-temp-submit').click();
    await expect.poll(() => row(admin).getByTestId('member-ok').innerText(), slow).toMatch(/ตั้งรหัสผ่านชั่วคราวแล้ว ใช้ได้ถึง/);

    user = await (await browser.newContext()).newPage();
    await user.goto(base);
    await trySignIn(user, EMAIL, TEMP);
    await user.getByTestId('must-change-password').waitFor();
    expect(await user.getByTestId('nav').count()).toBe(0);
    await expectAccessible(user, 'the account page, a temporary password to change');
    // The strength hint: the estimator loads as the new password is typed.
    const field = user.getByTestId('new-password');
    await field.fill('aaaaaaaaaaaaaaa');
    await expect.poll(() => user.getByTestId('new-password-hint').innerText(), slow).toMatch(/เดาง่ายเกินไป/);
    await field.fill(MINE);
    await expect.poll(() => user.getByTestId('new-password-hint').innerText(), slow).toMatch(/ใช้ได้|แข็งแรง/);
    // The person may see what they type (ASVS 2.1.12).
    await user.getByTestId('change-password').getByLabel('แสดงรหัสผ่าน').check();
    expect(await user.getByTestId('new-password').getAttribute('type')).toBe('text');
    expect(await user.getByTestId('new-password').inputValue()).toBe(MINE);
    await user.locator('#current-password').fill(TEMP);
    await user.locator('#repeat-password').fill(MINE);
    await user.getByTestId('change-password').locator('button[type=submit]').click();
    await user.getByTestId('nav').waitFor();
    await user.getByTestId('nav-board').click();
    await expect.poll(() => user.getByTestId('card').count(), slow).toBeGreaterThan(0);
  });

  it('disabling the member signs their open board out at once, and sign-in says the account is disabled', async () => {
    await row(admin).getByTestId('member-disable').click();
    await expect.poll(() => row(admin).getByTestId('member-state').innerText(), slow).toBe('ถูกระงับ');
    // The open board learns it over its live socket: the sign-in page replaces it.
    await user.getByTestId('sign-in-form').waitFor({ timeout: 15_000 });
    await trySignIn(user, EMAIL, MINE);
    await expect.poll(() => user.getByTestId('sign-in-error').innerText(), slow).toMatch(/บัญชีนี้ถูกระงับการใช้งาน/);
  });

  it('re-enabled, the member signs in, sees their sessions and ends another one', async () => {
    await row(admin).getByTestId('member-enable').click();
    await expect.poll(() => row(admin).getByTestId('member-state').innerText(), slow).toBe('ใช้งานอยู่');
    await trySignIn(user, EMAIL, MINE);
    await user.getByTestId('nav').waitFor();
    // A second browser of the same person.
    const elsewhere = await (await browser.newContext()).newPage();
    await signIn(elsewhere, base, EMAIL, MINE);
    await user.getByTestId('account-link').click();
    await user.getByTestId('account-page').waitFor();
    await expect.poll(() => user.getByTestId('own-session').count(), slow).toBe(2);
    await expectAccessible(user, 'the account page with two sessions');
    await user.locator('[data-testid=own-session]:not([data-current]) [data-testid=end-session]').click();
    await expect.poll(() => user.getByTestId('own-session').count(), slow).toBe(1);
    // The ended session is refused by the server.
    expect(await elsewhere.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    expect(await user.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
  });

  it('removing the member ends their session and lists them as removed', async () => {
    await row(admin).getByTestId('member-remove').click();
    await row(admin).getByTestId('member-remove-confirm').click();
    await expect.poll(() => row(admin).getByTestId('member-state').innerText(), slow).toBe('นำออกแล้ว');
    await user.getByTestId('sign-in-form').waitFor({ timeout: 15_000 });
    await trySignIn(user, EMAIL, MINE);
    await expect.poll(() => user.getByTestId('sign-in-error').innerText(), slow).toMatch(/อีเมลหรือรหัสผ่านไม่ถูกต้อง/);
  });
});

describe('the show-password box on a phone', () => {
  it('stays a checkbox beside its label in the add-user form, not an input as wide as the form', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, base, 'admin@demo.local');
    await page.goto(`${base}/admin`);
    const show = page.getByTestId('admin-new-user').locator('.password-show');
    await show.waitFor();
    // Before, admin.css stretched it to the form's width (210 px here) and squeezed its label onto two lines.
    const box = await show.locator('input[type=checkbox]').boundingBox();
    expect(box!.width).toBeLessThan(30);
    await context.close();
  });
});

describe('a held sign-in', () => {
  it('says how long to wait, counts down and keeps the button off for that account only', async () => {
    // The account removed above: nobody else signs in with it, so holding it holds nobody.
    const page = await (await browser.newContext()).newPage();
    await page.goto(base);
    const submit = page.getByTestId('sign-in-form').locator('button[type=submit]');
    /** One attempt through the form, waiting for the server's answer. */
    const attempt = async (password: string) => {
      const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')), trySignIn(page, EMAIL, password)]);
      return answer.status();
    };
    for (let i = 1; i <= 5; i++) {
      expect(await attempt(`wrong-guess-${i}`)).toBe(401);
      await expect.poll(() => submit.isEnabled(), slow).toBe(true);
    }
    expect(await attempt('wrong-guess-6')).toBe(429);
    await expect.poll(() => page.getByTestId('sign-in-error').innerText(), slow).toMatch(/ลงชื่อเข้าใช้ผิดหลายครั้งเกินไป กรุณาลองใหม่ในอีก \d+ วินาที/);
    const first = Number(/(\d+)/.exec(await page.getByTestId('sign-in-wait').innerText())![1]);
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThanOrEqual(30);
    expect(await submit.isDisabled()).toBe(true);
    await expect.poll(async () => Number(/(\d+)/.exec(await page.getByTestId('sign-in-wait').innerText())![1]), slow).toBeLessThan(first);
    // Another account is not held.
    await page.getByTestId('sign-in-form').locator('input[type=email]').fill('someone.else@demo.local');
    expect(await submit.isEnabled()).toBe(true);
    expect(await page.getByTestId('sign-in-wait').count()).toBe(0);
  });
});

describe('transport security', () => {
  it('sends HSTS on static files and on the API', async () => {
    for (const path of ['/', '/board/2567', '/api/health']) {
      const r = await fetch(`${base}${path}`);
      expect(r.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
    }
  });
});
