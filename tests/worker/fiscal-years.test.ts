// A fiscal year's life cycle through the real API and D1: archive (read-only for everyone, kept
// with its reports and log, off the default menu, restorable), delete only a year whose log holds
// nothing but its import (audit-logged), and the year everyone lands on after signing in.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, type Demo, type Who } from './helpers';
import { defaultFiscalYear } from '../../worker/domain/fiscal-year';
import type { BoardView } from '../../worker/domain/contracts';

let home: Demo;
let other: Demo;
let board: BoardView;
const cookie: Partial<Record<Who | 'otherAdmin', string>> = {};

const count = async (sql: string, ...args: unknown[]) => ((await env.DB.prepare(sql).bind(...args).first()) as { n: number }).n;
const move = (card: BoardView['cards'][number], column: number, who: Who = 'admin') =>
  call('POST', `/api/cards/${card.id}/move`, { cookie: cookie[who], body: { toColumnId: board.columns[column]!.id, afterCardId: null, beforeCardId: null, version: card.version } });
const auditActions = async (orgId: string) =>
  (await env.DB.prepare('select action, detail from audit_log where org_id = ? order by id').bind(orgId).all<{ action: string; detail: string }>()).results;

beforeAll(async () => {
  home = await seedOffice('years-home');
  other = await seedOffice('years-other', 'years-other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'staff'] as const) cookie[who] = await cookieFor(home, who);
  cookie.otherAdmin = await cookieFor(other, 'admin');
  board = await getBoard(cookie.admin!);
});

describe('archiving a fiscal year', () => {
  it('only administrators of the office archive; the year then refuses every change with a bilingual 409', async () => {
    for (const who of ['executive', 'directorAdmin', 'staff'] as const) {
      expect((await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie[who], body: { archived: true } })).status).toBe(403);
    }
    expect((await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.otherAdmin, body: { archived: true } })).status).toBe(200); // their own 2567
    for (const body of [{}, { archived: 'yes' }, { archived: true, extra: 1 }]) {
      const bad = await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.admin, body });
      expect([bad.status, bad.json.error.code], JSON.stringify(body)).toEqual([400, 'invalid_input']);
      expect(bad.json.error.messageTh).toBeTruthy();
    }
    expect(await count('select count(*) n from fiscal_years where org_id = ? and archived_at is not null', home.orgId)).toBe(0);

    // Some history first: a move and a report, which must be kept.
    expect((await move(board.cards[0]!, 1)).status).toBe(200);
    board = await getBoard(cookie.admin!);
    const archived = await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.admin, body: { archived: true } });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.json.fiscalYear.archivedAt).toBeGreaterThan(0);
    const eventsBefore = await count('select count(*) n from card_events where fiscal_year_id = ?', board.fiscalYear.id);

    const card = board.cards.find((c) => c.leadGroupId === home.groupIds['กลุ่มอำนวยการ'])!;
    const refused = [
      await move(card, 2),
      await move(card, 2, 'directorAdmin'),
      await call('PATCH', `/api/cards/${card.id}`, { cookie: cookie.admin, body: { version: card.version, details: 'แก้ในปีที่เก็บถาวร' } }),
      await call('POST', `/api/cards/${card.id}/evidence`, { cookie: cookie.admin, body: { url: 'https://example.go.th/a', note: '', oitCode: 'O1' } }),
      await call('POST', `/api/cards/${card.id}/comments`, { cookie: cookie.directorAdmin, body: { body: 'ความเห็น' } }),
      await call('PATCH', `/api/admin/columns/${board.columns[0]!.id}`, { cookie: cookie.admin, body: { labelTh: 'ใหม่' } }),
      await call('PUT', '/api/admin/columns/order', { cookie: cookie.admin, body: { beYear: 2567, columnIds: board.columns.map((c) => c.id).reverse() } }),
      await call('POST', '/api/oit/2567/items', { cookie: cookie.admin, body: { code: 'O99', titleTh: 'ข้อใหม่' } }),
      await call('PATCH', '/api/oit/2567/deadline', { cookie: cookie.admin, body: { submissionDeadline: '2024-06-30' } }),
      await call('PUT', '/api/reports/schedule', { cookie: cookie.admin, body: { beYear: 2567, audience: 'staff', cadence: 'quarterly' } }),
      await call('POST', '/api/reports/send', { cookie: cookie.admin, body: { beYear: 2567, kind: 'staff', periodKey: '2024-06' } }),
    ];
    for (const r of refused) {
      expect([r.status, r.json?.error?.code], r.text).toEqual([409, 'fiscal_year_archived']);
      expect(r.json.error.messageTh).toContain('2567');
      expect(r.json.error.messageEn).toContain('archived');
    }
    // Nothing changed; everything is still readable.
    expect(await count('select count(*) n from card_events where fiscal_year_id = ?', board.fiscalYear.id)).toBe(eventsBefore);
    expect(await count('select count(*) n from oit_items where fiscal_year_id = ?', board.fiscalYear.id)).toBe(43);
    const after = await getBoard(cookie.staff!);
    expect(after.cards.map((c) => [c.id, c.version, c.columnId])).toEqual(board.cards.map((c) => [c.id, c.version, c.columnId]));
    // No card is offered for editing, not even to the administrator.
    expect(board.cards.some((c) => c.editable)).toBe(true);
    expect((await getBoard(cookie.admin!)).cards.some((c) => c.editable)).toBe(false);
    expect((await call('GET', '/api/reports?beYear=2567', { cookie: cookie.executive })).json.fiscalYear.archived).toBe(true);
    expect((await call('GET', '/api/admin/chain/2567', { cookie: cookie.admin })).json.ok).toBe(true);
    const listed = await call('GET', '/api/fiscal-years', { cookie: cookie.staff });
    expect(listed.json.fiscalYears[0].archivedAt).toBeGreaterThan(0);
    expect((await auditActions(home.orgId)).map((a) => a.action)).toContain('fiscal_year.archived');
  });

  it('changes racing the archive either commit before it or are refused; none lands after it', async () => {
    expect((await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.admin, body: { archived: false } })).status).toBe(200);
    board = await getBoard(cookie.admin!);
    const cards = board.cards.slice(0, 8);
    const eventsBefore = await count("select count(*) n from card_events where fiscal_year_id = ? and kind = 'card.moved'", board.fiscalYear.id);
    const results = await Promise.all([
      ...cards.slice(0, 4).map((c) => move(c, 2)),
      call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.admin, body: { archived: true } }),
      ...cards.slice(4).map((c) => move(c, 2)),
    ]);
    const archive = results[4]!;
    expect(archive.status).toBe(200);
    const moves = results.filter((_, i) => i !== 4);
    expect(moves.every((r) => r.status === 200 || (r.status === 409 && r.json.error.code === 'fiscal_year_archived'))).toBe(true);
    const moved = moves.filter((r) => r.status === 200).length;
    const events = await env.DB.prepare("select at from card_events where fiscal_year_id = ? and kind = 'card.moved' order by seq").bind(board.fiscalYear.id).all<{ at: number }>();
    expect(events.results.length - eventsBefore).toBe(moved);
    const archivedAt = archive.json.fiscalYear.archivedAt as number;
    expect(events.results.every((e) => e.at <= archivedAt)).toBe(true);
    expect((await move((await getBoard(cookie.admin!)).cards[9]!, 2)).status).toBe(409);
  });

  it('restoring makes the year writable again (audit-logged); archive and restore are idempotent', async () => {
    expect((await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.admin, body: { archived: true } })).json.archived).toBe(true);
    const restored = await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.admin, body: { archived: false } });
    expect([restored.status, restored.json.fiscalYear.archivedAt]).toEqual([200, null]);
    expect((await call('PUT', '/api/fiscal-years/2567/archived', { cookie: cookie.admin, body: { archived: false } })).status).toBe(200);
    board = await getBoard(cookie.admin!);
    expect((await move(board.cards[10]!, 1)).status).toBe(200);
    expect((await auditActions(home.orgId)).map((a) => a.action).filter((a) => a.startsWith('fiscal_year.'))).toEqual([
      'fiscal_year.archived',
      'fiscal_year.restored',
      'fiscal_year.archived',
      'fiscal_year.restored',
    ]);
  });
});

