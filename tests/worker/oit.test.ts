// OIT readiness through the real API: figures on known evidence, each fiscal year's submission
// deadline (refused outside its year), the
// administrator's catalogue edits (and who may not), and the TSV import with preview and commit.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, seedOffice, type Demo, type Who } from './helpers';
import { evidenceLinks } from '../../worker/db/schema';
import { OIT_ITEMS_2567 } from '../../worker/seed/oit-items-2567';
import { PHICHIT_2567_ANNOUNCEMENT } from '../../worker/seed/announcement-phichit-2567';
import type { OitReadinessView } from '../../worker/domain/views';
import type { BoardView } from '../../worker/domain/contracts';

let home: Demo;
let other: Demo;
let board: BoardView;
const cookie: Partial<Record<Who | 'otherAdmin', string>> = {};

/** The shape of shared/reference/oit-items-2567.tsv: comment lines, a header, then the items. */
const referenceTsv = (items = OIT_ITEMS_2567) =>
  [
    '# OIT item catalogue as used by education-sector agencies for ITA fiscal years 2566-2567 (43 items).',
    '# Columns: code, Thai title, sub-indicator, English gloss.',
    'code\ttitle_th\tsub_indicator\ttitle_en',
    ...items.map((i) => [i.code, i.titleTh, i.subIndicator, i.titleEn].join('\t')),
  ].join('\n');

const readiness = async (who: Who | 'otherAdmin' = 'executive', year = 2567) => {
  const r = await call('GET', `/api/oit/${year}`, { cookie: cookie[who] });
  expect(r.status, r.text).toBe(200);
  return r.json as OitReadinessView;
};

const itemId = async (code: string, year = 2567) => (await readiness('admin', year)).items.find((i) => i.code === code)!.id;
const itemCount = async () => ((await env.DB.prepare('select count(*) n from oit_items').first()) as { n: number }).n;

beforeAll(async () => {
  home = await seedOffice('oit-home');
  other = await seedOffice('oit-other', 'oit-other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff'] as const) cookie[who] = await cookieFor(home, who);
  cookie.otherAdmin = await cookieFor(other, 'admin');
  board = await getBoard(cookie.admin!);
  const cardOf = (n: number, step = 0) => board.cards.filter((c) => c.measureId === board.measures.find((m) => m.number === n)!.id)[step]!.id;
  const links: [string, string, string][] = [
    [cardOf(1), 'https://phichit.example.go.th/structure', 'O1'],
    [cardOf(1, 1), 'https://phichit.example.go.th/structure-2', 'O1'],
    [cardOf(3), 'https://phichit.example.go.th/procurement-plan', 'O12'],
    [cardOf(4), 'https://phichit.example.go.th/complaints', 'O7'],
  ];
  for (const [cardId, url, oitCode] of links) {
    const r = await call('POST', `/api/cards/${cardId}/evidence`, { cookie: cookie.admin, body: { url, note: '', oitCode } });
    expect(r.status, r.text).toBe(201);
  }
  // Evidence left naming a code that is not in the catalogue (the API refuses such codes today;
  // older rows or a later catalogue edit can still leave one), written directly.
  await db().insert(evidenceLinks).values({ id: crypto.randomUUID(), orgId: home.orgId, cardId: cardOf(2), url: 'https://x.example/legacy', oitCode: 'X99' });
});

