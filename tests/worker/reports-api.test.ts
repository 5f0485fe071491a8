// The reports API: who may read and who may configure or send, tenancy (another office's ids
// answer 404), refusals of bad input that change nothing, the CSV download, and recipients.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { BASE, call, cookieFor, getBoard, seedOffice, type Demo, type Who } from './helpers';

let home: Demo;
let other: Demo;
let reportId: string;
let otherReportId: string;
const ROLES: Who[] = ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff'];

const count = async (table: string) => (await env.DB.prepare(`select count(*) n from ${table}`).first<{ n: number }>())!.n;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2024-06-01T03:00:00Z'));
  home = await seedOffice('home-office');
  other = await seedOffice('other-office', 'other.local');
  // A card title that a spreadsheet would run as a formula.
  vi.setSystemTime(new Date('2024-06-03T03:00:00Z'));
  const admin = await cookieFor(home, 'admin');
  const card = (await getBoard(admin)).cards[0]!;
  const edited = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, title: '=cmd|" /C calc"!A0', dueOn: '2024-06-05' } });
  expect(edited.status, edited.text).toBe(200);
  vi.setSystemTime(new Date('2024-06-20T03:00:00Z'));
  const sent = await call('POST', '/api/reports/send', { cookie: await cookieFor(home, 'admin'), body: { beYear: 2567, kind: 'executive' } });
  expect(sent.status, sent.text).toBe(201);
  reportId = sent.json.report.id;
  const otherSent = await call('POST', '/api/reports/send', { cookie: await cookieFor(other, 'admin'), body: { beYear: 2567, kind: 'staff' } });
  expect(otherSent.status, otherSent.text).toBe(201);
  otherReportId = otherSent.json.report.id;
});

afterAll(() => {
  vi.useRealTimers();
});