describe('deleting a fiscal year', () => {
  it('refuses a year with recorded work (it can only be archived), changing nothing', async () => {
    const life = await call('GET', '/api/fiscal-years/2567/life', { cookie: cookie.admin });
    expect(life.json).toMatchObject({ deletable: false, archivedAt: null });
    expect(life.json.activity.events).toBeGreaterThan(0);
    const r = await call('DELETE', '/api/fiscal-years/2567', { cookie: cookie.admin });
    expect([r.status, r.json.error.code]).toEqual([409, 'fiscal_year_in_use']);
    expect(r.json.error.messageTh).toContain('เก็บถาวร');
    expect(await count('select count(*) n from cards where fiscal_year_id = ?', board.fiscalYear.id)).toBe(21);
  });

  it('deletes a year holding nothing but its import, with everything in it, and records it', async () => {
    const rolled = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body: { toBeYear: 2568 } });
    expect(rolled.status).toBe(201);
    const id = rolled.json.fiscalYearId as string;
    expect((await call('GET', '/api/fiscal-years/2568/life', { cookie: cookie.admin })).json).toMatchObject({ deletable: true, activity: { events: 0, reports: 0, cards: 21 } });
    for (const who of ['executive', 'directorAdmin', 'staff'] as const) {
      expect((await call('DELETE', '/api/fiscal-years/2568', { cookie: cookie[who] })).status).toBe(403);
    }
    expect((await call('DELETE', '/api/fiscal-years/2568', { cookie: cookie.otherAdmin })).status).toBe(404);
    const r = await call('DELETE', '/api/fiscal-years/2568', { cookie: cookie.admin });
    expect(r.status, r.text).toBe(200);
    for (const table of ['cards', 'measures', 'board_columns', 'card_events', 'oit_items', 'report_schedules']) {
      expect(await count(`select count(*) n from ${table} where fiscal_year_id = ?`, id), table).toBe(0);
    }
    expect(await count('select count(*) n from fiscal_years where id = ?', id)).toBe(0);
    const deleted = (await auditActions(home.orgId)).filter((a) => a.action === 'fiscal_year.deleted');
    expect(deleted.map((a) => JSON.parse(a.detail))).toEqual([{ beYear: 2568, fiscalYearId: id, cards: 21 }]);
    expect((await call('DELETE', '/api/fiscal-years/2568', { cookie: cookie.admin })).status).toBe(404);
    // FY 2567 is whole.
    expect(await count('select count(*) n from cards where fiscal_year_id = ?', board.fiscalYear.id)).toBe(21);
  });

  it('a year with one comment is no longer deletable', async () => {
    const rolled = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body: { toBeYear: 2568 } });
    const next = await getBoard(cookie.admin!, 2568);
    expect((await call('POST', `/api/cards/${next.cards[0]!.id}/comments`, { cookie: cookie.admin, body: { body: 'เริ่มแล้ว' } })).status).toBe(201);
    const r = await call('DELETE', '/api/fiscal-years/2568', { cookie: cookie.admin });
    expect([r.status, r.json.error.code]).toEqual([409, 'fiscal_year_in_use']);
    expect(await count('select count(*) n from fiscal_years where id = ?', rolled.json.fiscalYearId)).toBe(1);
  });
});

