// The OIT submission through the real API (issue 18, part 5): per item its code and title, the
// office's website page, every evidence address (the board's own files made absolute), the
// explanation prefilled from the evidence notes until someone writes one, and the links' health;
// who may save an item's fields (administrators; directors for the items their evidence serves),
// what is refused and changes nothing, the version guard, the audit entry, and the CSV (BOM,
// quoting, formulas neutralised).
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, parseCsv, seedOffice, type Demo, type Who } from './helpers';
import { evidenceLinks } from '../../worker/db/schema';
import type { SubmissionItem, SubmissionView } from '../../worker/domain/submission';
import type { BoardView } from '../../worker/domain/contracts';

let home: Demo;
let other: Demo;
let board: BoardView;
const cookie: Partial<Record<Who | 'otherAdmin', string>> = {};
/** APP_URL of the tests' Worker (vitest.config.ts). */
const APP = 'https://ita.test';

const person = (name = '', position = '', date: string | null = null) => ({ name, position, date });
const fields = (over: Record<string, unknown> = {}) => ({
  version: 0,
  pageUrl: 'https://phichit.example.go.th/oit/o1',
  explanation: null,
  publishedInfo: 'โครงสร้างหน่วยงาน',
  requester: person('นางสาวสมใจ ใจดี', 'นักวิชาการศึกษา', '2024-03-01'),
  approver: person('นายสมชาย รักงาน', 'ศึกษาธิการจังหวัดพิจิตร', '2024-03-02'),
  poster: person('นายเว็บ มาสเตอร์', 'นักวิชาการคอมพิวเตอร์', '2024-03-03'),
  ...over,
});

