// Link health (issue 18, part 2) in the real D1: what healthOfYear hands the export, the daily
// check against a local HTTP server (tests/link-double) and the flags where people see them.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { cookieFor, db, getBoard, seedOffice, call, type Demo } from './helpers';
import { evidenceLinks, fiscalYears, linkChecks, organisations } from '../../worker/db/schema';
import { healthOfYear } from '../../worker/db/link-health';
import { checkLink, checkLinks, FETCHES_PER_LINK_AT_MOST, LINK_CHECK_SUBREQUESTS, type LinkCheckDeps } from '../../worker/cron/link-health-job';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import type { Env } from '../../worker/env';
import { LINK_TIMEOUT_MS, linkFlags } from '../../worker/domain/link-health';
import type { LinkDoubleStats } from '../link-double/double';
import { env } from 'cloudflare:workers';
import PostalMime from 'postal-mime';
import { runDigestJob } from '../../worker/cron/digest-job';
import { bangkokDate } from '../../worker/domain/fiscal-year';
import type { ReportContent } from '../../worker/domain/report-types';
import { reportEmail } from '../../worker/email/report-email';
import { compileDigest, digestIsEmpty, type DigestInput } from '../../worker/domain/report-digest';
import { digestPush } from '../../worker/line/messages';
import type { OitReadinessView } from '../../worker/domain/views';
import type { CardDetailsResponse } from '../../worker/domain/contracts-card';

let home: Demo;
let adminCookie: string;
let fy2567: string;
let cardIds: string[];

const addEvidence = async (cardId: string, url: string, oitCode = 'O1') => {
  const r = await call('POST', `/api/cards/${cardId}/evidence`, { cookie: adminCookie, body: { url, note: '', oitCode } });
  expect(r.status, r.text).toBe(201);
};

beforeAll(async () => {
  home = await seedOffice('links-home');
  adminCookie = await cookieFor(home, 'admin');
  const board = await getBoard(adminCookie);
  cardIds = board.cards.map((c) => c.id);
  const [fy] = await db().select().from(fiscalYears).where(eq(fiscalYears.orgId, home.orgId));
  fy2567 = fy!.id;
});

describe('healthOfYear', () => {
  it("gives each checked URL of the year its flags, status, time and final address, by the office's current main website", async () => {
    await addEvidence(cardIds[0]!, 'https://www.home.go.th/ita/o1');
    await addEvidence(cardIds[1]!, 'https://www.home.go.th/ita/o1');
    await addEvidence(cardIds[1]!, 'https://drive.google.com/file/d/x');
    await addEvidence(cardIds[2]!, 'https://www.home.go.th/never-checked');
    const other = await seedOffice('links-other', 'links-other.local');
    await db().insert(linkChecks).values([
      { orgId: home.orgId, url: 'https://www.home.go.th/ita/o1', status: 200, finalUrl: null, error: null, checkedAt: 1000 },
      { orgId: home.orgId, url: 'https://drive.google.com/file/d/x', status: 404, finalUrl: 'https://accounts.google.com/x', error: null, checkedAt: 2000 },
      // Another office's check of the same address is not this office's.
      { orgId: other.orgId, url: 'https://www.home.go.th/never-checked', status: 500, finalUrl: null, error: null, checkedAt: 3000 },
    ]);
    let health = await healthOfYear(db(), home.orgId, fy2567);
    expect([...health.keys()].sort()).toEqual(['https://drive.google.com/file/d/x', 'https://www.home.go.th/ita/o1']);
    expect(health.get('https://www.home.go.th/ita/o1')).toEqual({ flags: [], status: 200, checkedAt: 1000, finalUrl: null });
    expect(health.get('https://drive.google.com/file/d/x')).toEqual({ flags: ['dead', 'moved', 'file-sharing'], status: 404, checkedAt: 2000, finalUrl: 'https://accounts.google.com/x' });

    // Setting the main website re-flags at once, without a new check.
    const [org] = await db().select().from(organisations).where(eq(organisations.id, home.orgId));
    await db().update(organisations).set({ settings: { ...org!.settings, mainWebsite: 'home.go.th' } }).where(eq(organisations.id, home.orgId));
    health = await healthOfYear(db(), home.orgId, fy2567);
    expect(health.get('https://www.home.go.th/ita/o1')!.flags).toEqual([]);
    expect(health.get('https://drive.google.com/file/d/x')!.flags).toEqual(['dead', 'moved', 'not-main-site', 'file-sharing']);

    // Another year of the office holds none of these.
    expect((await healthOfYear(db(), home.orgId, 'no-such-year')).size).toBe(0);
    expect(await db().select().from(evidenceLinks).where(eq(evidenceLinks.orgId, home.orgId))).toHaveLength(4);
  });
});