describe('readiness', () => {
  it('counts the items with at least one evidence link and lists the rest', async () => {
    const r = await readiness();
    expect(r.items).toHaveLength(43);
    expect(r.summary).toMatchObject({ items: 43, ready: 3, percent: 7 });
    expect(r.summary.missing).toHaveLength(40);
    expect(r.summary.missing.map((m) => m.code).slice(0, 4)).toEqual(['O2', 'O3', 'O4', 'O5']);
    const o1 = r.items.find((i) => i.code === 'O1')!;
    expect(o1.ready).toBe(true);
    expect(o1.evidence.map((e) => e.url)).toEqual(['https://phichit.example.go.th/structure', 'https://phichit.example.go.th/structure-2']);
    expect(o1.cards.map((c) => [c.measureNumber, c.stepNumber])).toEqual([[1, 1], [1, 2]]);
    expect(r.items.find((i) => i.code === 'O12')!.cards.map((c) => c.measureNumber)).toEqual([3]);
    expect(r.unmatched.map((e) => e.oitCode)).toEqual(['X99']);
    expect(r.canEdit).toBe(false);
    expect((await readiness('admin')).canEdit).toBe(true);
  });

  it('shows days remaining to the deadline an administrator sets for a fiscal year, and refuses it from others', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2024-06-01T02:00:00Z')); // 09:00 on 1 June 2567 in Bangkok
      const set = await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline: '2024-06-11' } });
      expect(set.status, set.text).toBe(200);
      expect(set.json).toEqual({ beYear: 2567, submissionDeadline: '2024-06-11' });
      expect((await readiness()).summary).toMatchObject({ deadline: '2024-06-11', daysRemaining: 10 });
      expect((await readiness()).office.submissionDeadline).toBe('2024-06-11');
      await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline: '2024-05-29' } });
      expect((await readiness()).summary.daysRemaining).toBe(-3);

      for (const who of ['staff', 'executive', 'directorAdmin'] as const) {
        expect((await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie[who], body: { submissionDeadline: '2024-06-20' } })).status).toBe(403);
      }
      for (const body of [{ submissionDeadline: '2024-02-30' }, { submissionDeadline: 'soon' }, { submissionDeadline: null, extra: 1 }, {}]) {
        const r = await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body });
        expect(r.status, JSON.stringify(body)).toBe(400);
      }
      expect((await call('PATCH', '/api/oit/2599/deadline', { cookie: cookie.admin, body: { submissionDeadline: null } })).status).toBe(404);
      expect((await readiness()).summary.deadline).toBe('2024-05-29');
      await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline: null } });
      expect((await readiness()).summary).toMatchObject({ deadline: null, daysRemaining: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a deadline outside its fiscal year (a Buddhist Era year typed as Christian Era: 2568 → 3111) with a clear error, changing nothing', async () => {
    await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline: '2024-06-30' } });
    for (const submissionDeadline of ['3111-06-30', '2568-06-30', '2023-09-30', '2024-10-01']) {
      const r = await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline } });
      expect(r.status, submissionDeadline).toBe(422);
      expect(r.json.error.code).toBe('implausible_date');
      expect(r.json.error.messageTh).toContain('ระหว่าง 1 ต.ค. 2566 ถึง 30 ก.ย. 2567');
      expect(r.json.error.messageEn).toContain('between 1 Oct 2566 BE and 30 Sep 2567 BE');
    }
    const edge = await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline: '2024-09-30' } });
    expect(edge.status, edge.text).toBe(200);
    expect((await readiness()).summary.deadline).toBe('2024-09-30');
  });

  it('keeps one deadline per fiscal year: setting 2566’s leaves 2567’s as it was', async () => {
    await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline: '2024-06-30' } });
    await env.DB.prepare(`insert into fiscal_years (id, org_id, be_year, starts_on, ends_on) values (?, ?, 2566, '2022-10-01', '2023-09-30')`)
      .bind(crypto.randomUUID(), home.orgId)
      .run();
    const set = await call('PATCH', '/api/oit/2566/deadline', { cookie: cookie.admin, body: { submissionDeadline: '2023-07-15' } });
    expect(set.status, set.text).toBe(200);
    expect((await readiness('executive', 2566)).summary.deadline).toBe('2023-07-15');
    expect((await readiness('executive', 2567)).summary.deadline).toBe('2024-06-30');
    // Another office's years are out of reach.
    expect((await readiness('otherAdmin', 2567)).summary.deadline).toBeNull();
  });

  it('the migration moves an office-wide deadline to the fiscal year it falls in (else the latest year)', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.endsWith('_present.sql'))!;
    const update = migration.queries.find((q) => q.trimStart().startsWith('UPDATE'))!;
    const orgA = crypto.randomUUID();
    const orgB = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare(`insert into organisations (id, slug, name_th, settings) values (?, ?, 'ก', ?)`).bind(orgA, `m-${orgA}`, JSON.stringify({ submissionDeadline: '2024-06-30', thaiDigits: true })),
      env.DB.prepare(`insert into organisations (id, slug, name_th, settings) values (?, ?, 'ข', ?)`).bind(orgB, `m-${orgB}`, JSON.stringify({ submissionDeadline: '2031-01-01' })),
      ...[
        [orgA, 2566, '2022-10-01', '2023-09-30'],
        [orgA, 2567, '2023-10-01', '2024-09-30'],
        [orgA, 2568, '2024-10-01', '2025-09-30'],
        [orgB, 2567, '2023-10-01', '2024-09-30'],
        [orgB, 2568, '2024-10-01', '2025-09-30'],
      ].map(([org, year, from, to]) =>
        env.DB.prepare(`insert into fiscal_years (id, org_id, be_year, starts_on, ends_on) values (?, ?, ?, ?, ?)`).bind(`${org}-${year}`, org, year, from, to),
      ),
    ]);
    await env.DB.prepare(update).run();
    const rows = await env.DB.prepare(`select org_id, be_year, oit_deadline from fiscal_years where org_id in (?, ?) order by org_id = ? desc, be_year`)
      .bind(orgA, orgB, orgA)
      .all<{ be_year: number; oit_deadline: string | null }>();
    expect(rows.results.map((r) => [r.be_year, r.oit_deadline])).toEqual([
      [2566, null],
      [2567, '2024-06-30'],
      [2568, null],
      [2567, null],
      [2568, '2031-01-01'],
    ]);
  });

  it("keeps offices apart: another office's catalogue has no evidence of ours", async () => {
    const theirs = await readiness('otherAdmin');
    expect(theirs.summary.ready).toBe(0);
    expect(theirs.unmatched).toEqual([]);
  });
});

