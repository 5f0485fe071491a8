// Links and notes people can trust, in Chromium against wrangler dev: a look-alike link is
// refused with a message in Thai, every link shows its real host, and the card's editors choose
// whether a note goes on the public page of a published year (off by default) — seen by an
// anonymous visitor the moment it changes.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, signIn } from './browser';
import { serverBoard } from './board-helpers';

const base = inject('baseUrl');
const SLUG = 'phichit-peo';
let browser: Browser;
let admin: Page;
let cardId: string;

beforeAll(async () => {
  browser = await launch();
  admin = await browser.newPage();
  await signIn(admin, base, 'admin@demo.local');
  cardId = (await serverBoard(admin)).cards[5]!.id;
});

afterAll(async () => {
  await browser?.close();
});

describe('links and notes in the card drawer', () => {
  it('refuses a link whose user info hides its host, and shows the real host beside each link', async () => {
    await admin.goto(`${base}/board/2567?card=${cardId}`);
    const drawer = admin.getByTestId('card-drawer');
    await drawer.getByTestId('evidence-form').waitFor();
    await drawer.getByTestId('evidence-url').fill('https://www.opdc.go.th@evil.example/');
    await drawer.getByTestId('evidence-add').click();
    await expect.poll(() => drawer.getByTestId('evidence-form').innerText()).toContain('ไม่มีชื่อผู้ใช้');
    expect(await drawer.getByTestId('evidence-item').filter({ hasText: 'evil.example' }).count()).toBe(0);

    const url = `https://phichit.example.go.th/trust-${Date.now()}`;
    await drawer.getByTestId('evidence-url').fill(url);
    await drawer.getByTestId('evidence-note').fill('หมายเหตุภายใน');
    await drawer.getByTestId('evidence-add').click();
    const item = drawer.getByTestId('evidence-item').filter({ hasText: url });
    await item.waitFor();
    expect(await item.getByTestId('link-host').innerText()).toContain('(phichit.example.go.th)');
    // Published by default: the link yes, its note no.
    expect(await item.getByTestId('evidence-link-published').isChecked()).toBe(true);
    expect(await item.getByTestId('evidence-note-published').isChecked()).toBe(false);
  });

  it('publishing the note shows it on the public page at once; withdrawing the link removes it at once', async () => {
    const published = await admin.evaluate(async () =>
      (await fetch('/api/public/settings', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ beYear: 2567, published: true }) })).status,
    );
    expect(published).toBe(200);
    const visitor = await (await browser.newContext()).newPage();
    const publicNotes = async () =>
      visitor.evaluate(async (slug) => {
        const view = await (await fetch(`/api/public/${slug}/2567`)).json();
        return view.measures.flatMap((m: { steps: { evidence: { url: string; note: string }[] }[] }) => m.steps.flatMap((s) => s.evidence)) as { url: string; note: string }[];
      }, SLUG);
    await visitor.goto(`${base}/p/${SLUG}/2567`);
    const item = admin.getByTestId('card-drawer').getByTestId('evidence-item').filter({ hasText: 'trust-' }).last();
    const url = (await item.locator('.evidence-url').innerText()).trim();
    expect((await publicNotes()).find((e) => e.url === url)?.note).toBe('');

    const saved = (r: { url(): string; request(): { method(): string } }) => r.url().includes('/api/evidence/') && r.request().method() === 'PATCH';
    const [notePublished] = await Promise.all([admin.waitForResponse(saved), item.getByTestId('evidence-note-published').click()]);
    expect(notePublished.status()).toBe(200);
    await expect.poll(() => item.getByTestId('evidence-note-published').isChecked()).toBe(true);
    expect((await publicNotes()).find((e) => e.url === url)?.note).toBe('หมายเหตุภายใน');
    // The card's timeline says who chose it and when.
    const newest = admin.getByTestId('card-drawer').getByTestId('timeline-entry').first();
    await expect.poll(() => newest.getAttribute('data-kind')).toBe('evidence.publication');
    expect(await newest.innerText()).toContain('เผยแพร่หมายเหตุ');
    await visitor.reload();
    await visitor.getByText('หมายเหตุภายใน').waitFor();

    const [linkWithdrawn] = await Promise.all([admin.waitForResponse(saved), item.getByTestId('evidence-link-published').click()]);
    expect(linkWithdrawn.status()).toBe(200);
    await expect.poll(() => item.getByTestId('evidence-link-published').isChecked()).toBe(false);
    expect((await publicNotes()).some((e) => e.url === url)).toBe(false);
    await visitor.context().close();
    await admin.evaluate(async () =>
      fetch('/api/public/settings', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ beYear: 2567, published: false }) }),
    );
  });
});