const port = () => env.TEST_LINK_DOUBLE_PORT;
const site = (path: string, host = '127.0.0.1') => `http://${host}:${port()}${path}`;
const stats = async (): Promise<LinkDoubleStats> => (await fetch(site('/__double/stats'))).json();
const resetDouble = () => fetch(site('/__double/reset'), { method: 'POST' });

describe('checkLink against the local website double', () => {
  const quick = { timeoutMs: 400 };
  it('reads 200, 404 and 500 as the last answer, with no final address when none redirected', async () => {
    expect(await checkLink(site('/ok'), quick)).toEqual({ status: 200, finalUrl: null, error: null });
    expect(await checkLink(site('/gone'), quick)).toEqual({ status: 404, finalUrl: null, error: null });
    expect(await checkLink(site('/broken'), quick)).toEqual({ status: 500, finalUrl: null, error: null });
  });

  it('follows 301s by hand to the same host and to another host, and gives up after 5 redirects', async () => {
    expect(await checkLink(site('/same-host'), quick)).toEqual({ status: 200, finalUrl: site('/ok'), error: null });
    expect(await checkLink(site('/other-host'), quick)).toEqual({ status: 200, finalUrl: site('/ok', 'localhost'), error: null });
    await resetDouble();
    expect(await checkLink(site('/loop/0'), quick)).toEqual({ status: null, finalUrl: site('/loop/5'), error: 'redirects' });
    expect((await stats()).requests.map((r) => r.path)).toEqual(['/loop/0', '/loop/1', '/loop/2', '/loop/3', '/loop/4', '/loop/5']);
  });

  it('asks with HEAD, and again with GET when HEAD is refused (405)', async () => {
    await resetDouble();
    expect(await checkLink(site('/no-head'), quick)).toEqual({ status: 200, finalUrl: null, error: null });
    expect((await stats()).requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /no-head', 'GET /no-head']);
    await resetDouble();
    await checkLink(site('/ok'), quick);
    expect((await stats()).requests.map((r) => r.method)).toEqual(['HEAD']);
  });

  it('gives up on a server that never answers when the time-out fires, and on a host that does not exist', async () => {
    const started = Date.now();
    expect(await checkLink(site('/never'), { timeoutMs: 300 })).toEqual({ status: null, finalUrl: null, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
    // workerd reports a failed DNS lookup as an internal network error (deployed, Cloudflare answers 530 instead): dead either way.
    const noHost = await checkLink('http://no-such-office.invalid/ita', quick);
    expect(noHost).toEqual({ status: null, finalUrl: null, error: 'network' });
    expect(linkFlags('http://no-such-office.invalid/ita', noHost, null)).toContain('dead');
    expect(LINK_TIMEOUT_MS).toBe(10_000);
  });
});

let jobOffice: Demo | undefined;
let jobCookie: string | undefined;

describe('the daily job', () => {
  // A moment of fiscal year 2567 (the demo board's), 10:05 Bangkok.
  const june = Date.parse('2024-06-12T03:05:00Z');
  let office: Demo;
  let cookie: string;
  let links: string[];

  beforeAll(async () => {
    office = await seedOffice('links-job', 'links-job.local');
    // The first office's addresses are on the real internet: out of the pass (tests reach only local servers).
    await env.DB.prepare('delete from evidence_links where org_id = ?').bind(home.orgId).run();
    cookie = await cookieFor(office, 'admin');
    jobOffice = office;
    jobCookie = cookie;
    const cards = (await getBoard(cookie)).cards;
    links = [
      site('/ok'), site('/same-host'), site('/other-host'), site('/gone'), site('/broken'), site('/no-head'), site('/never'),
      'http://no-such-office.invalid/ita', '/files/links-job/abc/report.pdf',
      ...[1, 2, 3, 4, 5, 6].map((n) => site(`/slow/${n}`)),
      ...[1, 2].map((n) => site(`/slow/${n}`, 'localhost')),
    ];
    for (const [i, url] of links.entries()) {
      if (url.startsWith('/')) {
        // The app's own address (evidence files, part 3), written as that part will.
        await db().insert(evidenceLinks).values({ id: crypto.randomUUID(), orgId: office.orgId, cardId: cards[i]!.id, url, oitCode: 'O1' });
      } else {
        const r = await call('POST', `/api/cards/${cards[i]!.id}/evidence`, { cookie, body: { url, note: '', oitCode: 'O1' } });
        expect(r.status, r.text).toBe(201);
      }
    }
  });

  const fire = (at: number, links: LinkCheckDeps = { timeoutMs: 300 }) =>
    runScheduled(createScheduledController({ scheduledTime: at, cron: SCHEDULES.linkHealth }), env as unknown as Env, createExecutionContext(), { links });
  const cursor = async () => (await env.DB.prepare('select * from link_check_cursor').first()) as Record<string, unknown> | null;
  const checkedOf = async (orgId: string) =>
    ((await env.DB.prepare('select url, status, final_url, error, checked_at from link_checks where org_id = ? order by url').bind(orgId).all()).results) as { url: string; status: number | null; final_url: string | null; error: string | null; checked_at: number }[];

  it('checks in batches within the subrequest budget, resuming where the last run stopped, a few at a time per host', async () => {
    await resetDouble();
    // A budget of 14 fetches: two links' worst case at a time, so the pass takes several runs.
    const small = { timeoutMs: 300, subrequests: 14 };
    await fire(june, small);
    const first = await cursor();
    expect(first).toMatchObject({ pass_day: '2024-06-12', done: 0 });
    expect((await checkedOf(office.orgId)).length).toBeGreaterThan(0);
    expect((await stats()).requests.length).toBeLessThanOrEqual(14);

    let runs = 1;
    while (!(await cursor())!.done && runs < 40) {
      const before = (await stats()).requests.length;
      await fire(june + runs * 600_000, small);
      expect((await stats()).requests.length - before, 'fetches of one run').toBeLessThanOrEqual(14);
      runs++;
    }
    expect(runs).toBeGreaterThan(2);
    expect(await cursor()).toMatchObject({ pass_day: '2024-06-12', done: 1, after_org_id: null, after_url: null });

    // Every link of the office was checked once in the pass but its own /files/ address.
    const rows = await checkedOf(office.orgId);
    expect(rows.map((r) => r.url).sort()).toEqual(links.filter((u) => !u.startsWith('/')).sort());
    const by = new Map(rows.map((r) => [r.url, r]));
    expect(by.get(site('/ok'))).toMatchObject({ status: 200, final_url: null, error: null });
    expect(by.get(site('/other-host'))).toMatchObject({ status: 200, final_url: site('/ok', 'localhost') });
    expect(by.get(site('/gone'))).toMatchObject({ status: 404 });
    expect(by.get(site('/never'))).toMatchObject({ status: null, error: 'timeout' });
    const s = await stats();
    const slowOrOk = s.requests.filter((r) => r.path.startsWith('/slow/'));
    expect(slowOrOk.filter((r) => r.host === '127.0.0.1')).toHaveLength(6);
    // Never more than two requests at once to one host, never more than six in all.
    expect(s.maxInFlightByHost['127.0.0.1']).toBeLessThanOrEqual(2);
    expect(s.maxInFlight).toBeLessThanOrEqual(6);

    // Done for the day: the next runs of the same day fetch nothing.
    const total = s.requests.length;
    await fire(june + 50 * 600_000 - 3 * 3600_000);
    expect((await stats()).requests.length).toBe(total);
  });

  it('runs two at a time per host when the budget allows more', async () => {
    await resetDouble();
    const result = await checkLinks([1, 2, 3, 4, 5, 6].map((n) => ({ orgId: 'x', url: site(`/slow/${n}`) })), { timeoutMs: 2000 });
    expect(result.prefix).toBe(6);
    expect((await stats()).maxInFlightByHost['127.0.0.1']).toBe(2);
  });

  it('begins a new pass on the next Bangkok day', async () => {
    await resetDouble();
    const nextDay = Date.parse('2024-06-13T03:05:00Z');
    await fire(nextDay, { timeoutMs: 300 });
    expect(await cursor()).toMatchObject({ pass_day: '2024-06-13' });
    expect((await stats()).requests.length).toBeGreaterThan(0);
  });

  it('resumes after the place a cut-short run kept, not from the beginning', async () => {
    const own = links.filter((u) => !u.startsWith('/')).sort();
    // A pass stopped after the office's 10th link (by the order the check goes in).
    await env.DB.prepare('update link_check_cursor set done = 0, after_org_id = ?, after_url = ?').bind(office.orgId, own[9]).run();
    await resetDouble();
    await fire(Date.parse('2024-06-13T04:05:00Z'), { timeoutMs: 300 });
    const asked = new Set((await stats()).requests.map((r) => `http://${r.host}:${port()}${r.path}`));
    for (const url of own.slice(0, 10)) expect(asked.has(url), url).toBe(false);
    for (const url of own.slice(10).filter((u) => !u.includes('.invalid'))) expect(asked.has(url), url).toBe(true);
    expect(await cursor()).toMatchObject({ pass_day: '2024-06-13', done: 1 });
  });
});

describe('where the flags show', () => {
  // After the job's passes above: the office's links carry what the checks found.
  const office = () => jobOffice!;
  const cookie = () => jobCookie!;

  it('on the OIT readiness page, per evidence link of each item', async () => {
    const r = await call('GET', '/api/oit/2567', { cookie: cookie() });
    expect(r.status, r.text).toBe(200);
    const view = r.json as OitReadinessView;
    const o1 = view.items.find((i) => i.code === 'O1')!;
    const flagsOf = (path: string) => view.linkHealth[o1.evidence.find((e) => e.url === site(path))!.id]!;
    expect(flagsOf('/gone')).toMatchObject({ flags: ['dead', 'plain-http'], status: 404 });
    expect(flagsOf('/other-host').flags).toEqual(['moved', 'plain-http']);
    expect(flagsOf('/never')).toMatchObject({ flags: ['dead', 'plain-http'], status: null, error: 'timeout' });
    expect(flagsOf('/ok')).toMatchObject({ flags: ['plain-http'], status: 200 });
    const own = o1.evidence.find((e) => e.url.startsWith('/files/'))!;
    expect(view.linkHealth[own.id]).toMatchObject({ flags: [], checkedAt: null });
  });

  it('in the card details drawer, per evidence link', async () => {
    const board = await getBoard(cookie());
    const found = [];
    for (const card of board.cards.slice(0, 9)) {
      const r = await call('GET', `/api/cards/${card.id}`, { cookie: cookie() });
      expect(r.status, r.text).toBe(200);
      found.push(...(r.json as CardDetailsResponse).evidence);
    }
    const gone = found.find((e) => e.url === site('/gone'))!;
    expect(gone.health).toMatchObject({ flags: ['dead', 'plain-http'], status: 404, error: null });
    expect(gone.health.checkedAt).toBeGreaterThan(0);
  });

  it("in each director's digest: the flagged links of their group's steps, dead first", async () => {
    const now = Date.parse('2024-06-13T00:00:00Z');
    await runDigestJob(db(), now, 'ita-board@example.go.th', 'https://ita.test');
    const rows = (await env.DB.prepare("select raw, to_email from outbox where org_id = ? and dedupe_key like 'digest:%'").bind(office().orgId).all<{ raw: string; to_email: string }>()).results;
    expect(rows.length).toBeGreaterThan(0);
    const texts = await Promise.all(rows.map(async (r) => (await PostalMime.parse(r.raw)).text ?? ''));
    const withLinks = texts.filter((t) => t.includes('ลิงก์หลักฐานที่ควรแก้'));
    expect(withLinks.length).toBeGreaterThan(0);
    // Whichever group leads the /gone step: its director is told, with the words of the flag.
    const all = withLinks.join('\n');
    expect(all).toContain(`${site('/gone')} [ลิงก์เสีย, ไม่เข้ารหัส (http)]`);
  });

  it("in the executives' report within 30 days of the year's OIT deadline (dead first, in its email too), not earlier and not in the staff's", async () => {
    const today = bangkokDate(Date.now());
    const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const setDeadline = (d: string | null) => db().update(fiscalYears).set({ oitDeadline: d }).where(and(eq(fiscalYears.orgId, office().orgId), eq(fiscalYears.beYear, 2567)));
    const preview = async (kind: 'executive' | 'staff', periodKey: string) => {
      const r = await call('POST', '/api/reports/preview', { cookie: cookie(), body: { beYear: 2567, kind, periodKey } });
      expect(r.status, r.text).toBe(200);
      return (r.json as { preview: ReportContent }).preview;
    };
    try {
      await setDeadline(inDays(10));
      const near = await preview('executive', '2024-06-H2');
      expect(near.oitLinks).toMatchObject({ deadline: inDays(10), days: 10 });
      const listed = near.oitLinks!.links;
      expect(listed.map((l) => l.url)).toEqual(expect.arrayContaining([site('/gone'), site('/never'), site('/ok')]));
      expect(listed.find((l) => l.url === site('/gone'))!.flags).toEqual(['dead', 'plain-http']);
      // Dead links first; the app's own file addresses are never flagged.
      const firstWarning = listed.findIndex((l) => !l.flags.includes('dead'));
      expect(listed.slice(firstWarning).every((l) => !l.flags.includes('dead'))).toBe(true);
      expect(listed.some((l) => l.url.startsWith('/files/'))).toBe(false);
      const email = reportEmail(near);
      expect(email.text).toContain(`${site('/gone')} [ลิงก์เสีย, ไม่เข้ารหัส (http)]`);
      expect(email.html).toContain('ลิงก์หลักฐานที่ควรแก้ก่อนกำหนดส่ง OIT');
      expect((await preview('staff', '2024-06')).oitLinks).toBeUndefined();
      await setDeadline(inDays(31));
      expect((await preview('executive', '2024-06-H2')).oitLinks).toBeUndefined();
      await setDeadline(inDays(-1));
      expect((await preview('executive', '2024-06-H2')).oitLinks).toBeUndefined();
    } finally {
      await setDeadline(null);
    }
  });

  it('the LINE digest lists them too; warnings alone send nothing, a dead link does', () => {
    const base = { today: '2024-06-13', orgNameTh: 'สำนักงาน', thaiDigits: false, groupId: null, columns: [], measures: [], groups: [], cards: [{ id: 'c1', measureId: 'm', stepNumber: 1, title: 'ขั้น', columnId: 'x', leadGroupId: null, groupIds: [], dueOn: null, orgId: 'o', fiscalYearId: 'f' }] } as unknown as DigestInput;
    const warn = compileDigest({ ...base, links: [{ cardId: 'c1', url: 'http://a.example/x', flags: ['plain-http'] }] });
    expect(warn.flaggedLinks).toHaveLength(1);
    expect(digestIsEmpty(warn)).toBe(true);
    expect(digestPush(warn, 'G1', 'https://ita.test/board')).toBeNull();
    const dead = compileDigest({ ...base, links: [{ cardId: 'c1', url: 'https://a.example/gone', flags: ['dead'] }, { cardId: 'c1', url: 'http://a.example/x', flags: ['plain-http'] }] });
    expect(dead.flaggedLinks.map((l) => l.url)).toEqual(['https://a.example/gone', 'http://a.example/x']);
    const push = JSON.stringify(digestPush(dead, 'G1', 'https://ita.test/board'));
    expect(push).toContain('https://a.example/gone [ลิงก์เสีย]');
    expect(push).toContain('ลิงก์หลักฐานที่ควรแก้ (2)');
  });
});

describe('the main website setting (administrators)', () => {
  it('keeps the domain of what is typed, refuses what is not one in Thai and English changing nothing, clears on empty; others may not', async () => {
    const set = (mainWebsite: string, who = adminCookie) => call('PUT', '/api/admin/main-website', { cookie: who, body: { mainWebsite } });
    let r = await set('https://www.Home.go.th/');
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ mainWebsite: 'home.go.th' });
    r = await set('not a website');
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({ code: 'invalid_main_website', messageTh: expect.stringContaining('เว็บไซต์หลัก'), messageEn: expect.stringContaining('domain') });
    expect((await call('GET', '/api/admin/main-website', { cookie: adminCookie })).json).toEqual({ mainWebsite: 'home.go.th' });
    const staff = await cookieFor(home, 'staff');
    expect((await set('other.go.th', staff)).status).toBe(403);
    r = await set('  ');
    expect(r.json).toEqual({ mainWebsite: null });
    const [org] = await db().select().from(organisations).where(eq(organisations.id, home.orgId));
    expect(org!.settings.mainWebsite).toBeUndefined();
  });
});