describe('reading reports: every member of the office', () => {
  it('the archive of a fiscal year lists kept reports and the periods that have started', async () => {
    for (const who of ROLES) {
      const r = await call('GET', '/api/reports?beYear=2567', { cookie: await cookieFor(home, who) });
      expect(r.status, `${who}: ${r.text}`).toBe(200);
      expect(r.json.reports.map((x: any) => [x.kind, x.periodKey])).toEqual([['executive', '2024-06-H1']]);
      expect(r.json.reports[0].totals).toMatchObject({ total: 21 });
    }
    const r = await call('GET', '/api/reports?beYear=2567', { cookie: await cookieFor(home, 'staff') });
    expect(r.json.periods.executive[0]).toMatchObject({ key: '2024-06-H2', ended: false });
    expect(r.json.periods.executive[1]).toMatchObject({ key: '2024-06-H1', ended: true });
    expect(r.json.periods.executive.at(-1)).toMatchObject({ key: '2023-10-H1' });
    expect(r.json.periods.staff[0]).toMatchObject({ key: '2024-06', ended: false });
  });

  it('one report, and its CSV with a Thai file body, BOM, quoted cells and no live formulas', async () => {
    const cookie = await cookieFor(home, 'staff');
    const r = await call('GET', `/api/reports/${reportId}`, { cookie });
    expect(r.status).toBe(200);
    expect(r.json.report.content.overdue[0].title).toBe('=cmd|" /C calc"!A0');
    const csv = await call('GET', `/api/reports/${reportId}/csv`, { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ita-report-executive-2024-06-H1.csv"');
    // The body starts with the UTF-8 byte-order mark (text() would hide it: read the bytes).
    const raw = await exports.default.fetch(new Request(`${BASE}/api/reports/${reportId}/csv`, { headers: { cookie } }));
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('"\'=cmd|"" /C calc""!A0"');
    expect(csv.text).not.toMatch(/(^|,)"?=cmd/m);
    expect(csv.text).toContain('"ความก้าวหน้ารายมาตรการ"');
  });

  it('signed out: 401; another office’s report or a made-up id: 404', async () => {
    expect((await call('GET', '/api/reports?beYear=2567')).status).toBe(401);
    expect((await call('GET', `/api/reports/${reportId}`)).status).toBe(401);
    const cookie = await cookieFor(home, 'admin');
    for (const path of [`/api/reports/${otherReportId}`, `/api/reports/${otherReportId}/csv`, '/api/reports/nope', '/api/reports/nope/csv']) {
      const r = await call('GET', path, { cookie });
      expect(r.status, path).toBe(404);
      expect(r.json.error.code).toBe('not_found');
      expect(r.json.error.messageTh).toMatch(/ไม่พบ/);
    }
    const noYear = await call('GET', '/api/reports?beYear=2599', { cookie });
    expect(noYear.status).toBe(404);
    expect((await call('GET', '/api/reports?beYear=abc', { cookie })).status).toBe(400);
  });
});

describe('preview, send and configuration: administrators only', () => {
  const adminRoutes = (): [string, string, unknown?][] => [
    ['POST', '/api/reports/preview', { beYear: 2567, kind: 'staff' }],
    ['POST', '/api/reports/send', { beYear: 2567, kind: 'staff', periodKey: '2024-05' }],
    ['GET', '/api/reports/settings'],
    ['PUT', '/api/reports/settings', { reportKinds: { digest: false } }],
    ['POST', '/api/reports/recipients', { kind: 'staff', email: 'x@example.go.th', name: '' }],
    ['GET', '/api/reports/outbox'],
  ];

  it('every other role gets 403, changes nothing, and the refusal is audited', async () => {
    const before = [await count('reports'), await count('outbox'), await count('report_recipients')];
    for (const who of ROLES.filter((w) => w !== 'admin')) {
      for (const [method, path, body] of adminRoutes()) {
        const r = await call(method, path, { cookie: await cookieFor(home, who), body });
        expect(r.status, `${who} ${method} ${path}`).toBe(403);
        expect(r.json.error.code).toBe('forbidden');
      }
    }
    expect([await count('reports'), await count('outbox'), await count('report_recipients')]).toEqual(before);
    const audited = await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused' and org_id = ?").bind(home.orgId).first<{ n: number }>();
    expect(audited!.n).toBeGreaterThanOrEqual(24);
    for (const [method, path, body] of adminRoutes()) expect((await call(method, path, { body })).status).toBe(401);
  });

  it('refuses bad input with a bilingual error and keeps nothing', async () => {
    const cookie = await cookieFor(home, 'admin');
    const before = await count('reports');
    const cases: [unknown, number, string][] = [
      [{ beYear: 2567, kind: 'digest' }, 400, 'invalid_input'],
      [{ beYear: 2567, kind: 'staff', extra: 1 }, 400, 'invalid_input'],
      [{ beYear: 2567, kind: 'staff', periodKey: '2024-06-H1' }, 422, 'invalid_period'],
      [{ beYear: 2567, kind: 'staff', periodKey: '2024-02-30' }, 422, 'invalid_period'],
      [{ beYear: 2567, kind: 'staff', periodKey: '2024-10' }, 422, 'period_outside_year'],
      [{ beYear: 2567, kind: 'staff', periodKey: '2024-06' }, 422, 'period_not_ended'],
      [{ beYear: 2567, kind: 'executive', periodKey: '2024-07-H1' }, 422, 'period_not_started'],
      [{ beYear: 2599, kind: 'staff' }, 404, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const r = await call('POST', '/api/reports/send', { cookie, body });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.json.error.code).toBe(code);
      expect(r.json.error.messageTh.length).toBeGreaterThan(0);
      expect(r.json.error.messageEn.length).toBeGreaterThan(0);
    }
    expect(await count('reports')).toBe(before);
    // A period still running may be previewed, not kept.
    const preview = await call('POST', '/api/reports/preview', { cookie, body: { beYear: 2567, kind: 'staff', periodKey: '2024-06' } });
    expect(preview.status).toBe(200);
    expect(preview.json.preview.period.key).toBe('2024-06');
  });

  it('cross-site writes are refused before anything happens', async () => {
    const r = await call('POST', '/api/reports/send', {
      cookie: await cookieFor(home, 'admin'),
      body: { beYear: 2567, kind: 'staff', periodKey: '2024-05' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('cross_site_request');
  });
});

describe('recipients and report kinds', () => {
  it('an admin adds and removes explicit recipients; defaults are counted per kind', async () => {
    const cookie = await cookieFor(home, 'admin');
    const added = await call('POST', '/api/reports/recipients', { cookie, body: { kind: 'staff', email: '  Clerk@Example.GO.TH ', name: 'ธุรการ <b>' } });
    expect(added.status, added.text).toBe(201);
    expect(added.json.recipient).toMatchObject({ kind: 'staff', email: 'clerk@example.go.th', name: 'ธุรการ <b>' });
    const dup = await call('POST', '/api/reports/recipients', { cookie, body: { kind: 'staff', email: 'clerk@example.go.th', name: '' } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('recipient_exists');
    const bad = await call('POST', '/api/reports/recipients', { cookie, body: { kind: 'staff', email: 'not an address' } });
    expect(bad.status).toBe(400);

    const settings = await call('GET', '/api/reports/settings', { cookie });
    expect(settings.json.defaultRecipients).toEqual({ executive: 3, staff: 5, digest: 2 });
    expect(settings.json.recipients).toEqual([{ id: added.json.recipient.id, kind: 'staff', email: 'clerk@example.go.th', name: 'ธุรการ <b>' }]);
    expect(settings.json.reportKinds).toEqual({ executive: true, staff: true, digest: true });

    // Another office cannot see or remove it.
    const foreign = await call('DELETE', `/api/reports/recipients/${added.json.recipient.id}`, { cookie: await cookieFor(other, 'admin') });
    expect(foreign.status).toBe(404);
    const otherSettings = await call('GET', '/api/reports/settings', { cookie: await cookieFor(other, 'admin') });
    expect(otherSettings.json.recipients).toEqual([]);

    // The next staff report goes to the office and to the clerk.
    const sent = await call('POST', '/api/reports/send', { cookie, body: { beYear: 2567, kind: 'staff', periodKey: '2024-05' } });
    expect(sent.status).toBe(201);
    expect(sent.json.queued).toBe(6);
    const removed = await call('DELETE', `/api/reports/recipients/${added.json.recipient.id}`, { cookie });
    expect(removed.status).toBe(200);
    expect((await call('DELETE', `/api/reports/recipients/${added.json.recipient.id}`, { cookie })).status).toBe(404);
  });

  it('switching kinds keeps the office’s other settings', async () => {
    await env.DB.prepare(`update organisations set settings = '{"thaiDigits":true,"publicPage":true}' where id = ?`).bind(home.orgId).run();
    const cookie = await cookieFor(home, 'admin');
    const r = await call('PUT', '/api/reports/settings', { cookie, body: { reportKinds: { digest: false } } });
    expect(r.status).toBe(200);
    expect(r.json.reportKinds).toEqual({ executive: true, staff: true, digest: false });
    const row = await env.DB.prepare('select settings from organisations where id = ?').bind(home.orgId).first<{ settings: string }>();
    expect(JSON.parse(row!.settings)).toEqual({ thaiDigits: true, publicPage: true, reportKinds: { digest: false } });
    await call('PUT', '/api/reports/settings', { cookie, body: { reportKinds: { digest: true, executive: false } } });
    const again = await env.DB.prepare('select settings from organisations where id = ?').bind(home.orgId).first<{ settings: string }>();
    expect(JSON.parse(again!.settings).reportKinds).toEqual({ digest: true, executive: false });
    expect((await call('PUT', '/api/reports/settings', { cookie, body: { reportKinds: { weekly: true } } })).status).toBe(400);
  });

  it('the outbox list shows this office’s messages only, without their content', async () => {
    const r = await call('GET', '/api/reports/outbox', { cookie: await cookieFor(other, 'admin') });
    expect(r.status).toBe(200);
    expect(r.json.messages.length).toBe(5);
    expect(r.json.messages.every((m: any) => m.toEmail.endsWith('other.local') && m.raw === undefined && m.status === 'pending')).toBe(true);
    const foreignRetry = await call('POST', `/api/reports/outbox/${r.json.messages[0].id}/retry`, { cookie: await cookieFor(home, 'admin') });
    expect(foreignRetry.status).toBe(404);
  });
});