describe('editing the catalogue', () => {
  it('adds, edits and deletes an item (code normalised to upper case)', async () => {
    const added = await call('POST', '/api/oit/2567/items', { cookie: cookie.admin, body: { code: 'o 44', titleTh: 'ข้อทดสอบ', position: 44 } });
    expect(added.status).toBe(201);
    expect(added.json.item).toMatchObject({ code: 'O44', titleTh: 'ข้อทดสอบ', titleEn: '', position: 44 });
    const dup = await call('POST', '/api/oit/2567/items', { cookie: cookie.admin, body: { code: 'O44', titleTh: 'ซ้ำ' } });
    expect([dup.status, dup.json.error.code]).toEqual([409, 'code_exists']);
    const id = added.json.item.id;
    const edited = await call('PATCH', `/api/oit/2567/items/${id}`, { cookie: cookie.admin, body: { titleEn: 'Test item', code: 'O45' } });
    expect(edited.status).toBe(200);
    expect(edited.json.item).toMatchObject({ code: 'O45', titleEn: 'Test item' });
    const gone = await call('DELETE', `/api/oit/2567/items/${id}`, { cookie: cookie.admin });
    expect(gone.status).toBe(200);
    expect((await readiness()).items).toHaveLength(43);
  });

  it('refuses to delete or re-code an item that has evidence, with a clear message, and changes nothing', async () => {
    const id = await itemId('O1');
    const del = await call('DELETE', `/api/oit/2567/items/${id}`, { cookie: cookie.admin });
    expect(del.status).toBe(409);
    expect(del.json.error).toMatchObject({ code: 'item_has_evidence' });
    expect(del.json.error.messageTh).toContain('O1');
    expect(del.json.error.messageEn).toMatch(/evidence/);
    const recode = await call('PATCH', `/api/oit/2567/items/${id}`, { cookie: cookie.admin, body: { code: 'O100' } });
    expect([recode.status, recode.json.error.code]).toEqual([409, 'item_has_evidence']);
    // Retitling is fine: the evidence still points at the code.
    expect((await call('PATCH', `/api/oit/2567/items/${id}`, { cookie: cookie.admin, body: { titleTh: 'โครงสร้างหน่วยงาน' } })).status).toBe(200);
    const o1 = (await readiness()).items.find((i) => i.id === id)!;
    expect(o1).toMatchObject({ code: 'O1', titleTh: 'โครงสร้างหน่วยงาน', ready: true });
  });

  it('refuses catalogue edits from staff, executives and directors, and audits the refusal', async () => {
    const id = await itemId('O2');
    const before = await itemCount();
    for (const who of ['staff', 'executive', 'directorAdmin'] as const) {
      const attempts = [
        call('POST', '/api/oit/2567/items', { cookie: cookie[who], body: { code: 'O99', titleTh: 'x' } }),
        call('PATCH', `/api/oit/2567/items/${id}`, { cookie: cookie[who], body: { titleTh: 'x' } }),
        call('DELETE', `/api/oit/2567/items/${id}`, { cookie: cookie[who] }),
        call('POST', '/api/oit/2567/items/import/commit', { cookie: cookie[who], body: { text: referenceTsv() } }),
      ];
      for (const r of await Promise.all(attempts)) expect(r.status).toBe(403);
    }
    expect(await itemCount()).toBe(before);
    expect((await readiness()).items.find((i) => i.id === id)!.titleTh).toBe('ข้อมูลผู้บริหาร');
    const audited = await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused' and org_id = ?").bind(home.orgId).first();
    expect((audited as { n: number }).n).toBeGreaterThanOrEqual(12);
  });

  it("answers 404 for another office's item ids, and 400 for bad input", async () => {
    const id = await itemId('O3');
    for (const [method, body] of [['PATCH', { titleTh: 'ถูกแก้' }], ['DELETE', undefined]] as const) {
      const r = await call(method, `/api/oit/2567/items/${id}`, { cookie: cookie.otherAdmin, body });
      expect(r.status).toBe(404);
    }
    expect((await readiness()).items.find((i) => i.id === id)!.titleTh).toBe('อำนาจหน้าที่');
    for (const body of [{ code: '', titleTh: 'x' }, { code: 'O50', titleTh: '' }, { code: '=1+1', titleTh: 'x' }, { code: 'O50', titleTh: 'x', extra: true }]) {
      expect((await call('POST', '/api/oit/2567/items', { cookie: cookie.admin, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('PATCH', `/api/oit/2567/items/${id}`, { cookie: cookie.admin, body: {} })).status).toBe(400);
  });
});

describe('importing a catalogue from TSV', () => {
  it('previews without writing, then commits new and changed items', async () => {
    const items = OIT_ITEMS_2567.map((i) => (i.code === 'O5' ? { ...i, titleTh: 'ช่องทางการติดต่อ' } : i));
    const text = [referenceTsv(items), 'O44\tข้อใหม่\t10.1\tNew item', 'O2\tซ้ำ\t\t', 'bad code!\tชื่อ\t\t', 'O46\t\t\t'].join('\n');
    const before = await itemCount();
    const preview = await call('POST', '/api/oit/2567/items/import/preview', { cookie: cookie.admin, body: { text } });
    expect(preview.status).toBe(200);
    expect(preview.json.add).toEqual(['O44']);
    // O1 was retitled above; the file puts the reference title back.
    expect(preview.json.update).toEqual(['O1', 'O5']);
    expect(preview.json.unchanged).toBe(41);
    expect(preview.json.warnings.map((w: { line: number; code: string }) => [w.line, w.code])).toEqual([
      [48, 'O2'],
      [49, 'BADCODE!'],
      [50, 'O46'],
    ]);
    expect(await itemCount()).toBe(before);

    const commit = await call('POST', '/api/oit/2567/items/import/commit', { cookie: cookie.admin, body: { text } });
    expect(commit.status, commit.text).toBe(200);
    expect(commit.json.items).toHaveLength(44);
    const after = await readiness();
    expect(after.items.map((i) => i.code).slice(-2)).toEqual(['O43', 'O44']);
    expect(after.items.find((i) => i.code === 'O5')!.titleTh).toBe('ช่องทางการติดต่อ');
    // Evidence still serves O1 after the import rewrote its title.
    expect(after.items.find((i) => i.code === 'O1')).toMatchObject({ titleTh: 'โครงสร้าง', ready: true });
  });

  it('fills an empty catalogue of a new year from the reference file', async () => {
    const body = { text: PHICHIT_2567_ANNOUNCEMENT, beYear: 2568, confirmYear: true };
    const preview = await call('POST', '/api/import/preview', { cookie: cookie.admin, body: { text: body.text, beYear: body.beYear } });
    const created = await call('POST', '/api/import/commit', { cookie: cookie.admin, body: { ...body, token: preview.json.token } });
    expect(created.status, created.text).toBe(201);
    expect((await readiness('admin', 2568)).items).toEqual([]);
    const r = await call('POST', '/api/oit/2568/items/import/commit', { cookie: cookie.admin, body: { text: referenceTsv() } });
    expect(r.status).toBe(200);
    expect(r.json.add).toHaveLength(43);
    const listed = await call('GET', '/api/oit/2568/items', { cookie: cookie.staff });
    expect(listed.json.items.map((i: { code: string }) => i.code)).toEqual(OIT_ITEMS_2567.map((i) => i.code));
    expect(listed.json.items[7]).toMatchObject({ code: 'O8', titleTh: 'Q&A', subIndicator: '9.1 ข้อมูลพื้นฐาน', titleEn: 'Questions and answers channel', position: 7 });
  });

  it('refuses text with nothing importable (422) and changes nothing', async () => {
    const before = await itemCount();
    const r = await call('POST', '/api/oit/2567/items/import/commit', { cookie: cookie.admin, body: { text: '# only a comment\ncode\ttitle_th\n' } });
    expect([r.status, r.json.error.code]).toEqual([422, 'nothing_to_import']);
    expect(await itemCount()).toBe(before);
  });
});