const view = async (who: Who | 'otherAdmin' = 'executive', year = 2567) => {
  const r = await call('GET', `/api/oit/${year}/submission`, { cookie: cookie[who] });
  expect(r.status, r.text).toBe(200);
  return r.json as SubmissionView;
};
const itemOf = async (code: string, who: Who | 'otherAdmin' = 'executive') => (await view(who)).items.find((i) => i.code === code)!;
const save = (code: string, body: unknown, who: Who | 'otherAdmin' = 'admin') => call('PUT', `/api/oit/2567/submission/${code}`, { cookie: cookie[who], body });
const savedRows = async () => ((await env.DB.prepare('select count(*) n from oit_submissions').first()) as { n: number }).n;
const refusals = async () => ((await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused'").first()) as { n: number }).n;
const audits = async () => ((await env.DB.prepare("select count(*) n from audit_log where action = 'oit.submission_saved'").first()) as { n: number }).n;

beforeAll(async () => {
  home = await seedOffice('sub-home');
  other = await seedOffice('sub-other', 'sub-other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff'] as const) cookie[who] = await cookieFor(home, who);
  cookie.otherAdmin = await cookieFor(other, 'admin');
  board = await getBoard(cookie.admin!);
  const cardOf = (n: number, step = 0) => board.cards.filter((c) => c.measureId === board.measures.find((m) => m.number === n)!.id)[step]!.id;
  // Measure 1 is กลุ่มอำนวยการ's, measure 4 กลุ่มบริหารงานบุคคล's.
  const links: [string, string, string, string][] = [
    [cardOf(1), 'https://phichit.example.go.th/structure', 'โครงสร้างองค์กรปี 2567', 'O1'],
    [cardOf(1, 1), 'https://phichit.example.go.th/structure-2', 'แผนผังผู้บริหาร', 'O1'],
    [cardOf(1, 1), 'https://phichit.example.go.th/structure-3', 'โครงสร้างองค์กรปี 2567', 'O1'],
    [cardOf(4), 'https://phichit.example.go.th/complaints', '=HYPERLINK("https://evil.example","คลิก")', 'O7'],
  ];
  for (const [cardId, url, note, oitCode] of links) {
    const r = await call('POST', `/api/cards/${cardId}/evidence`, { cookie: cookie.admin, body: { url, note, oitCode } });
    expect(r.status, r.text).toBe(201);
  }
  // An evidence file on the board (issue 18 part 3 stores them at /files/<office>/<id>/<name>).
  await db().insert(evidenceLinks).values({ id: crypto.randomUUID(), orgId: home.orgId, cardId: cardOf(4), url: '/files/sub-home/f1/complaints.pdf', note: '', oitCode: 'O7' });
});

describe('the submission view', () => {
  it('lists every item of the catalogue with its evidence addresses, absolute, in the order they were added', async () => {
    const v = await view();
    expect(v.fiscalYear.beYear).toBe(2567);
    expect(v.office.slug).toBe('sub-home');
    expect(v.items.length).toBe(43);
    expect(v.items[0]!.code).toBe('O1');
    const o1 = v.items.find((i) => i.code === 'O1')!;
    expect(o1.titleTh).not.toBe('');
    expect(o1.evidence.map((e) => e.url)).toEqual([
      'https://phichit.example.go.th/structure',
      'https://phichit.example.go.th/structure-2',
      'https://phichit.example.go.th/structure-3',
    ]);
    const o7 = v.items.find((i) => i.code === 'O7')!;
    expect(o7.evidence.map((e) => e.url)).toEqual(['https://phichit.example.go.th/complaints', `${APP}/files/sub-home/f1/complaints.pdf`]);
    expect(v.items.find((i) => i.code === 'O2')!.evidence).toEqual([]);
  });

  it('prefills the explanation from the evidence notes (each note once) until someone writes one', async () => {
    const o1 = await itemOf('O1');
    expect(o1.explanation).toBeNull();
    expect(o1.explanationText).toBe('โครงสร้างองค์กรปี 2567\nแผนผังผู้บริหาร');
    expect(o1.version).toBe(0);
    expect(o1.pageUrl).toBeNull();
  });

  it('shows each item\'s health before any link check: no evidence, or not checked yet', async () => {
    const v = await view();
    expect(v.items.find((i) => i.code === 'O1')!.health).toEqual({ state: 'unchecked', flags: [], checkedAt: null });
    expect(v.items.find((i) => i.code === 'O2')!.health.state).toBe('no-evidence');
  });

  it('tells each reader which items they may edit: administrators all, a director the items their evidence serves, executives none', async () => {
    const editable = async (who: Who) => (await view(who)).items.filter((i) => i.canEdit).map((i) => i.code);
    expect((await editable('admin')).length).toBe(43);
    expect(await editable('directorAdmin')).toEqual(['O1']);
    expect(await editable('directorPersonnel')).toEqual(['O7']);
    expect(await editable('executive')).toEqual([]);
    expect(await editable('staff')).toEqual([]);
  });

  it("answers another office's reader with their own office only", async () => {
    const v = await view('otherAdmin');
    expect(v.office.slug).toBe('sub-other');
    expect(v.items.find((i) => i.code === 'O1')!.evidence).toEqual([]);
  });
});

describe('saving an item', () => {
  it('saves the fields, keeps the prefill until an explanation is written, audits the save and advances the version', async () => {
    const before = await audits();
    const r = await save('O1', fields());
    expect(r.status, r.text).toBe(200);
    const item = r.json.item as SubmissionItem;
    expect(item.version).toBe(1);
    expect(item.pageUrl).toBe('https://phichit.example.go.th/oit/o1');
    expect(item.explanation).toBeNull();
    expect(item.explanationText).toBe('โครงสร้างองค์กรปี 2567\nแผนผังผู้บริหาร');
    expect(item.requester).toEqual(person('นางสาวสมใจ ใจดี', 'นักวิชาการศึกษา', '2024-03-01'));
    expect(item.approver.name).toBe('นายสมชาย รักงาน');
    expect(item.poster.date).toBe('2024-03-03');
    expect(await audits()).toBe(before + 1);
    const entry = await env.DB.prepare("select detail, user_id from audit_log where action = 'oit.submission_saved' order by id desc limit 1").first<{ detail: string; user_id: string }>();
    expect(JSON.parse(entry!.detail)).toMatchObject({ beYear: 2567, code: 'O1', version: 1, changed: ['pageUrl', 'publishedInfo', 'requester', 'approver', 'poster'] });
    expect(entry!.user_id).toBe(home.userIds['admin@demo.local']);

    const written = await save('O1', fields({ version: 1, explanation: 'เผยแพร่โครงสร้างที่หน้าเว็บไซต์ "เกี่ยวกับเรา"' }));
    expect(written.status, written.text).toBe(200);
    const again = await itemOf('O1');
    expect(again.version).toBe(2);
    expect(again.explanationText).toBe('เผยแพร่โครงสร้างที่หน้าเว็บไซต์ "เกี่ยวกับเรา"');
    // null goes back to the notes.
    const reset = await save('O1', fields({ version: 2, explanation: null }));
    expect(reset.status, reset.text).toBe(200);
    expect((await itemOf('O1')).explanationText).toBe('โครงสร้างองค์กรปี 2567\nแผนผังผู้บริหาร');
  });

  it('refuses a save that started from an older version (someone saved first), keeping theirs', async () => {
    const current = await itemOf('O1');
    const first = await save('O1', fields({ version: current.version, explanation: 'ฉบับของคนแรก' }));
    expect(first.status, first.text).toBe(200);
    const late = await save('O1', fields({ version: current.version, explanation: 'ฉบับของคนที่สอง' }));
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('submission_changed');
    expect(late.json.error.messageTh).toContain('O1');
    expect(late.json.error.messageEn).toContain('O1');
    expect(late.json.version).toBe(current.version + 1);
    expect((await itemOf('O1')).explanationText).toBe('ฉบับของคนแรก');
    // A first save (version 0) racing another first save: the second is refused too.
    const a = await save('O3', fields());
    const b = await save('O3', fields({ explanation: 'ทับ' }));
    expect([a.status, b.status]).toEqual([200, 409]);
    expect((await itemOf('O3')).explanation).toBeNull();
  });

  it('refuses bad input with a clear error in Thai and English, and changes nothing', async () => {
    const rows = await savedRows();
    const o1 = await itemOf('O1');
    const refusals: [unknown, number, string][] = [
      [fields({ version: o1.version, pageUrl: 'javascript:alert(1)' }), 400, 'invalid_input'],
      [fields({ version: o1.version, pageUrl: 'ftp://phichit.example.go.th/x' }), 400, 'invalid_input'],
      [fields({ version: o1.version, pageUrl: 'https://www.opdc.go.th@evil.example/' }), 400, 'invalid_input'],
      [fields({ version: o1.version, pageUrl: 'phichit.example.go.th/oit' }), 400, 'invalid_input'],
      [fields({ version: o1.version, publishedInfo: 'x\u202Eabc' }), 400, 'invalid_input'],
      [fields({ version: o1.version, requester: person('ก', 'ข', '2024-02-30') }), 400, 'invalid_input'],
      // 2567 typed as a Christian Era year: a real date, but no office means it.
      [fields({ version: o1.version, approver: person('ก', 'ข', '3024-03-02') }), 422, 'implausible_date'],
      [fields({ version: o1.version, explanation: 'x'.repeat(5001) }), 400, 'invalid_input'],
      [{ ...fields({ version: o1.version }), extra: 1 }, 400, 'invalid_input'],
    ];
    for (const [body, status, code] of refusals) {
      const r = await save('O1', body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.json.error.code).toBe(code);
      expect(r.json.error.messageTh).toBeTruthy();
      expect(r.json.error.messageEn).toBeTruthy();
    }
    const unknown = await save('O99', fields());
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('not_found');
    const badCode = await save('O%201%3D', fields());
    expect(badCode.status).toBe(400);
    expect(await savedRows()).toBe(rows);
    expect(await itemOf('O1')).toEqual(o1);
  });

  it('lets a director save the items their evidence serves and no other; executives and staff are refused (and audited)', async () => {
    const mine = await save('O1', fields({ version: (await itemOf('O1')).version, pageUrl: 'https://phichit.example.go.th/oit/o1-director' }), 'directorAdmin');
    expect(mine.status, mine.text).toBe(200);
    const refusalsBefore = await refusals();
    for (const [who, code] of [['directorAdmin', 'O7'], ['directorPersonnel', 'O1'], ['directorAdmin', 'O2'], ['executive', 'O1'], ['staff', 'O7']] as const) {
      const r = await save(code, fields({ version: (await itemOf(code)).version }), who);
      expect(r.status, `${who} ${code}`).toBe(403);
    }
    const refusalsAfter = await refusals();
    expect(refusalsAfter - refusalsBefore).toBe(5);
    const theirs = await save('O7', fields(), 'directorPersonnel');
    expect(theirs.status, theirs.text).toBe(200);
    expect((await itemOf('O2')).version).toBe(0);
  });

  it("keeps offices apart: another office's administrator saves only their own office's item", async () => {
    const r = await save('O1', fields(), 'otherAdmin');
    expect(r.status, r.text).toBe(200);
    expect((await itemOf('O1', 'otherAdmin')).version).toBe(1);
    expect((await itemOf('O1')).pageUrl).toBe('https://phichit.example.go.th/oit/o1-director');
  });

  it('refuses saves in an archived year', async () => {
    await env.DB.prepare('update fiscal_years set archived_at = ? where id = ?').bind(Date.now(), home.fiscalYearId).run();
    try {
      const r = await save('O2', fields());
      expect(r.status).toBe(409);
      expect(r.json.error.code).toBe('fiscal_year_archived');
      expect((await view('admin')).items.every((i) => !i.canEdit)).toBe(true);
    } finally {
      await env.DB.prepare('update fiscal_years set archived_at = null where id = ?').bind(home.fiscalYearId).run();
    }
  });
});

describe('the CSV', () => {
  it('is one row per item with the page, every evidence address, the explanation and the health, with a BOM and formulas neutralised', async () => {
    await save('O7', fields({ version: (await itemOf('O7')).version, explanation: '+SUM(A1:A9) และ "อ้างอิง", บรรทัดใหม่\nบรรทัดสอง' }));
    const r = await call('GET', '/api/oit/2567/submission.csv', { cookie: cookie.staff });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="oit-submission-sub-home-2567.csv"');
    const raw = new Uint8Array(await (await fetchRaw()).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(r.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['รหัสข้อ', 'ชื่อข้อ', 'หน้าเว็บไซต์ของหน่วยงานที่ตอบข้อนี้', 'ที่อยู่หลักฐาน', 'คำอธิบาย', 'สถานะลิงก์']);
    expect(rows.length).toBe(44);
    const o1 = rows.find((row) => row[0] === 'O1')!;
    expect(o1[2]).toBe('https://phichit.example.go.th/oit/o1-director');
    expect(o1[3]).toBe('https://phichit.example.go.th/structure\nhttps://phichit.example.go.th/structure-2\nhttps://phichit.example.go.th/structure-3');
    expect(o1[5]).toBe('ยังไม่ได้ตรวจลิงก์');
    const o7 = rows.find((row) => row[0] === 'O7')!;
    expect(o7[3]).toBe(`https://phichit.example.go.th/complaints\n${APP}/files/sub-home/f1/complaints.pdf`);
    expect(o7[4]).toBe('\'+SUM(A1:A9) และ "อ้างอิง", บรรทัดใหม่\nบรรทัดสอง');
    const o2 = rows.find((row) => row[0] === 'O2')!;
    expect(o2.slice(2)).toEqual(['', '', '', 'ยังไม่มีหลักฐาน']);
    // An unsaved item's explanation is its evidence notes, and a note typed as a formula stays text.
    await db().insert(evidenceLinks).values({ id: crypto.randomUUID(), orgId: home.orgId, cardId: board.cards[0]!.id, url: 'https://phichit.example.go.th/plan', note: '@cmd|calc', oitCode: 'O12' });
    const again = parseCsv((await call('GET', '/api/oit/2567/submission.csv', { cookie: cookie.staff })).text.replace(/^\uFEFF/, ''));
    expect(again.find((row) => row[0] === 'O12')![4]).toBe("'@cmd|calc");
    // The director's save sent no explanation: O1 reads its notes again.
    expect(again.find((row) => row[0] === 'O1')![4]).toBe('โครงสร้างองค์กรปี 2567\nแผนผังผู้บริหาร');
  });

  it('needs a signed-in member of the office', async () => {
    expect((await call('GET', '/api/oit/2567/submission.csv')).status).toBe(401);
    expect((await call('GET', '/api/oit/2599/submission.csv', { cookie: cookie.admin })).status).toBe(404);
  });
});

describe('link health (the daily check\'s results, issue 18 part 2)', () => {
  it('shows each item\'s health from the kept checks: dead links flagged, unchecked ones said, the board\'s own files healthy; the CSV names the flagged addresses', async () => {
    const checkedAt = Date.UTC(2026, 10, 29, 20, 0);
    const check = (url: string, status: number | null, error: string | null = null) =>
      env.DB.prepare('insert into link_checks (org_id, url, status, final_url, error, checked_at) values (?, ?, ?, null, ?, ?)').bind(home.orgId, url, status, error, checkedAt).run();
    await check('https://phichit.example.go.th/structure', 200);
    await check('https://phichit.example.go.th/structure-2', 404);
    await check('https://phichit.example.go.th/complaints', 200);
    // A file-sharing link not checked yet is flagged by its address alone.
    await db().insert(evidenceLinks).values({ id: crypto.randomUUID(), orgId: home.orgId, cardId: board.cards[0]!.id, url: 'https://drive.google.com/file/d/abc/view', note: '', oitCode: 'O20' });
    const v = await view();
    const o1 = v.items.find((i) => i.code === 'O1')!;
    expect(o1.health).toEqual({ state: 'flagged', flags: ['dead'], checkedAt });
    expect(o1.evidence.map((e) => e.health?.flags ?? null)).toEqual([[], ['dead'], null]);
    // O7: its web link checked and fine, its evidence file never fetched and healthy.
    expect(v.items.find((i) => i.code === 'O7')!.health).toEqual({ state: 'ok', flags: [], checkedAt });
    expect(v.items.find((i) => i.code === 'O12')!.health.state).toBe('unchecked');
    expect(v.items.find((i) => i.code === 'O20')!.health).toMatchObject({ state: 'flagged', flags: ['file-sharing'], checkedAt: null });
    const text = (await call('GET', '/api/oit/2567/submission.csv', { cookie: cookie.admin })).text;
    expect(text).toContain('"มีลิงก์ที่ต้องแก้ไข\nhttps://phichit.example.go.th/structure-2 — ลิงก์เสีย"');
    expect(text).toContain('"ลิงก์ใช้งานได้ทั้งหมด"');
    expect(text).toContain('"มีลิงก์ที่ต้องแก้ไข\nhttps://drive.google.com/file/d/abc/view — ลิงก์แชร์ไฟล์"');
  });
});

/** The CSV's bytes as served (the helper reads text, which drops nothing but hides the BOM's bytes). */
async function fetchRaw(): Promise<Response> {
  const { exports } = await import('cloudflare:workers');
  return exports.default.fetch(new Request('https://ita.test/api/oit/2567/submission.csv', { headers: { cookie: cookie.staff! } }));
}
