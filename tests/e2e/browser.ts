// Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium, type Browser, type Page } from 'playwright-core';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function signIn(page: Page, base: string, email: string, password = 'ita-demo-2567') {
  await page.goto(base);
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[type=email]').fill(email);
  await form.locator('input[type=password]').fill(password);
  await form.locator('button[type=submit]').click();
  // Signed in: the main menu is there (each role lands on its own front page).
  await page.getByTestId('nav').waitFor();
}