describe('deleting while someone works in the year', () => {
  it('a delete racing comments and moves either removes the whole year (the changes then find nothing) or none of it', async () => {
    for (const target of [2569, 2571, 2572]) {
      const rolled = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body: { toBeYear: target, confirmNonAdjacent: true } });
      expect(rolled.status).toBe(201);
      const year = await getBoard(cookie.admin!, target);
      const [deleted, ...changes] = await Promise.all([
        call('DELETE', `/api/fiscal-years/${target}`, { cookie: cookie.admin }),
        call('POST', `/api/cards/${year.cards[0]!.id}/comments`, { cookie: cookie.admin, body: { body: 'เริ่มงาน' } }),
        call('POST', `/api/cards/${year.cards[1]!.id}/move`, { cookie: cookie.admin, body: { toColumnId: year.columns[1]!.id, afterCardId: null, beforeCardId: null, version: 1 } }),
      ]);
      const left = await count('select count(*) n from fiscal_years where id = ?', year.fiscalYear.id);
      const cardsLeft = await count('select count(*) n from cards where fiscal_year_id = ?', year.fiscalYear.id);
      const eventsLeft = await count('select count(*) n from card_events where fiscal_year_id = ?', year.fiscalYear.id);
      if (deleted.status === 200) {
        // Gone whole; the changes that came after found no card.
        expect([left, cardsLeft, eventsLeft]).toEqual([0, 0, 0]);
        expect(changes.every((r) => r.status === 404)).toBe(true);
      } else {
        // Kept whole, with every change that succeeded in its log.
        expect([deleted.status, deleted.json.error.code]).toEqual([409, 'fiscal_year_in_use']);
        expect([left, cardsLeft]).toEqual([1, 21]);
        expect(eventsLeft).toBe(21 + changes.filter((r) => r.status === 200 || r.status === 201).length);
        expect((await call('GET', `/api/admin/chain/${target}`, { cookie: cookie.admin })).json.ok).toBe(true);
      }
    }
  });
});

describe('the year everyone lands on', () => {
  const y = (beYear: number, archivedAt: number | null = null) => ({ beYear, startsOn: `${beYear - 544}-10-01`, endsOn: `${beYear - 543}-09-30`, archivedAt });

  it('the year containing today (Bangkok); else the latest non-archived year already started; never a later year', () => {
    expect(defaultFiscalYear([y(2567), y(2570), y(2571)], '2026-11-29')).toBe(2570);
    expect(defaultFiscalYear([y(2567), y(2571)], '2026-11-29')).toBe(2567);
    expect(defaultFiscalYear([y(2567), y(2568, 1), y(2571)], '2026-11-29')).toBe(2567);
    expect(defaultFiscalYear([y(2567), y(2570, 1)], '2026-11-29')).toBe(2567);
    expect(defaultFiscalYear([y(2570)], '2026-10-01')).toBe(2570);
    expect(defaultFiscalYear([y(2570), y(2571)], '2027-09-30')).toBe(2570);
    expect(defaultFiscalYear([y(2571)], '2026-11-29')).toBe(2571); // nothing started at all
    expect(defaultFiscalYear([], '2026-11-29')).toBeNull();
  });
});
